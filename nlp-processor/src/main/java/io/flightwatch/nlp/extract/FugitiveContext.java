package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;

/**
 * Whether a sentence speaks of fugitives or the corrupt ({@code fugitive-context.txt}): "left the country", "lives in
 * London" and other weak predicates state a flight only then.
 */
final class FugitiveContext {

  private FugitiveContext() {}

  /** Living or settling somewhere is flight only when the sentence is about fugitives or the corrupt. */
  static boolean in(SentenceView s) {
    return outside(s, -1, -1);
  }

  /** "not been charged", "never convicted", "wasn't wanted": a negation up to two words before. */
  private static boolean negated(SentenceView s, int i) {
    for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
      String w = s.lower(j);
      if (w.equals("not") || w.equals("never") || w.equals("n't")) {
        return true;
      }
    }
    return false;
  }

  /**
   * As {@link #in}, leaving out tokens [from, to): a predicate's own word ("defected") is no context for
   * who did it ("nine members of a baseball team defected").
   */
  static boolean outside(SentenceView s, int from, int to) {
    Lexicon words = Lexicon.standard();
    for (Tok t : s.toks) {
      if (t.i() >= from && t.i() < to || negated(s, t.i())) {
        continue; // "has lived in Lisbon since 2018 and has not been charged": no charge is no fugitive's context
      }
      if (words.hasOrStarts(Lexicon.FUGITIVE_CONTEXT, t.lower()) || words.has(Lexicon.FUGITIVE_CONTEXT, t.lemma())
          || words.has(Lexicon.FUGITIVE_CONTEXT, t.lower() + " " + s.lower(t.i() + 1))) {
        return true; // two-word entries: "himself in" (turned himself in), "himself up"
      }
    }
    return false;
  }
}
