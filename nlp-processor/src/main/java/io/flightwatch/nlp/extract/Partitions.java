package io.flightwatch.nlp.extract;

import io.flightwatch.common.Subject;
import java.util.Set;

/**
 * Stage 4 (people): the counted part of a group the sentence divides ("of", "among"), when the parse gave no counted
 * actor.
 *
 * <pre>
 *   "Of the returned fugitives, 430 were former officials"                         430 officials
 *   "The watchdog said among the 1,500 returned were 300 party members"            300 officials
 * </pre>
 */
final class Partitions {

  private static final Set<String> BE = Set.of("were", "are", "was", "is");

  private final ActorReader reader;
  private final ActorCounts counts;

  Partitions(ActorReader reader, ActorCounts counts) {
    this.reader = reader;
    this.counts = counts;
  }

  void read(SentenceView s, int pred, Actor a) {
    if (!(s.lower(0).equals("of") || s.lower(0).equals("among"))) {
      inverted(s, pred, a);
      return;
    }
    int comma = -1;
    for (int i = 1; i < s.size() && i < 12; i++) {
      if (s.lower(i).equals(",")) {
        comma = i;
        break;
      }
    }
    if (comma < pred || !counts.isCount(s, comma + 1)) {
      return;
    }
    int end = s.entitySpan(comma + 1)[1];
    if (BE.contains(s.lower(end + 1))) {
      counted(s, comma + 1, end + 2, a);
    }
  }

  /** "among the 1,500 returned were 300 party members": the part after the predicate and a form of "be". */
  private void inverted(SentenceView s, int pred, Actor a) {
    boolean divided = false;
    for (int i = pred - 1; i >= Math.max(0, pred - 5); i--) {
      divided |= s.lower(i).equals("among");
    }
    if (divided && BE.contains(s.lower(pred + 1)) && counts.isCount(s, pred + 2)) {
      counted(s, pred + 2, s.entitySpan(pred + 2)[1] + 1, a);
    }
  }

  /** The count at {@code count} when a people noun follows within a few words from {@code from}. */
  private void counted(SentenceView s, int count, int from, Actor a) {
    for (int j = from; j < s.size() && j <= from + 4; j++) {
      Subject subj = reader.subjectOf(s.tok(j), null);
      if (subj != null) {
        counts.setCount(s, count, a);
        a.subject = subj;
        a.noun = s.tok(j).lemma();
        return;
      }
    }
  }
}
