package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Stage 4 (people): the country an actor's own words give ({@link ActorReader}). */
final class ActorOrigin {

  private static final Set<String> NOT_OWN_WORDS = Set.of("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "dep",
      "case", "punct", "conj", "conj:and", "conj:or", "nmod:from", "nmod:to", "nmod:in", "nmod:for", "nmod:with");

  private ActorOrigin() {}

  /**
   * The nationality or owner country in the actor's own phrase: "a former Thai prime minister", "Guatemala's former
   * president", "the former president of Honduras", "Kong, one of China's most wanted fugitives", "former Afghan
   * Parliament Speaker X" (the country in the name of the office's institution); not in a relative clause ("who fled to
   * Mexico").
   */
  static String of(SentenceView s, int tok) {
    IndexedWord root = s.graph.getNodeByIndexSafe(tok + 1);
    if (root == null) {
      return null;
    }
    // "Two former Peruvian ministers": a count's own phrase is its noun's
    IndexedWord counted = s.graph.incomingEdgeList(root).stream()
        .filter(e -> e.getRelation().toString().equals("nummod")).map(SemanticGraphEdge::getGovernor)
        .findFirst().orElse(null);
    List<IndexedWord> level = counted == null ? List.of(root) : List.of(root, counted);
    for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
      List<IndexedWord> next = new ArrayList<>();
      for (IndexedWord w : level) {
        for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
          if (NOT_OWN_WORDS.contains(e.getRelation().toString())) {
            continue;
          }
          Tok t = s.tok(e.getTarget().index() - 1);
          // "the former president of Honduras": a place hung on the actor's own noun owns the office
          boolean ownerOf = depth == 0 && e.getRelation().toString().equals("nmod:of");
          // "former Malawi trade minister X": a country naming the office, a word or two before its noun
          boolean office = depth <= 1 && e.getRelation().toString().equals("compound") && t != null && t.isPlace()
              && officeAfter(s, t.i());
          boolean owns = ownerOf || office || t != null && PlaceReader.possessive(s, t.i());
          if (t != null && (t.nationality() || t.isPlace() && owns)) {
            return t.iso();
          }
          // "former Afghan Parliament Speaker X": the tagger makes the demonym part of an institution's name, which
          // names the office's country
          if (t != null && t.owner() != null && e.getRelation().toString().equals("compound")) {
            return t.owner();
          }
          next.add(e.getTarget());
        }
      }
      level = next;
    }
    return null;
  }

  /** An official's post within three nouns after the place at {@code i}: "Zimbabwe tourism minister". */
  static boolean officeAfter(SentenceView s, int i) {
    for (int j = s.entitySpan(i)[1] + 1; j < s.size() && j <= s.entitySpan(i)[1] + 3; j++) {
      Tok t = s.tok(j);
      if (!t.tag().startsWith("NN")) {
        return false;
      }
      if (Lexicon.standard().has(Lexicon.OFFICIALS, t.lemma())) {
        // one post ("Kenya finance minister", "UK High Commissioner"), not the speakers of "US officials said"
        return t.tag().equals("NN") || t.tag().equals("NNP");
      }
    }
    return false;
  }
}
