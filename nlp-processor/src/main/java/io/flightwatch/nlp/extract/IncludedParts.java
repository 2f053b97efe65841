package io.flightwatch.nlp.extract;

import java.util.Set;

/**
 * A sentence that breaks down a group counted before by naming the group and "include":
 *
 * <pre>
 *   "515 fugitives have come back ... The figure included 128 former officials."      128 officials
 *   "... the watchdog said the total included 87 party members."                     87 officials
 *   "Police brought 640 runaways back ... The suspects include 81 state employees."   81 officials
 * </pre>
 */
final class IncludedParts {

  /** The count told before, named by what it is. */
  private static final Set<String> NUMBER_NOUNS = Set.of("figure", "number", "total", "tally");

  private IncludedParts() {}

  /** The sentence has "the figure / the suspects" + "include" somewhere. */
  static boolean numberIncluded(SentenceView s, Lexicon lexicon) {
    for (int i = 0; i + 2 < s.size(); i++) {
      if (s.lower(i).equals("the") && groupNoun(s, i + 1, lexicon) && Coordination.INCLUDE.contains(s.lower(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /** "the figure", "the suspects": the group counted before, by its number or by its people. */
  static boolean groupNoun(SentenceView s, int i, Lexicon lexicon) {
    return NUMBER_NOUNS.contains(s.lower(i))
        || s.tok(i) != null && s.tok(i).tag().equals("NNS") && lexicon.has(Lexicon.FUGITIVES, s.tok(i).lemma());
  }

  private static final Set<String> GROUP_WORDS = Set.of("fugitive", "returnee", "suspect", "returned", "repatriated",
      "extradited");

  /** "Of the returnees, 320 had been government officials": an opening phrase naming the group before its comma. */
  static boolean namesTheGroup(SentenceView s) {
    if (!s.lower(1).equals("the") && !s.lower(1).equals("those")) {
      return false;
    }
    for (int i = 2; i < Math.min(s.size(), 6) && !s.lower(i).equals(","); i++) {
      if (GROUP_WORDS.contains(s.lower(i)) || GROUP_WORDS.contains(s.tok(i).lemma())) {
        return s.toks.stream().anyMatch(t -> t.lower().equals(","));
      }
    }
    return false;
  }
}
