package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;

/**
 * Stage 4: a relative told beside a name. "reach him only through his cousin Mehari Tesfu, who lives in the U.S."
 * names a relative, whose life abroad is no official's flight; "his brother, former deputy premier Sok Vanna, lives in
 * exile" names an official who is also a relative.
 */
final class NamedRelatives {

  private NamedRelatives() {
  }

  /** The official a relative is in apposition with: "his brother, former deputy premier Sok Vanna". */
  static int officialInApposition(SentenceView s, int i, Lexicon lexicon) {
    IndexedWord node = s.graph == null ? null : s.graph.getNodeByIndexSafe(i + 1);
    // "her brother, ...", not "a son of X, former head of Y" (the office there is the father's)
    if (node == null || !s.lower(i + 1).equals(",") || s.graph.outgoingEdgeList(node).stream()
        .noneMatch(e -> e.getRelation().toString().equals("nmod:poss"))) {
      return -1;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(node)) {
      SentenceView.Tok o = s.tok(e.getTarget().index() - 1);
      if (e.getRelation().toString().equals("appos") && (o.isPerson() || lexicon.has(Lexicon.OFFICIALS, o.lemma()))) {
        return o.isPerson() ? e.getTarget().index() - 1 : personAfter(s, e.getTarget().index() - 1);
      }
    }
    return -1;
  }

  /** The name that follows an office word: "premier" in "former deputy premier Sok Vanna". */
  private static int personAfter(SentenceView s, int office) {
    return office + 1 < s.size() && s.tok(office + 1).isPerson() ? office + 1 : office;
  }

  /**
   * A name right after a relative and a possessive: "his cousin Mehari Tesfu", "her son-in-law Ali Musa"; not
   * "brothers Atul and Rajesh Mehta fled", who are runaways themselves.
   */
  static boolean relativeNamed(SentenceView s, int i, Lexicon lexicon) {
    int before = s.entitySpan(i)[0] - 1;
    if (before < 1 || !s.tok(before).tag().equals("NN")) {
      return false;
    }
    String owner = s.tok(before - 1).tag();
    return (owner.equals("PRP$") || owner.equals("POS")) && (lexicon.has(Lexicon.FAMILY, s.tok(before).lemma())
        || lexicon.has(Lexicon.KIN, s.tok(before).lemma()));
  }
}
