package io.flightwatch.nlp.extract;

import java.util.Set;

/**
 * Whether a fugitive's arrival is a return home: the place arrived at is their own country, or the arrival ends an
 * exile, or it comes by a flight from abroad to a place at home.
 *
 * <pre>
 *   "Wanted former governor Joseph Kamau landed in Nairobi from London"          home (from abroad)
 *   "The former minister arrived in Ghana after three years of exile"            home (an exile ends)
 *   "gave himself up at Harare airport after landing there on a flight from Botswana"  home (a flight from abroad)
 *   "was held on his arrival at the capital's airport"                           home (an arrest as he lands)
 *   "The minister arrived in Paris for talks"                                     no return
 * </pre>
 */
final class Arrivals {

  private static final Set<String> CRAFT = Set.of("flight", "plane", "jet", "aircraft");
  private static final Set<String> ARRIVAL_NOUNS = Set.of("arrival", "return");
  private static final Set<String> RUNAWAY_VERBS = Set.of("flee", "abscond", "escape", "hide");

  private Arrivals() {}

  /**
   * "landed in Nairobi", "arrived back at Lagos airport": the place after the arrival is the person's own country. An
   * arrest on arrival needs a runaway's story, in the article so far or in the sentence beside the arrest ("The
   * opposition leader was arrested on arrival after a trip to Brussels" tells none).
   */
  static boolean arrivesHome(SentenceView s, int head, String home, boolean storyOfRunaways) {
    if (arrestedOnArrival(s, head, home) && (storyOfRunaways || wanted(s))) {
      return true;
    }
    for (int i = head + 1; i < s.size() && i <= head + 4; i++) {
      if (s.tok(i).isPlace()) {
        String at = s.tok(i).iso();
        if (home == null) { // no nationality given: coming home is arriving from abroad ("landed in X from London")
          return comesFromAbroad(s, i, at) || endsAnExile(s, i);
        }
        return home.equals(at) && !PlaceReader.possessive(s, i);
      }
    }
    return flightFromAbroad(s, head, home);
  }

  /**
   * "was held on his arrival at the capital's airport", "detained upon his return to the country": an arrest as the
   * person lands at home, told by an airport or "the country" (not an airport in a country other than their own).
   */
  private static boolean arrestedOnArrival(SentenceView s, int head, String home) {
    if (!ARRIVAL_NOUNS.contains(s.lower(head))) {
      return false;
    }
    boolean airport = false;
    for (int i = head + 1; i < s.size() && i <= head + 5; i++) {
      if (home != null && s.tok(i).isPlace() && !home.equals(s.tok(i).iso())) {
        return false; // "the Pakistani was arrested on arrival at Dubai airport": abroad
      }
      airport |= s.tok(i).lemma().equals("airport") || s.lower(i).equals("country") && s.lower(i - 1).equals("the");
    }
    return airport;
  }

  /** "arrived in Ghana after three years of exile abroad": an arrival that ends an exile is at home. */
  private static boolean endsAnExile(SentenceView s, int from) {
    for (int i = from + 1; i + 1 < s.size() && i <= from + 10; i++) {
      if (s.lower(i).equals("after") && s.toks.subList(i + 1, Math.min(s.size(), i + 8)).stream()
          .anyMatch(t -> t.lemma().equals("exile"))) {
        return true;
      }
    }
    return false;
  }

  static boolean comesFromAbroad(SentenceView s, int from, String at) {
    for (int i = from + 1; i + 1 < s.size() && i <= from + 6; i++) {
      if (s.lower(i).equals("from") && s.tok(i + 1).isPlace() && !at.equals(s.tok(i + 1).iso())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A word of a runaway's story other than the arrest itself: "wanted over a loan scandal", "who had been absconding",
   * "accused of fraud".
   */
  private static boolean wanted(SentenceView s) {
    Lexicon words = Lexicon.standard();
    return s.toks.stream().anyMatch(t -> !t.lemma().equals("arrest") && !t.lower().startsWith("arrest")
        && (words.hasOrStarts(Lexicon.FUGITIVE_CONTEXT, t.lower()) || words.has(Lexicon.FUGITIVE_CONTEXT, t.lemma())
        || RUNAWAY_VERBS.contains(t.lemma())));
  }

  /**
   * "gave himself up at Harare airport after landing there on a flight from Botswana", "was detained as he got off a
   * flight from Houston that had landed in Honduras": a flight from one country to a place in another, the
   * person's own when it is known.
   */
  private static boolean flightFromAbroad(SentenceView s, int head, String home) {
    for (int i = head + 1; i + 2 < s.size() && i <= head + 6; i++) {
      if (CRAFT.contains(s.tok(i).lemma()) && s.lower(i + 1).equals("from") && s.tok(i + 2).isPlace()) {
        String from = s.tok(i + 2).iso();
        if (from.equals(home)) {
          return false;
        }
        return s.toks.stream().anyMatch(t -> t.isPlace() && !t.iso().equals(from) && (home == null
            || home.equals(t.iso())));
      }
    }
    return false;
  }
}
