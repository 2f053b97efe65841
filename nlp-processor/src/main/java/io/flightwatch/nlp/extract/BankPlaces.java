package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.PlaceReader.Places;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 4, money's side: the country of the bank, account or firm money lies in or goes through, where the predicate's
 * roles gave no place.
 *
 * <pre>
 *   "laundered $50 million through Swiss banks", "in Hong Kong banks"   CH, HK
 *   "wired $2 million to a London account"                            GB
 *   "laundered 100 million dollars via Cypriot companies"             CY
 *   "accounts in Cyprus, France and the US"                           CY, FR, US
 *   "recovered $20 million frozen in the United States"               US (where recovered money lay)
 * </pre>
 */
final class BankPlaces {

  private final Lexicon lexicon;

  BankPlaces(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * Where recovered money lay, after a verb of keeping ("$8m fortune stashed in Jersey", "wealth that was held up in
   * litigation in Singapore") or in a foreign bank ("had been in a Lebanese bank account"); places in {@code homes}
   * do not count.
   */
  Places keptIn(SentenceView s, List<String> homes) {
    for (int i = 1; i < s.size(); i++) {
      String bank = nationalBank(s, i);
      if (bank != null && !homes.contains(bank)) {
        return new Places(List.of(bank), false);
      }
    }
    return afterVerb(s, 0, Lexicon.KEPT_VERBS, IN, homes);
  }

  /**
   * Where recovered money was sent, told after the amount that ends before token {@code from}: "has recovered $1.6
   * million siphoned off to Singapore" gives SG (a verb of {@code sent-away.txt}; only after the amount, since "The
   * money transferred to Ukraine is the SFr10.5 million ..." names the receiver); places in {@code homes} do not count.
   */
  Places sentAfter(SentenceView s, int from, List<String> homes) {
    return afterVerb(s, from, Lexicon.SENT_AWAY, SENT_TO, homes);
  }

  private static final Set<String> IN = Set.of("in");
  private static final Set<String> SENT_TO = Set.of("to", "into", "in");

  /** The first country after a verb of {@code verbs} (from token {@code from} on), behind one of {@code preps}. */
  private Places afterVerb(SentenceView s, int from, String verbs, Set<String> preps, List<String> homes) {
    for (int i = Math.max(0, from); i < s.size(); i++) {
      if (!s.tok(i).tag().startsWith("VB") || !lexicon.has(verbs, s.tok(i).lemma())) {
        continue;
      }
      for (int j = i + 1; j < s.size() && j <= i + 6 && !s.lower(j).equals(",") && !s.lower(j).equals(";"); j++) {
        Tok t = s.tok(j);
        int at = s.lower(j - 1).equals("the") ? j - 2 : j - 1;
        if (t.isPlace() && preps.contains(s.lower(at)) && !homes.contains(t.iso()) && !PlaceReader.possessive(s, j)) {
          return new Places(List.of(t.iso()), false);
        }
      }
    }
    return Places.NONE;
  }

  /**
   * The country of "a Lebanese bank", "Hong Kong banks", "a London account" or, after a preposition, "Cypriot shell
   * companies" when token {@code k} is the bank, account or firm; null otherwise.
   */
  private static String nationalBank(SentenceView s, int k) {
    String l = s.tok(k).lemma();
    boolean holder = HOLDERS.contains(l);
    int m = holder && s.lower(k - 1).equals("shell") ? k - 2 : k - 1; // "through Panamanian shell companies"
    Tok before = s.tok(m);
    if (before == null || before.iso() == null || !(l.equals("bank") || l.equals("account") || holder)) {
      return null;
    }
    int first = nameStart(s, m);
    if (holder && !(PUT_INTO.contains(s.lower(first - 1)) || PUT_INTO.contains(s.lower(first - 2)))) {
      return null;
    }
    return before.iso();
  }

  /** First token of the place name ending at token {@code m}: "Hong Kong banks" puts the preposition before "Hong". */
  private static int nameStart(SentenceView s, int m) {
    int first = m;
    while (first > 0 && s.tok(m).iso().equals(s.tok(first - 1).iso())) {
      first--;
    }
    return first;
  }

  /** Before "Cypriot companies": money put through them ("contracts with Swiss firms" are trade, no place). */
  private static final Set<String> PUT_INTO = Set.of("in", "into", "through", "via", "to");

  /** Firms money is laundered through ("via Cypriot companies"); only after a preposition of putting money there. */
  private static final Set<String> HOLDERS = Set.of("company", "firm");

  /**
   * "a bank in Latvia", "accounts in Cyprus, France and the US", "a Lebanese bank account", "into the Bank of Cyprus"
   * anywhere in a money sentence (not "17 Indian banks are trying to collect": banks, not an account).
   */
  Places accountsIn(SentenceView s) {
    Set<String> codes = new LinkedHashSet<>();
    for (int k = 0; k + 1 < s.size(); k++) {
      String l = s.tok(k).lemma();
      String bank = nationalBank(s, k);
      int before = bank == null || !l.equals("bank") ? -1 : nameStart(s, k - 1) - 1;
      before = ARTICLES.contains(s.lower(before)) ? before - 1 : before; // "in a Singapore bank"
      if (bank != null && (s.tok(k + 1).lemma().equals("account") || !l.equals("bank")
          || BANK_PREPOSITIONS.contains(s.lower(before)))) {
        codes.add(bank); // "a Lebanese bank account", "through Swiss banks", "in Hong Kong banks", "a London account"
      }
      int b = s.lower(k + 1).equals("the") ? k + 2 : k + 1;
      if ((l.equals("into") || l.equals("at")) && s.tok(b) != null && s.tok(b).owner() != null
          && PlaceReader.bankName(s, s.tok(b))) {
        codes.add(s.tok(b).owner()); // "deposited a total of EUR 2 billion ... into the Banca Privada d'Andorra"
      }
      int in = (l.equals("bank") || l.equals("account")) ? heldIn(s, k + 1) : -1;
      if (in > 0) {
        for (int j = in + 1; j < s.size() && j < in + 13; j++) {
          Tok t = s.tok(j);
          if (t.isPlace()) {
            codes.add(t.iso());
          } else if (!(t.lower().equals(",") || t.lower().equals("and") || t.lower().equals("the")
              || t.lower().equals("or"))) {
            break;
          }
        }
      }
    }
    return new Places(new ArrayList<>(codes), false);
  }

  /** Verbs of an owner's hold on an account: "accounts he controlled in Latvia". */
  private static final Set<String> HOLDING = Set.of("control", "hold", "own", "keep", "open", "have", "maintain");

  /**
   * The "in" after an account or bank, right after it or after a short clause of its holder with a verb of holding
   * ("accounts he controlled in Latvia", "an account that she kept in Cyprus"); -1 when there is none.
   */
  private static int heldIn(SentenceView s, int at) {
    int i = s.lower(at).equals("that") || s.lower(at).equals("which") ? at + 1 : at;
    if (i > at || s.tok(i) != null && s.tok(i).tag().equals("PRP")) {
      i = s.tok(i) != null && s.tok(i).tag().equals("PRP") ? i + 1 : i;
      i = s.tok(i) != null && s.tok(i).tag().startsWith("VB") && HOLDING.contains(s.tok(i).lemma()) ? i + 1 : -1;
      if (i < 0) {
        return -1;
      }
    }
    return s.lower(i).equals("in") ? i : -1;
  }

  private static final Set<String> ARTICLES = Set.of("a", "an", "the", "one");

  /** Before "Swiss banks": money put there ("17 Indian banks are trying to collect" are lenders, no place). */
  private static final Set<String> BANK_PREPOSITIONS = Set.of("in", "into", "through", "via", "with", "at", "to");
}
