package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.Set;

/**
 * Stage 4 (money): which amount of a sentence a money predicate moved, and the article's own USD conversion of it.
 *
 * <pre>
 *   "wired 1.3 billion yuan (about US$210 million) to a bank in Singapore"   1.3 billion CNY, USD 210 million (article)
 *   "a $485 million fraud case ... was extradited"                            a case size: never moved money
 *   "took bribes worth 300 million rubles and transferred 120 million rubles"  the amount in the predicate's object
 *   "payments which he stashed in bank accounts in Malta"                     no amount: the moved thing is money
 * </pre>
 */
final class MoneyReader {

  private static final Set<String> CONVERSION_GLUE = Set.of("-lrb-", "(", "or", "about", "roughly", "approximately",
      "around", "some", "nearly");

  /** Pronouns that can stand for money moved ("which he stashed", "transferred it"), never for a person. */
  private static final Set<String> THING_PRONOUNS = Set.of("which", "that", "it", "them");
  /** Nouns for a share or a quantity of something: "part of the money", "some of which", "large amounts of money". */
  private static final Set<String> SHARES = Set.of("part", "some", "much", "most", "portion", "share", "half", "bulk",
      "rest", "remainder", "all", "amount", "quantity", "lot", "chunk");
  private static final Set<String> PAID = Set.of("bribe", "kickback");
  private static final Set<String> RELATIVES = Set.of("which", "that", "whom");
  /** Destination nouns that only money goes to: "stashed it in bank accounts in X". */
  private static final Set<String> MONEY_PLACES = Set.of("account", "bank");

  private final Lexicon lexicon;

  MoneyReader(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  Lexicon lexicon() {
    return lexicon;
  }

  /**
   * For a transfer with no amount: the word naming the money it moved, or null when what moved is not money (people,
   * documents) or unknown.
   * <pre>
   *   "kickbacks ... which were sent to a Malta-registered company"   kickbacks (a relative clause the parser hung on
   *                                                                    the noun after them: "kickbacks from firms
   *   which") "accused of transferring illicit payments to ..."              payments (the verb read as an adjective)
   *   "which he stashed away in bank accounts in Chile"              which (money: it went into bank accounts)
   *   "received $6 million in bribes ..., part of which was deposited in accounts in Panama"   bribes
   * </pre>
   */
  IndexedWord movedMoney(SentenceView s, int head, List<IndexedWord> theme, List<IndexedWord> dest) {
    if (s.graph == null) {
      return null;
    }
    IndexedWord pred = s.graph.getNodeByIndexSafe(head + 1);
    for (IndexedWord w : theme == null ? List.<IndexedWord>of() : theme) {
      IndexedWord t = wholeOf(s, w);
      if (t == null) {
        continue;
      }
      if (isMoneyNoun(s, t)) {
        return t;
      }
      IndexedWord owner = moneyBefore(s, t);
      if (owner != null) {
        return owner; // "kickbacks from firms which were sent": the money was sent, not the firms
      }
      if (THING_PRONOUNS.contains(t.word().toLowerCase(java.util.Locale.ROOT)) && dest != null && dest.stream()
          .anyMatch(d -> MONEY_PLACES.contains(d.lemma()))) {
        return t;
      }
    }
    if (pred != null && (theme == null || theme.isEmpty())) {
      IndexedWord governor = s.graph.getParent(pred);
      SemanticGraphEdge e = governor == null ? null : s.graph.getEdge(governor, pred);
      if (e != null && e.getRelation().toString().equals("amod") && governor.index() > pred.index()
          && isMoneyNoun(s, governor)) {
        return governor; // "of transferring payments": the parser made the verb an adjective of its object
      }
    }
    return null;
  }

  /**
   * What a share was taken of: "part of the money" gives money; "bribes ..., part of which was deposited" gives the
   * money noun the relative pronoun stands for (the parser often hangs that clause on a later noun); null when "part
   * of which" follows no money. Any other word is returned as it is.
   */
  private IndexedWord wholeOf(SentenceView s, IndexedWord t) {
    if (!SHARES.contains(t.lemma().toLowerCase(java.util.Locale.ROOT))) {
      return t;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(t)) {
      if (!e.getRelation().toString().equals("nmod:of")) {
        continue;
      }
      IndexedWord whole = e.getTarget();
      if (!RELATIVES.contains(whole.word().toLowerCase(java.util.Locale.ROOT))) {
        return whole;
      }
      for (int i = whole.index() - 2; i >= 0; i--) {
        IndexedWord before = s.graph.getNodeByIndexSafe(i + 1);
        if (before != null && isMoneyNoun(s, before)) {
          return before;
        }
      }
      return null;
    }
    return t;
  }

  /**
   * The money noun a "from"/"of" phrase hangs on, whether the parser attached the phrase to the noun ("kickbacks from
   * firms") or to its verb ("took kickbacks | from firms").
   */
  private IndexedWord moneyBefore(SentenceView s, IndexedWord t) {
    for (SemanticGraphEdge e : s.graph.incomingEdgeIterable(t)) {
      String rel = e.getRelation().toString();
      IndexedWord gov = e.getGovernor();
      if ((rel.equals("nmod:from") || rel.equals("nmod:of")) && isMoneyNoun(s, gov)) {
        return gov;
      }
      if (rel.equals("obl:from") || rel.equals("obl:of")) {
        for (SemanticGraphEdge o : s.graph.outgoingEdgeIterable(gov)) {
          IndexedWord obj = o.getTarget();
          if (o.getRelation().toString().equals("obj") && obj.index() < t.index() && isMoneyNoun(s, obj)) {
            return obj;
          }
        }
      }
    }
    return null;
  }

  private boolean isMoneyNoun(SentenceView s, IndexedWord w) {
    Tok t = s.tok(w.index() - 1);
    return t != null && t.tag().startsWith("NN") && lexicon.has(Lexicon.ASSETS, t.lemma());
  }

  /**
   * The amount a predicate at token {@code pred} moved: one inside its THEME argument's phrase, else the nearest in
   * the sentence within a few words; never an article's own conversion in brackets, nor a case size or bribe.
   */
  MoneyMention amountFor(SentenceView s, int pred, List<IndexedWord> theme) {
    MoneyMention best = null;
    int bestDist = Integer.MAX_VALUE;
    for (MoneyMention m : s.money) {
      if (previousOf(s, m) != null) {
        continue;
      }
      int[] sp = s.span(m);
      boolean inTheme = theme != null && theme.stream().anyMatch(w -> w.index() - 1 >= sp[0] && w.index() - 1 <= sp[1]
          || s.graph != null && dominates(s, w, sp));
      if (notTransfer(s, m) && !(inTheme && paidMoney(s, sp))) {
        continue; // but "transferred $9 million in bribe money into accounts in London": the bribe itself moved
      }
      if (DENOMINATIONS.contains(s.lower(sp[1] + 1))) {
        continue; // "a cargo of $100 bills worth $8 million was flown": the size of a note, not of the sum
      }
      if (AwaitedSums.awaited(s, sp)) {
        continue;
      }
      int dist = inTheme ? -1 : sp[1] < pred ? pred - sp[1] : Math.max(0, sp[0] - pred);
      if (dist <= 14 && dist < bestDist) {
        best = m;
        bestDist = dist;
      }
    }
    return best == null ? null : partOf(s, best);
  }

  private static final Set<String> DENOMINATIONS = Set.of("bill", "bills", "note", "notes", "banknote", "banknotes");

  /** "$4.6 million of the $6 million under the order has been recovered": the part, not the whole it is of. */
  private static MoneyMention partOf(SentenceView s, MoneyMention whole) {
    int start = s.span(whole)[0];
    int gap = s.lower(start - 1).equals("the") ? 2 : 1;
    if (!s.lower(start - gap).equals("of")) {
      return whole;
    }
    for (MoneyMention m : s.money) {
      if (m != whole && s.span(m)[1] == start - gap - 1) {
        return m;
      }
    }
    return whole;
  }

  /** "$9 million in bribe money", "$2 million in kickbacks": money paid, which can itself be moved. */
  private static boolean paidMoney(SentenceView s, int[] span) {
    for (int i = span[1] + 1; i <= span[1] + 3 && i < s.size(); i++) {
      if (PAID.contains(s.tok(i).lemma())) {
        return true;
      }
    }
    return false;
  }

  private static boolean dominates(SentenceView s, IndexedWord theme, int[] span) {
    for (int i = span[0]; i <= span[1]; i++) {
      IndexedWord w = s.graph.getNodeByIndexSafe(i + 1);
      if (w != null && (w.equals(theme) || s.graph.getPathToRoot(w).contains(theme)) && s.graph.getPathToRoot(w)
          .indexOf(theme) <= 2) {
        return true;
      }
    }
    return false;
  }

  /** "a $485 million embezzlement case", "bribes worth $2m": the amount sizes something that did not move. */
  boolean notTransfer(SentenceView s, MoneyMention m) {
    int[] sp = s.span(m);
    for (int i = sp[1] + 1; i <= sp[1] + 3 && i < s.size(); i++) {
      String l = s.tok(i).lemma();
      if (lexicon.has(Lexicon.MONEY_NOT_TRANSFER, l)) {
        return true;
      }
      if (l.equals(",") || l.equals("to") || l.equals("from") || l.equals("into") || l.equals("of")) {
        break;
      }
    }
    for (int i = sp[0] - 1; i >= Math.max(0, sp[0] - 3); i--) {
      String l = s.tok(i).lemma();
      if (l.equals("worth") || l.equals("valued")) {
        return lexicon.has(Lexicon.MONEY_NOT_TRANSFER, s.tok(Math.max(0, i - 1)).lemma());
      }
    }
    return false;
  }

  /** The amount this one converts: "800 billion yuan (about $123 billion)" gives the yuan for the dollars. */
  static MoneyMention previousOf(SentenceView s, MoneyMention m) {
    MoneyMention prev = null;
    for (MoneyMention o : s.money) {
      if (o.end() <= m.begin() && (prev == null || o.end() > prev.end())) {
        prev = o;
      }
    }
    if (prev == null) {
      return null;
    }
    int a = s.tokenAt(prev.end());
    int b = s.tokenAt(m.begin());
    for (int i = a; i < b; i++) {
      if (CONVERSION_GLUE.contains(s.lower(i))) {
        return b - a <= 3 ? prev : null;
      }
    }
    return null;
  }

  /** The article's own USD conversion of an amount, if it printed one right after it. */
  static MoneyMention conversionOf(SentenceView s, MoneyMention m) {
    for (MoneyMention o : s.money) {
      if (o.begin() >= m.end() && previousOf(s, o) == m) {
        return o;
      }
    }
    return null;
  }

  static void setMoney(Draft d, MoneyMention m, SentenceView s) {
    d.money = m;
    d.valueText = m.text();
    d.approximate = m.approximate();
    d.vagueMoney = m.amount() == null;
    MoneyMention conv = conversionOf(s, m);
    if (conv != null && "USD".equals(conv.currency()) && conv.amountUsd() != null && !"USD".equals(m.currency())) {
      d.usdOverride = conv.amountUsd();
    }
  }

  /** A gerund or bare verb ("with embezzling", "with having stolen"), not a participle ("with an estimated"). */
  private static boolean verbBetween(SentenceView s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.tok(i).tag().equals("VBG") || s.tok(i).tag().equals("VB")) {
        return true;
      }
    }
    return false;
  }

  /** Money that went abroad with the people: "fled with $X", "taking $X with them", "stole $X and fled". */
  MoneyMention takenAlong(SentenceView s, int pred) {
    for (MoneyMention m : s.money) {
      int[] at = s.span(m);
      if (previousOf(s, m) != null || notTransfer(s, m) || perHead(s, m) || s.lower(at[0] - 1).equals("of")
          && lexicon.has(Lexicon.MONEY_NOT_TRANSFER, s.tok(Math.max(0, at[0] - 2)).lemma())) {
        // "leaving the state with a public debt of $583 million": no money left with anyone
        continue;
      }
      int[] sp = s.span(m);
      if (sp[0] > pred && sp[0] - pred <= 10) {
        for (int i = pred + 1; i < sp[0]; i++) {
          String w = s.lower(i);
          if (w.equals("with") && !verbBetween(s, i + 1, sp[0]) || w.equals("taking") || w.equals("carrying")) {
            return m; // but "fled after being charged with embezzling $X" took nothing along
          }
        }
        if (s.lower(sp[1] + 1).equals("with")) {
          return m;
        }
      }
      if (sp[1] < pred && pred - sp[1] <= 6) {
        // "took 800 billion yuan with them when they fled": carried along, said before the flight
        boolean took = false;
        for (int i = Math.max(0, sp[0] - 3); i < sp[0]; i++) {
          took |= s.tok(i).lemma().equals("take") || s.tok(i).lemma().equals("carry");
        }
        if (took && s.lower(sp[1] + 1).equals("with")) {
          return m;
        }
        boolean stolen = false;
        for (int i = Math.max(0, sp[0] - 4); i < sp[0]; i++) {
          String l = s.tok(i).lemma();
          stolen |= l.equals("steal") || l.equals("loot") || l.equals("embezzle") || l.equals("pocket")
              || l.equals("plunder");
        }
        boolean and = false;
        for (int i = sp[1] + 1; i < pred; i++) {
          and |= s.lower(i).equals("and");
        }
        if (stolen && and) {
          return m;
        }
      }
    }
    return null;
  }

  /** A country's name or "the (West African) country / nation" from token {@code i}. */
  private boolean outsideCountry(SentenceView s, int i) {
    for (int j = i; j < s.size() && j <= i + 3; j++) {
      Tok t = s.tok(j);
      if (t.isPlace() || lexicon.has(Lexicon.COUNTRY_REFS, t.lemma())) {
        return true;
      }
      if (!t.tag().startsWith("NNP") && !t.tag().equals("DT") && !t.tag().equals("JJ")) {
        return false;
      }
    }
    return false;
  }

  /**
   * "the runaway cadres left with about two million dollars each", "$2 million apiece", "$50,000 per person": a sum
   * per head of a group, no transfer that can be added up.
   */
  static boolean perHead(SentenceView s, MoneyMention m) {
    int after = s.span(m)[1] + 1;
    String next = s.lower(after);
    return next.equals("each") || next.equals("apiece")
        || next.equals("per") && (s.lower(after + 1).equals("person") || s.lower(after + 1).equals("head"));
  }

  /**
   * A word ("overseas") or a word and the next lemma ("foreign account": "foreign" alone is any ministry) of the list.
   */
  boolean saysAbroad(SentenceView s) {
    return saysAbroad(s, 0, s.size());
  }

  /** As {@link #saysAbroad(SentenceView)}, for the words that begin at token indices {@code from} to {@code to}. */
  boolean saysAbroad(SentenceView s, int from, int to) {
    for (int i = Math.max(0, from); i < s.size() && i < to; i++) {
      if (lexicon.has(Lexicon.ABROAD, s.lower(i)) && !(s.lower(i).equals("out") && !s.lower(i + 1).equals("of"))) {
        return true;
      }
      if (i + 1 < s.size() && lexicon.has(Lexicon.ABROAD, s.lower(i) + " " + s.tok(i + 1).lemma())) {
        return true;
      }
      if (i + 2 < s.size() && lexicon.has(Lexicon.ABROAD, s.lower(i) + " " + s.lower(i + 1) + " " + s.lower(i + 2))) {
        return true;
      }
      if (s.lower(i).equals("outside") && outsideCountry(s, i + 1)) {
        return true; // "stashed outside Egypt", "hidden outside the country"
      }
      if (s.lower(i).equals("from") && s.lower(i + 1).equals("the") && s.tok(i + 2) != null
          && s.tok(i + 2).lemma().equals("country") && !s.lower(i + 3).equals("'s")) {
        return true; // "siphoned off 17 lakh crore taka from the country" (not "from the country's coffers")
      }
    }
    return false;
  }
}
