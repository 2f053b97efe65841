package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;
import java.util.Locale;

/**
 * Stage 4 (people): the name an actor word stands for when the parse links them loosely.
 *
 * <pre>
 *   "John Okafor, a former bank manager who fled to the U.S."                   manager = John Okafor
 *   "Wu Hao, the former manager of a branch of a state bank in the province of Hunan suspected of embezzling
 *    $300 million who fled to the U.S. 15 years ago" (no antecedent parsed)     who = Wu Hao
 * </pre>
 */
final class Antecedents {

  /** How far back the antecedent may stand: a name, then a long apposition. */
  private static final int REACH = 30;

  private Antecedents() {
  }

  /**
   * The token of the nearest name before {@code who} within the same clause (no finite verb, no semicolon between),
   * when the parse gives {@code who} no antecedent; -1 otherwise.
   */
  static int ofWho(SentenceView s, int whoAt) {
    IndexedWord who = s.graph.getNodeByIndexSafe(whoAt + 1);
    if (who == null || !who.word().toLowerCase(Locale.ROOT).equals("who")
        || s.graph.incomingEdgeList(who).stream().anyMatch(e -> e.getRelation().toString().equals("ref"))) {
      return -1;
    }
    for (int i = whoAt - 1; i >= 0 && i >= whoAt - REACH; i--) {
      SentenceView.Tok t = s.tok(i);
      if (t.lower().equals(";") || t.tag().matches("VB[DZP]|MD")) {
        return -1;
      }
      if (t.isPerson()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The name follows "of", perhaps with a title between: "X and Y, who left after the ouster of President Z, are in
   * Austria" places X and Y, not Z.
   */
  static boolean ofObject(SentenceView s, int i) {
    int k = s.entitySpan(i)[0] - 1;
    while (k >= 0 && k >= s.entitySpan(i)[0] - 3 && s.tok(k).tag().startsWith("NNP") && !s.tok(k).isPerson()) {
      k--;
    }
    return k >= 0 && s.lower(k).equals("of");
  }

  /**
   * A predicate noun with an owner ("his return", "Bello's extradition"): whoever the clause above speaks of in the
   * plural is someone else ("several thousand people marched in protest at his return").
   */
  static boolean owned(SentenceView s, int pred) {
    IndexedWord node = s.graph.getNodeByIndexSafe(pred + 1);
    return node != null && s.tok(pred).tag().startsWith("NN") && s.graph.outgoingEdgeList(node).stream()
        .anyMatch(e -> e.getRelation().toString().equals("nmod:poss"));
  }

  /**
   * A predicate noun owned by the pronoun that is its clause's subject: "He has been held since June, following his
   * extradition from Brazil" (he is who was extradited, whoever he is). Not under a modal clause: "Upon his return,
   * he must report to the bureau" tells no return.
   */
  static boolean ownedBySame(SentenceView s, int pred, IndexedWord clause, String subject) {
    if (s.graph.outgoingEdgeList(clause).stream().anyMatch(e -> e.getRelation().toString().equals("aux")
        && "MD".equals(e.getTarget().tag()))) {
      return false;
    }
    IndexedWord node = s.graph.getNodeByIndexSafe(pred + 1);
    String owner = switch (subject) {
      case "he" -> "his";
      case "she" -> "her";
      case "they" -> "their";
      default -> null;
    };
    return owner != null && node != null && s.tok(pred).tag().startsWith("NN") && s.graph.outgoingEdgeList(node)
        .stream().anyMatch(e -> e.getRelation().toString().equals("nmod:poss")
            && e.getTarget().word().toLowerCase(Locale.ROOT).equals(owner));
  }

  /**
   * A name a predicate noun stands in apposition to on the surface: "worked under former president Pablo Ruiz,
   * himself a fugitive, currently residing in Argentina" (the parser may hang the noun on the clause's subject).
   * The name's token, or -1.
   */
  static int apposedName(SentenceView s, int pred) {
    if (!s.tok(pred).tag().matches("NN|JJ|VBG")) {
      return -1;
    }
    for (int i = pred - 1; i >= 1 && pred - i <= 10; i--) {
      if (s.tok(i).tag().matches("VB[DPZ]|MD|WP|WDT|CC") || s.tok(i).isPerson()) {
        return -1; // a clause or a name of its own in between
      }
      if (s.lower(i).equals(",") && s.tok(i - 1).isPerson()) {
        return i - 1;
      }
    }
    return -1;
  }

  /**
   * "Former minister John Banda, his wife and their two sons fled to South Africa": the parser makes the relatives the
   * subject and hangs the verb on the name. The name's token when only the relatives (a possessive, relatives'
   * nouns, numbers, "and") stand between the name's comma and the predicate; -1 otherwise.
   */
  static int nameBeforeRelatives(SentenceView s, int pred, Lexicon lexicon) {
    if (!s.tok(pred).tag().startsWith("VB")) {
      return -1;
    }
    boolean relative = false;
    for (int i = pred - 1; i >= 1 && pred - i <= 12; i--) {
      SentenceView.Tok t = s.tok(i);
      if (s.lower(i).equals(",") && s.tok(i - 1).isPerson()) {
        return relative && s.tok(i + 1).tag().equals("PRP$") ? i - 1 : -1;
      }
      relative |= lexicon.has(Lexicon.FAMILY, t.lemma());
      if (!t.tag().matches("PRP\\$|NNS?|CD|JJ|CC|,") || t.isPerson()) {
        return -1;
      }
    }
    return -1;
  }

  /** Words that open a clause of time between a headline's speaker and what happened. */
  private static final java.util.Set<String> CLAUSE_OPENERS =
      java.util.Set.of("after", "before", "as", "when", "while");

  /**
   * "'No one is above the law': Ortiz after ex-governor flees Peru": the parser makes the speaker the subject of the
   * verb of the clause that follows him. Without the subjects that stand before such a clause's opener, when a word
   * of office follows the opener; the arguments unchanged otherwise.
   */
  static List<IndexedWord> beforeClause(SentenceView s, List<IndexedWord> args, int pred) {
    int opener = -1;
    for (int i = pred - 1; i >= 0 && pred - i <= 4; i--) {
      if (CLAUSE_OPENERS.contains(s.lower(i))) {
        opener = i;
        break;
      }
    }
    if (opener < 0 || !Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(opener + 1).lemma())
        && !s.lower(opener + 1).startsWith("ex-")) {
      return args;
    }
    int at = opener;
    return args.stream().filter(w -> w.index() - 1 > at).toList();
  }

  /** "officials told us that he (Menon) left": the name the writer put in brackets after a pronoun. */
  static boolean bracketedName(SentenceView s, int pronoun) {
    return s.lower(pronoun + 1).equals("(") && s.tok(pronoun + 2) != null && s.tok(pronoun + 2).isPerson();
  }

  /** The name an office noun is apposed to ("John Okafor, a former bank manager"): its token, or -1. */
  static int apposedTo(SentenceView s, IndexedWord office) {
    for (SemanticGraphEdge e : s.graph.incomingEdgeIterable(office)) {
      SentenceView.Tok head = s.tok(e.getSource().index() - 1);
      if (e.getRelation().toString().equals("appos") && head != null && head.isPerson()) {
        return head.i();
      }
    }
    return -1;
  }

  /**
   * "X brought $58 million belonging to Y when he defected": the token of the person who is the main clause's
   * subject, when {@code pronoun} is the subject of a clause hung on the main verb ("when", "after", "before"), not a
   * nearer name inside its object; -1 if the parse says nothing.
   */
  static int mainSubject(SentenceView s, int pronoun) {
    int subject = subjectAbove(s, pronoun);
    return subject >= 0 && s.tok(subject).isPerson() ? subject : -1;
  }

  /**
   * "X announced that Sri Lanka's embattled president had resigned moments after he landed in Singapore": the clause
   * above the pronoun's has an office for its subject, so no name before that office is "he"; the office's token, or
   * -1.
   */
  static int officeAbove(SentenceView s, int pronoun) {
    int subject = subjectAbove(s, pronoun);
    SentenceView.Tok t = subject < 0 ? null : s.tok(subject);
    return t != null && !t.isPerson() && t.tag().startsWith("NN")
        && Lexicon.standard().has(Lexicon.OFFICIALS, t.lemma().toLowerCase(Locale.ROOT)) ? subject : -1;
  }

  /**
   * "By June, he was declared missing by X, an adviser, who confirmed that he fled to Russia": an earlier "he" of the
   * sentence, before the nearest name, is who a later "he" is; its token, or -1.
   */
  static int samePronounBefore(SentenceView s, int pronoun) {
    String word = s.lower(pronoun);
    if (!word.equals("he") && !word.equals("she")) {
      return -1;
    }
    int i = pronoun - 1;
    while (i >= 0 && !s.tok(i).isPerson()) {
      i--;
    }
    for (int j = i - 1; i >= 0 && j >= 0; j--) {
      if (s.lower(j).equals(word)) {
        return j;
      }
    }
    return -1;
  }

  /**
   * The subject before {@code pronoun} of the clause that the pronoun's own clause hangs on as an adverbial (through
   * the object the parser may hang it on: "has resigned just moments after he landed"), or the subject above that when
   * it is "he" or "she" again ("after he landed in Singapore as he fled").
   */
  private static int subjectAbove(SentenceView s, int pronoun) {
    int subject = clauseSubject(s, pronoun);
    String word = subject < 0 ? "" : s.lower(subject);
    return (word.equals("he") || word.equals("she")) && word.equals(s.lower(pronoun)) ? clauseSubject(s, subject)
        : subject;
  }

  private static int clauseSubject(SentenceView s, int pronoun) {
    IndexedWord p = s.graph == null ? null : s.graph.getNodeByIndexSafe(pronoun + 1);
    if (p == null) {
      return -1;
    }
    for (SemanticGraphEdge up : s.graph.incomingEdgeIterable(p)) {
      if (!up.getRelation().toString().equals("nsubj") && !up.getRelation().toString().equals("nsubj:pass")) {
        continue;
      }
      for (SemanticGraphEdge clause : s.graph.incomingEdgeIterable(up.getGovernor())) {
        IndexedWord verb = clause.getGovernor();
        IndexedWord above = s.graph.getParent(verb);
        if (!verb.tag().startsWith("VB") && above != null && above.tag().startsWith("VB")
            && s.graph.reln(above, verb).toString().matches("obj|obl.*")) {
          verb = above;
        }
        if (!clause.getRelation().toString().startsWith("advcl") || !verb.tag().startsWith("VB")) {
          continue;
        }
        for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
          SentenceView.Tok subject = s.tok(e.getTarget().index() - 1);
          if (e.getRelation().toString().startsWith("nsubj") && subject != null && subject.i() < pronoun) {
            return subject.i();
          }
        }
      }
    }
    return -1;
  }
}
