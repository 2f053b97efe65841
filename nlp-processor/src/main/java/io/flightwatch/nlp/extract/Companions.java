package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 3: relatives who went along on a named runaway's flight, each a claim of their own (subject family, the
 * runaway's home and destination):
 *
 * <pre>
 *   "Former minister Ana Ruiz and her husband fled to Spain"          the husband: 1
 *   "He escaped to Dubai with his wife and two sons"                  the wife: 1, the sons: 2
 *   "The ex-governor fled, accompanied by his daughter Maria Lopes"   Maria Lopes: 1
 *   "He and his family slipped out to Moscow"                         the family: no count
 * </pre>
 *
 * Only a relative owned by someone ("his", "her", "the governor's") counts: "a family fled" is no companion. Aides
 * and bodyguards are not read: their flight is no claim.
 */
final class Companions {

  /** One relative or group of relatives: {@code count} null when the text gives none ("his children"). */
  record Companion(Long count, String person, String text) {}

  private static final Set<String> WITH = Set.of("obl:with", "nmod:with", "obl:along_with", "obl:together_with",
      "nmod:along_with", "nmod:together_with");

  private Companions() {}

  /** The relatives named with the actor at token {@code actor} of the flight predicate at {@code pred}. */
  static List<Companion> of(SentenceView s, int actor, int pred, Lexicon lexicon) {
    SemanticGraph g = s.graph;
    if (g == null || actor < 0) {
      return List.of();
    }
    IndexedWord verb = g.getNodeByIndexSafe(pred + 1);
    Set<IndexedWord> candidates = new LinkedHashSet<>();
    int[] name = s.entitySpan(actor);
    for (int i = name[0]; i <= name[1]; i++) {
      IndexedWord who = g.getNodeByIndexSafe(i + 1);
      if (who != null) {
        candidates.addAll(children(g, who, Set.of("conj:and")));
        candidates.addAll(children(g, who, WITH));
      }
    }
    if (verb != null) {
      candidates.addAll(children(g, verb, WITH));
      for (IndexedWord adv : children(g, verb, Set.of("advcl", "xcomp", "acl", "dep"))) {
        if (adv.lemma() != null && adv.lemma().equals("accompany")) {
          candidates.addAll(children(g, adv, Set.of("obl:agent", "obl:by")));
        }
      }
    }
    List<Companion> out = new ArrayList<>();
    Set<IndexedWord> seen = new LinkedHashSet<>();
    for (IndexedWord c : candidates) {
      boolean owned = !children(g, c, Set.of("nmod:poss")).isEmpty();
      List<IndexedWord> group = new ArrayList<>(List.of(c));
      group.addAll(children(g, c, Set.of("conj:and"))); // "his wife and two sons": the owner is said once
      for (IndexedWord n : group) {
        Companion one = seen.add(n) ? relative(s, g, n, owned, lexicon) : null;
        if (one != null) {
          out.add(one);
        }
      }
    }
    return out;
  }

  private static Companion relative(SentenceView s, SemanticGraph g, IndexedWord n, boolean owned,
      Lexicon lexicon) {
    int i = n.index() - 1;
    SentenceView.Tok t = s.tok(i);
    if (t == null || !t.tag().startsWith("NN") || !lexicon.has(Lexicon.FAMILY, t.lemma())
        || t.lemma().equals("couple") || !owned && children(g, n, Set.of("nmod:poss")).isEmpty()) {
      return null;
    }
    int name = s.tok(i + 1) != null && s.tok(i + 1).isPerson() ? i + 1 : -1; // "her son Noureddin"
    for (IndexedWord a : children(g, n, Set.of("appos", "dep", "flat"))) {
      name = name < 0 && s.tok(a.index() - 1).isPerson() ? a.index() - 1 : name; // "his daughter, Maria Lopes,"
    }
    if (name >= 0) {
      int[] span = s.entitySpan(name);
      return new Companion(1L, s.name(span[0], span[1] + 1), t.word());
    }
    if (!t.tag().equals("NNS") && !t.lemma().equals("family")) {
      return new Companion(1L, null, t.word());
    }
    for (IndexedWord num : children(g, n, Set.of("nummod"))) {
      Long k = s.countAt(num.index() - 1);
      if (k != null) {
        return new Companion(k, null, t.word());
      }
    }
    return new Companion(null, null, t.word());
  }

  private static List<IndexedWord> children(SemanticGraph g, IndexedWord n, Set<String> relations) {
    List<IndexedWord> out = new ArrayList<>();
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(n)) {
      if (relations.contains(e.getRelation().toString())) {
        out.add(e.getTarget());
      }
    }
    return out;
  }

  /** The claim of one relative of a {@code kind} claim read from {@code s}. */
  static Draft draft(ClaimKind kind, SentenceView s, Companion c) {
    Draft d = new Draft(kind, s);
    d.person = c.person();
    d.count = c.count();
    d.valueText = c.person() != null ? c.person() : c.text();
    d.subject = Subject.FAMILY;
    d.singular = c.count() != null && c.count() == 1L;
    d.confidence = 0.65;
    return d;
  }
}
