package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Set;

/**
 * Sums still awaited: no act of their sentence has moved them yet, so no predicate takes them.
 *
 * <pre>
 *   "the country was expecting the repatriation of another $150 million"        awaited
 *   "recoveries of about $80 million are being anticipated"                     awaited
 *   "Ghana will on June 25 receive the sum of 40 million euros"                 awaited
 *   "Ghana has received the sum of 40 million euros"                            received
 * </pre>
 */
final class AwaitedSums {

  private static final Set<String> AWAITING = Set.of("expect", "anticipate", "await");

  private AwaitedSums() {
  }

  /**
   * The sum at token span {@code sp} is awaited: the verb before it expects it or has "will" before it, or a
   * participle of expecting follows it.
   */
  static boolean awaited(SentenceView s, int[] sp) {
    for (int i = sp[0] - 1; i >= Math.max(0, sp[0] - 6); i--) {
      Tok t = s.tok(i);
      if (t.tag().startsWith("VB") || t.lower().equals(",")) {
        return t.tag().startsWith("VB") && (AWAITING.contains(t.lemma()) || willDo(s, i));
      }
    }
    for (int i = sp[1] + 1; i < s.size() && i <= sp[1] + 4; i++) {
      Tok t = s.tok(i);
      if (t.lower().equals(",") || t.tag().startsWith("VB") && !t.lemma().equals("be")) {
        return AWAITING.contains(t.lemma()) && t.tag().equals("VBN");
      }
    }
    return false;
  }

  /** "will on June 25, 2014, receive": "will" or "shall" before the verb, with no other verb between. */
  private static boolean willDo(SentenceView s, int verb) {
    for (int j = verb - 1; j >= Math.max(0, verb - 9); j--) {
      if (s.lower(j).equals("will") || s.lower(j).equals("shall")) {
        return true;
      }
      if (s.tok(j).tag().startsWith("VB") || s.tok(j).tag().equals("MD")) {
        return false;
      }
    }
    return false;
  }
}
