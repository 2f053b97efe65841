package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import java.util.Set;

/**
 * A sum told as one more of its kind is a fact of its own, even when the figure repeats an earlier one ({@link
 * ArticleAssembler} otherwise keeps one claim per printed sum).
 *
 * <pre>
 *   "In 2020, France returned $10 million." ... "In 2022, France returned another $10 million."   two recoveries
 *   "Prosecutors seized a further €5 million in Monaco"                                          one more sum
 * </pre>
 */
final class FurtherSums {

  /** Words right before an amount that make it one more ("another", "a further", "an additional", "a second"). */
  private static final Set<String> MORE = Set.of("another", "further", "additional", "second", "third", "fourth");

  private FurtherSums() {}

  /** The draft's own amount is announced as one more: one of the two words before it says so. */
  static boolean further(Draft d) {
    MoneyMention m = d.money;
    SentenceView s = d.sentence;
    if (m == null || s == null || s.money == null || !s.money.contains(m)) {
      return false;
    }
    int first = s.span(m)[0];
    return MORE.contains(s.lower(first - 1)) || MORE.contains(s.lower(first - 2));
  }

  /** Two drafts from different sentences, one of them a further sum: not one fact told twice. */
  static boolean distinct(Draft a, Draft b) {
    return a.sentence != b.sentence && (further(a) || further(b));
  }
}
