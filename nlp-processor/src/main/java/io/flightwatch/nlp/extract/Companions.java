package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;

/**
 * Stage 4: others who went along, counted. "Jean Mbaye, once a militia commander, escaped to Chad together with nine
 * other junior lawmakers": ten officials fled, the named one among them; not "fled with his wife and two children" (no
 * "other" people of the same kind) and not "fled with two other trucks".
 */
final class Companions {

  private Companions() {
  }

  /** The number of others who went along with the actor of {@code pred} ("with three other MPs"), or null. */
  static Long others(SentenceView s, int pred, Lexicon lexicon, ActorCounts counts) {
    IndexedWord verb = s.graph == null ? null : s.graph.getNodeByIndexSafe(pred + 1);
    if (verb == null) {
      return null;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
      String rel = e.getRelation().toString();
      IndexedWord who = e.getTarget();
      int w = who.index() - 1;
      if (!(rel.equals("obl:with") || rel.equals("obl")) || !"with".equals(caseOf(s, who))
          || !lexicon.has(Lexicon.OFFICIALS, s.tok(w).lemma()) && !lexicon.has(Lexicon.FUGITIVES, s.tok(w).lemma())) {
        continue;
      }
      boolean other = false;
      int number = -1;
      for (SemanticGraphEdge m : s.graph.outgoingEdgeIterable(who)) {
        String r = m.getRelation().toString();
        other |= r.equals("amod") && m.getTarget().word().equalsIgnoreCase("other");
        number = r.equals("nummod") ? m.getTarget().index() - 1 : number;
      }
      if (other && number >= 0 && counts.isCount(s, number)) {
        Actor group = new Actor();
        counts.setCount(s, number, group);
        return group.count;
      }
    }
    return null;
  }

  private static String caseOf(SentenceView s, IndexedWord w) {
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals("case")) {
        return e.getTarget().word().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }
}
