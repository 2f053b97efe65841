package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.Predicates.Cue;
import io.flightwatch.nlp.extract.SentenceView.Tok;

/**
 * A runaway told only by "on the run" or "in hiding": "the port authority's former cashier is on the run since his
 * accounts were seized", "the county governor has gone into hiding". One may hide at home, so such a sentence tells a
 * flight abroad only with a foreign place or a word of abroad in it ("on the run in Brazil", "hiding overseas",
 * "outside the country"; {@code runaway-abroad.txt}).
 */
final class RunningAtHome {

  private RunningAtHome() {}

  /** "was in hiding in", "has been hiding in": the predicate is a hiding. */
  static boolean hiding(SentenceView s, Cue p) {
    for (int i = p.start(); i < p.end(); i++) {
      if (s.tok(i).lemma().equals("hide") || s.lower(i).equals("hiding")) {
        return true;
      }
    }
    return false;
  }

  /** "on the run" as the whole predicate. */
  private static boolean running(SentenceView s, Cue p) {
    return p.end() - p.start() == 3 && s.lower(p.start()).equals("on") && s.lower(p.start() + 2).equals("run");
  }

  /**
   * True when the predicate is only hiding or being on the run and its sentence names no place but {@code home}
   * and has no word of abroad.
   */
  static boolean only(SentenceView s, Cue p, Lexicon lexicon, String home) {
    if (!running(s, p) && !(p.end() - p.start() == 1 && hiding(s, p))) {
      return false;
    }
    for (Tok t : s.toks) {
      if (t.isPlace() && (home == null || !home.equals(t.iso())) || lexicon.has(Lexicon.RUNAWAY_ABROAD, t.lower())
          || lexicon.has(Lexicon.ABROAD, t.lower()) && !t.lower().equals("out")) {
        return false;
      }
    }
    return true;
  }
}
