package io.flightwatch.nlp.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 6: one count said of each of several countries.
 *
 * <pre>
 *   "Bulgaria, Malaysia and Bahrain returned one suspect each"    one return from each of the three, one person each
 *   "Uganda and Kenya returned two fugitives each to Ghana"        two from each
 * </pre>
 */
final class EachCounts {

  private EachCounts() {
  }

  /**
   * Splits a group draft of {@code read} over its countries when the sentence says its count is each one's; returns
   * the drafts it made or changed (their countries are told, no other list applies to them).
   */
  static List<Draft> split(SentenceView s, List<Draft> read) {
    List<Draft> made = new ArrayList<>();
    if (!saysEach(s)) {
      return made;
    }
    for (Draft d : List.copyOf(read)) {
      if (d.kind.isMoney() || d.person != null || d.count == null || d.destination != null
          || d.mentioned.size() < 2 || d.overlaps != null) {
        continue;
      }
      for (String iso : d.mentioned.subList(1, d.mentioned.size())) {
        Draft c = d.countedSibling(s, d.count, iso);
        read.add(c);
        made.add(c);
      }
      d.destination = d.mentioned.get(0);
      d.mentioned = new ArrayList<>();
      made.add(d);
    }
    return made;
  }

  /** "each" right after a noun: "one suspect each" (not "each of them"). */
  private static boolean saysEach(SentenceView s) {
    for (int i = 1; i < s.size(); i++) {
      if (!s.lower(i).equals("each") || s.lower(i + 1).equals("of")) {
        continue;
      }
      if (s.tok(i - 1).tag().startsWith("NN")) {
        return true;
      }
    }
    return false;
  }
}
