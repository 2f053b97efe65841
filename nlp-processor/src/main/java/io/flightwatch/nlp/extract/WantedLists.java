package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import java.util.List;

/**
 * Stage 7 (one fact, one claim): how many members of a published wanted list came back is a breakdown of the
 * article's wider count of returns, not a group of its own; it gives way to that count. Alone, it is the article's
 * count and stays.
 *
 * <pre>
 *   "Over 9,000 fugitives were brought back. Of the 100 most-wanted suspects, 57 have been caught."     9,000
 *   "Of the 100 most-wanted suspects, 57 have been caught."                                             57
 *   "Of the 100 most-wanted suspects, 57 have been caught, 20 of them from Canada."                     57; 20 from CA
 *   "Over 9,000 came back; 2,100 of them were officials and 60 are on the most-wanted list"            9,000; 2,100
 * </pre>
 */
final class WantedLists {

  private WantedLists() {
  }

  static void fold(List<Draft> out, Lexicon lexicon) {
    out.removeIf(d -> isListShare(d) && countsFromList(d, lexicon) && out.stream().anyMatch(o -> o != d
        && isListShare(o) && o.count > d.count && !countsFromList(o, lexicon)
        && (d.origin == null || o.origin == null || d.origin.equals(o.origin))));
  }

  /** An unnamed group's return with no single country. */
  private static boolean isListShare(Draft d) {
    return d.kind == ClaimKind.OFFICIALS_RETURNED && d.person == null && d.count != null && d.destination == null
        && d.mentioned.isEmpty();
  }

  /**
   * "62 of the 100 most-wanted", "Of China's most wanted fugitives, 39 have returned": the number nearest the list's
   * name (not its size, "the 100") is the draft's count ("Of them, 2,212 were party members ... and 60 are on the
   * most-wanted list" counts party members).
   */
  private static boolean countsFromList(Draft d, Lexicon lexicon) {
    SentenceView s = d.sentence;
    for (SentenceView.Tok t : s.toks) {
      if (names(s, t, lexicon)) {
        SentenceView.Tok near = null;
        for (SentenceView.Tok n : s.toks) {
          if (n.number() != null && n.i() != t.i() - 1
              && (near == null || Math.abs(n.i() - t.i()) < Math.abs(near.i() - t.i()))) {
            near = n;
          }
        }
        return near != null && near.number() == d.count.doubleValue();
      }
    }
    return false;
  }

  private static boolean names(SentenceView s, SentenceView.Tok t, Lexicon lexicon) {
    // the tokenizer splits "most-wanted" into three tokens
    return lexicon.has(Lexicon.WANTED_LISTS, t.lower())
        || lexicon.has(Lexicon.WANTED_LISTS, t.lower() + " " + s.lower(t.i() + 1))
        || lexicon.has(Lexicon.WANTED_LISTS, t.lower() + s.lower(t.i() + 1) + s.lower(t.i() + 2));
  }
}
