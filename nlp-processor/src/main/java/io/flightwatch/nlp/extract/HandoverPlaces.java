package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Set;

/**
 * Where a handover to a country's own officers took place, when that is abroad: the country the returnee came from.
 *
 * <pre>
 *   "was handed over to Mexican authorities in El Paso"                       from US
 *   "was handed over to Kenyan police at a border crossing in Kampala"        from UG
 *   "was handed over to the anti-graft agency in Abuja"                       nothing (no one's officers abroad)
 *   "was handed over to Nigerian police in Lagos"                             nothing (the officers' own country)
 * </pre>
 * A handover to a body at home with no other country in the sentence is no return at all ({@link #domestic}).
 */
final class HandoverPlaces {

  private static final Set<String> HANDING = Set.of("hand", "turn");
  private static final Set<String> OFFICERS = Set.of("authority", "police", "agent", "official", "officer",
      "counterpart");
  private static final Set<String> CROSSINGS = Set.of("border", "crossing", "bridge", "airport", "checkpoint");

  private HandoverPlaces() {
  }

  /** The country of the handover's place, when it differs from the receiving officers' nationality; else null. */
  static String from(SentenceView s, int head) {
    IndexedWord verb = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null || !HANDING.contains(verb.lemma()) || !verb.tag().matches("VBN|VBD")) {
      return null;
    }
    String officers = null;
    String place = null;
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
      String rel = e.getRelation().toString();
      IndexedWord w = e.getTarget();
      if (rel.equals("obl:to") && OFFICERS.contains(w.lemma())) {
        officers = nationalityOf(s, w);
        place = place == null ? placeIn(s, w) : place; // "to Mexican authorities in El Paso": the parser may nest it
      } else if (rel.equals("obl:in")) {
        place = iso(s, w);
      } else if (rel.equals("obl:at") && CROSSINGS.contains(w.lemma())) {
        place = placeIn(s, w);
      }
    }
    return officers != null && place != null && !officers.equals(place) ? place : null;
  }

  /**
   * A handover to a body with no country named for it, in a sentence that names at most one country: custody at home
   * ("handed over to the anti-graft agency in Abuja", "handed over to the Enforcement Directorate for questioning").
   */
  static boolean domestic(SentenceView s, int head) {
    IndexedWord verb = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null || !HANDING.contains(verb.lemma()) || !verb.tag().matches("VBN|VBD")
        || !s.lower(head + 1).equals("over")) {
      return false;
    }
    IndexedWord body = null;
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
      String rel = e.getRelation().toString();
      if (rel.equals("obl:to") && BODIES.contains(e.getTarget().lemma())) {
        body = e.getTarget();
      } else if (rel.startsWith("obl:") && !rel.equals("obl:to") && !rel.equals("obl:in") && !rel.equals("obl:for")
          && !rel.equals("obl:on") && iso(s, e.getTarget()) != null) {
        return false; // "handed over by Ghanaian police", "from Dubai"
      }
    }
    if (body == null || nationalityOf(s, body) != null) {
      return false;
    }
    Set<String> countries = new java.util.HashSet<>();
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (t.iso() != null && (t.isPlace() || t.nationality())) {
        countries.add(t.iso());
      }
    }
    return countries.size() <= 1;
  }

  /** Bodies of a state that take a returnee into custody. */
  private static final Set<String> BODIES = Set.of("agency", "directorate", "commission", "bureau", "office", "court",
      "unit", "department", "ministry", "prosecutor", "investigator", "custody");

  private static String nationalityOf(SentenceView s, IndexedWord officers) {
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(officers)) {
      Tok t = s.tok(e.getTarget().index() - 1);
      if (e.getRelation().toString().matches("amod|compound") && t != null && t.nationality() && t.iso() != null) {
        return t.iso();
      }
    }
    return null;
  }

  private static String placeIn(SentenceView s, IndexedWord w) {
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals("nmod:in")) {
        return iso(s, e.getTarget());
      }
    }
    return null;
  }

  private static String iso(SentenceView s, IndexedWord w) {
    Tok t = s.tok(w.index() - 1);
    return t != null && t.isPlace() ? t.iso() : null;
  }
}
