package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.Subject;
import java.util.Set;

/**
 * Stage 4 (people): a group whose size is told by the verb of its total, not by a number beside the group.
 *
 * <pre>
 *   "the total number of Libyan colonels that defected to Egypt has risen to 40"     40 colonels
 *   "The number of Kenyan officials who fled to Britain has reached 25"              25 officials
 *   "The total of former officials who fled abroad climbed to 310 last year"         310 officials
 * </pre>
 */
final class GroupTotals {

  /** Nouns that stand for the size of a group: "the number of ...", "the total of ...". */
  private static final Set<String> TOTALS = Set.of("number", "total", "tally", "count");
  /** Verbs that give a total its value: "has risen to 40", "reached 25", "stands at 310". */
  private static final Set<String> VALUE_VERBS = Set.of("rise", "climb", "reach", "stand", "increase", "grow",
      "hit", "jump", "swell", "top", "exceed", "surpass");

  private GroupTotals() {
  }

  /**
   * Sets {@code a}'s count from the value of the total whose group the predicate at {@code pred} tells; false when the
   * sentence has no such total.
   */
  static boolean read(SentenceView s, int pred, Actor a, ActorReader reader, ActorCounts counts) {
    if (s.graph == null) {
      return false;
    }
    for (int i = pred - 1; i >= Math.max(0, pred - 10); i--) {
      if (!TOTALS.contains(s.tok(i).lemma()) || !s.tok(i).tag().startsWith("NN")) {
        continue;
      }
      IndexedWord total = s.graph.getNodeByIndexSafe(i + 1);
      IndexedWord group = child(s, total, "nmod:of");
      Subject subject = group == null ? null : reader.subjectOf(s.tok(group.index() - 1), null);
      int value = total == null ? -1 : value(s, total);
      value = value >= 0 ? value : valueAfter(s, pred);
      if (subject != null && value >= 0 && counts.isCount(s, value)) {
        counts.setCount(s, value, a);
        a.subject = subject;
        a.noun = s.tok(group.index() - 1).lemma();
        return true;
      }
    }
    return false;
  }

  /** The number a verb of value gives the total: "has risen to 40", "reached 25"; -1 if none. */
  private static int value(SentenceView s, IndexedWord total) {
    for (SemanticGraphEdge in : s.graph.incomingEdgeIterable(total)) {
      IndexedWord verb = in.getSource();
      if (!in.getRelation().toString().equals("nsubj") || !VALUE_VERBS.contains(verb.lemma())) {
        continue;
      }
      for (SemanticGraphEdge out : s.graph.outgoingEdgeIterable(verb)) {
        String rel = out.getRelation().toString();
        boolean valueRel = rel.equals("obj") || rel.equals("obl:to") || rel.equals("obl:at");
        if (valueRel && out.getTarget().tag().equals("CD")) {
          return out.getTarget().index() - 1;
        }
      }
    }
    return -1;
  }

  /**
   * The parser may hang the total's verb on the group's relative clause ("The total of officials who fled abroad
   * climbed to 310"): a verb of value after the predicate, then "to" or "at" and a number.
   */
  private static int valueAfter(SentenceView s, int pred) {
    for (int i = pred + 1; i < s.size() && i <= pred + 10; i++) {
      if (s.lower(i).equals(",") || s.lower(i).equals(";")) {
        return -1;
      }
      if (s.tok(i).tag().startsWith("VB") && VALUE_VERBS.contains(s.tok(i).lemma())) {
        int j = s.lower(i + 1).equals("to") || s.lower(i + 1).equals("at") ? i + 2 : i + 1;
        return s.tok(j) != null && s.tok(j).tag().equals("CD") ? j : -1;
      }
    }
    return -1;
  }

  private static IndexedWord child(SentenceView s, IndexedWord n, String rel) {
    if (n == null) {
      return null;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(n)) {
      if (e.getRelation().toString().equals(rel)) {
        return e.getTarget();
      }
    }
    return null;
  }
}
