package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.Locale;

/**
 * Stage 4 (people): the name an actor word stands for when the parse links them loosely.
 *
 * <pre>
 *   "John Okafor, a former bank manager who fled to the U.S."                   manager = John Okafor
 *   "Wu Hao, the former manager of a branch of a state bank in the province of Hunan suspected of embezzling
 *    $300 million who fled to the U.S. 15 years ago" (no antecedent parsed)     who = Wu Hao
 * </pre>
 */
final class Antecedents {

  /** How far back the antecedent may stand: a name, then a long apposition. */
  private static final int REACH = 30;

  private Antecedents() {
  }

  /**
   * The token of the nearest name before {@code who} within the same clause (no finite verb, no semicolon between),
   * when the parse gives {@code who} no antecedent; -1 otherwise.
   */
  static int ofWho(SentenceView s, int whoAt) {
    IndexedWord who = s.graph.getNodeByIndexSafe(whoAt + 1);
    if (who == null || !who.word().toLowerCase(Locale.ROOT).equals("who")
        || s.graph.incomingEdgeList(who).stream().anyMatch(e -> e.getRelation().toString().equals("ref"))) {
      return -1;
    }
    for (int i = whoAt - 1; i >= 0 && i >= whoAt - REACH; i--) {
      SentenceView.Tok t = s.tok(i);
      if (t.lower().equals(";") || t.tag().matches("VB[DZP]|MD")) {
        return -1;
      }
      if (t.isPerson()) {
        return i;
      }
    }
    return -1;
  }

  /** The name an office noun is apposed to ("John Okafor, a former bank manager"): its token, or -1. */
  static int apposedTo(SentenceView s, IndexedWord office) {
    for (SemanticGraphEdge e : s.graph.incomingEdgeIterable(office)) {
      SentenceView.Tok head = s.tok(e.getSource().index() - 1);
      if (e.getRelation().toString().equals("appos") && head != null && head.isPerson()) {
        return head.i();
      }
    }
    return -1;
  }
}
