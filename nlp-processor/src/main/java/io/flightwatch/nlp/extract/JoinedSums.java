package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 6 for money: two sums joined by "and" are the object of one act, so they share its kind and its place.
 *
 * <pre>
 *   "Kenya has recovered $5 million and €3 million from Switzerland"            both recovered from CH
 *   "has recovered $420.5 million and €7.2 million of public funds stolen and hidden abroad"
 *                                                                              both recovered, not the second moved
 *   "recovered $5 million and sent $3 million to Jersey"                        a verb between: two acts, untouched
 * </pre>
 */
final class JoinedSums {

  private JoinedSums() {
  }

  /** Aligns the draft of each second sum of {@code s} with the draft of the sum it is joined to. */
  static void align(SentenceView s, List<Draft> read) {
    for (Draft first : List.copyOf(read)) {
      if (first.money == null || !s.money.contains(first.money) || !read.contains(first)) {
        continue;
      }
      MoneyMention next = joinedTo(s, first.money);
      Draft second = next == null ? null : read.stream().filter(o -> o.money == next).findFirst().orElse(null);
      if (second == null) {
        continue;
      }
      if (second.kind != first.kind) {
        // the second sum was read by a participle describing the money ("stolen and hidden abroad"), not by the act
        Draft again = first.sibling(s, next);
        again.destination = first.destination;
        again.mentioned = new ArrayList<>(first.mentioned);
        read.set(read.indexOf(second), again);
      } else if (first.destination == null && second.destination != null) {
        first.destination = second.destination; // "$5 million and €3 million from Switzerland": the place is after both
      }
    }
  }

  /** Two sums of one sentence joined by "and": two facts, however near their values. */
  static boolean joined(Draft a, Draft b) {
    return a.sentence == b.sentence && a.money != null && b.money != null
        && (joinedTo(a.sentence, a.money) == b.money || joinedTo(b.sentence, b.money) == a.money);
  }

  /** The sum right after "and" that follows {@code m}, unless it is the article's conversion of another sum. */
  static MoneyMention joinedTo(SentenceView s, MoneyMention m) {
    if (s == null || m == null || s.money == null || !s.money.contains(m)) {
      return null;
    }
    int end = s.span(m)[1];
    if (!s.lower(end + 1).equals("and")) {
      return null;
    }
    for (MoneyMention o : s.money) {
      if (s.span(o)[0] == end + 2 && MoneyReader.previousOf(s, o) == null) {
        return o;
      }
    }
    return null;
  }
}
