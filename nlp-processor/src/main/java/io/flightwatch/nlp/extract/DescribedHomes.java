package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Locale;
import java.util.Set;

/**
 * A definite description that gives a named person's home: "... stolen by former president Kurmanbek Bakiyev. The
 * money of the former Kyrgyzstani president was found in the US": the former Kyrgyzstani president is the one
 * president the story named, and Kyrgyz ({@link References#observe}).
 */
final class DescribedHomes {

  /** The country and office of "the former Kyrgyzstani president", "the ousted Malian minister". */
  record Described(String iso, String office) {}

  private static final Set<String> BETWEEN = Set.of("former", "ex", "then", "ousted", "deposed", "exiled", "fugitive",
      "disgraced", "late", "erstwhile");

  private DescribedHomes() {}

  /**
   * The first "the [former] DEMONYM OFFICE" of the sentence that stands apart from any name (no name within a word
   * either side), or null.
   */
  static Described in(SentenceView s, Set<Integer> nearNames) {
    for (int i = 0; i + 1 < s.size(); i++) {
      Tok t = s.tok(i);
      if (!t.nationality() || nearNames.contains(i)) {
        continue;
      }
      int d = i - 1;
      while (d >= 0 && BETWEEN.contains(s.lower(d).replace("-", ""))) {
        d--;
      }
      int o = i + 1;
      if (d < 0 || !s.lower(d).equals("the") || o >= s.size() || !s.tok(o).tag().startsWith("NN")
          || !Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(o).lemma())) {
        continue;
      }
      boolean named = o + 1 < s.size() && s.tok(o + 1).isPerson() || s.tok(d - 1) != null && s.tok(d - 1).isPerson();
      if (!named) {
        return new Described(t.iso(), s.tok(o).lemma().toLowerCase(Locale.ROOT));
      }
    }
    return null;
  }

  /**
   * A demonym or owner country next to a name: "Nigeria's former minister Ana Obi", "Ana Obi, a former Nigerian
   * official," (before the name up to a comma or verb; after it, inside the apposition).
   */
  static String near(SentenceView s, int first, int last) {
    // "Former Zambian trade minister, Peter Banda, was ...": the office before the comma is the name's own
    int start = first - 1;
    if (start > 0 && s.lower(start).equals(",") && office(s, start - 1) && s.lower(last + 1).equals(",")) {
      start--;
    }
    for (int i = start; i >= Math.max(0, start - 5); i--) {
      Tok t = s.tok(i);
      if (t.lower().equals(",") || t.tag().startsWith("VB") || t.lower().equals("that") || t.tag().equals("IN")) {
        // "confirmed Thai media reports that Khamxay had turned up": the reports are Thai, not he; "from the Swiss
        // bank accounts of the late strongman X": the accounts are Swiss
        break;
      }
      if (t.nationality() || t.isPlace() && (PlaceReader.possessive(s, i) || PlaceReader.officeOwner(s, i))) {
        return t.iso();
      }
    }
    if (s.lower(last + 1).equals(",")) {
      for (int i = last + 2; i < s.size() && i <= last + 8; i++) {
        Tok t = s.tok(i);
        if (t.lower().equals(",") || t.tag().startsWith("VB")) {
          break;
        }
        if (t.nationality() || t.isPlace() && PlaceReader.possessive(s, i)) {
          return t.iso();
        }
        if (t.isPlace() && s.lower(i - 1).equals("of") && office(s, i - 2)) {
          return t.iso(); // "Peter Banda, a former president of Zambia, was ..."
        }
      }
    }
    return null;
  }

  /**
   * The home {@link #near} gives the person's mention in this sentence, before the article's references have seen it:
   * "Peter Banda, a former president of Zambia, was extradited to the United States" is no return home.
   */
  static String ofMention(SentenceView s, String person) {
    for (int i = 0; person != null && i < s.size(); i++) {
      if (s.tok(i).isPerson()) {
        int[] span = s.entitySpan(i);
        String name = s.name(span[0], span[1] + 1);
        if (person.equals(name) || person.endsWith(" " + name)) {
          return near(s, span[0], span[1]);
        }
        i = span[1];
      }
    }
    return null;
  }

  private static boolean office(SentenceView s, int i) {
    return i >= 0 && s.tok(i).tag().startsWith("NN") && Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(i).lemma());
  }
}
