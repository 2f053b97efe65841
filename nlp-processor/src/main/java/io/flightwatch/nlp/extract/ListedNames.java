package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage 4 (people): the named people a plural actor lists, so that a group told by its names gives one claim per
 * person.
 *
 * <pre>
 *   "Former ministers, including Home Minister X, Y and Z, fled to India"     X, Y, Z (an uncounted group)
 *   "three former ministers – X, Y and Z – had fled the country"              X, Y, Z (as many names as the count)
 *   "fugitive politicians hiding in Russia – X, Y and Z – said ..."            X, Y, Z
 *   "Among those who fled are X, his son Y and his brother Z"                 X, Y, Z ("those" of the relative clause)
 *   "Those who fled to India include X and Y"                                 X, Y
 *   "Other former ministers who remain in exile include X and Y"              X, Y (the noun of the relative clause)
 *   "Three former ministers, including X, fled"                               none: one name does not tell the three
 * </pre>
 * Token indices (0-based) of the names' words; {@link ActorReader} reads each as a person.
 */
final class ListedNames {

  /** Edges from a plural noun of officials to the names it lists ("including" lists from any plural). */
  private static final Set<String> LISTING = Set.of("dep", "appos");
  private static final String INCLUDING = "nmod:including";
  /** Words for "the people who": "Among those who fled are ...", "Others who fled include ...". */
  private static final Set<String> THOSE = Set.of("those", "others", "people");
  /** Verbs that join "those who fled" to their names. */
  private static final Set<String> JOINING = Set.of("be", "include");
  /** How far past a listed noun its name may start ("Education Minister Dipu Moni"). */
  private static final int NAME_GAP = 3;

  private ListedNames() {
  }

  /**
   * Adds the named companions of a named runaway: "left the country for Tajikistan along with National Security
   * Adviser Hamdullah Rahimi" (Rahimi fled too).
   */
  static void companions(SentenceView s, List<IndexedWord> with, References refs, Actor actor) {
    if (with == null || actor == null || actor.persons.isEmpty()) {
      return;
    }
    for (IndexedWord w : with) {
      String person = refs.personAt(s, w.index() - 1);
      if (person != null && !actor.persons.contains(person)) {
        actor.persons.add(person);
      }
    }
  }

  /** The names an actor argument lists, in order; empty when it lists none. */
  static List<Integer> of(SentenceView s, List<IndexedWord> args, int pred, Lexicon lexicon) {
    List<Integer> out = new ArrayList<>();
    if (args == null || s.graph == null) {
      return out;
    }
    for (IndexedWord w : args) {
      // "The players -- X, Y and Z -- are believed ...": names beside a noun of officials or fugitives only
      boolean people = lexicon.has(Lexicon.OFFICIALS, w.lemma()) || lexicon.has(Lexicon.FUGITIVES, w.lemma());
      if (w.tag().equals("NNS")) {
        int including = -1;
        for (SemanticGraphEdge e : s.graph.outgoingEdgeList(w)) {
          String rel = e.getRelation().toString();
          if (rel.equals(INCLUDING)) {
            including = Math.max(including, e.getTarget().index() - 1);
            add(s, e.getTarget(), out);
          } else if (people && LISTING.contains(rel)) {
            add(s, e.getTarget(), out);
          }
        }
        if (including > w.index() - 1) {
          between(s, w.index(), including, out);
        }
        if (out.isEmpty() && relativeOf(s.graph, w, pred)) {
          those(s, w, out); // "Other former ministers who remain in exile include X and Y"
        }
      } else if (THOSE.contains(w.word().toLowerCase(Locale.ROOT)) && relativeOf(s.graph, w, pred)) {
        those(s, w, out);
      }
    }
    return out;
  }

  /**
   * Every name from the noun to the end of its "including" phrase: the parser may join the list's names into one
   * ("Finance Minister X and Trade Minister Y" as a compound), the words still list them.
   */
  private static void between(SentenceView s, int from, int to, List<Integer> out) {
    for (int i = from; i <= to && i < s.size(); i++) {
      if (s.tok(i).isPerson()) {
        int[] span = s.entitySpan(i);
        if (out.stream().noneMatch(j -> s.entitySpan(j)[0] == span[0])) {
          out.add(span[1]);
        }
        i = span[1];
      }
    }
  }

  /**
   * "those who fled": the relative clause on the word is the predicate, or holds it ("who remain in exile", "living
   * in exile").
   */
  private static boolean relativeOf(SemanticGraph g, IndexedWord w, int pred) {
    return g.outgoingEdgeList(w).stream().anyMatch(e -> (e.getRelation().toString().equals("acl:relcl")
        || e.getRelation().toString().equals("acl")) && (e.getTarget().index() - 1 == pred
        || g.outgoingEdgeList(e.getTarget()).stream().anyMatch(o -> o.getRelation().toString().equals("obl:in")
            && o.getTarget().index() - 1 == pred)));
  }

  /** The names "those who fled" are said to be: the copula's subject, or the object of "include". */
  private static void those(SentenceView s, IndexedWord w, List<Integer> out) {
    for (SemanticGraphEdge in : s.graph.incomingEdgeList(w)) {
      String rel = in.getRelation().toString();
      IndexedWord gov = in.getSource();
      if (rel.equals("obl:among")) {
        member(s, gov, out); // "Among those who fled are X, ...": the names are the root the copula joins
      } else if (rel.startsWith("nsubj") && JOINING.contains(gov.lemma())) {
        for (SemanticGraphEdge e : s.graph.outgoingEdgeList(gov)) {
          if (e.getRelation().toString().equals("obj")) {
            member(s, e.getTarget(), out); // "Those who fled include X and Y"
          }
        }
      }
    }
  }

  /** A listed person, the people coordinated with it and those in apposition ("X, his son Y"). */
  private static void member(SentenceView s, IndexedWord node, List<Integer> out) {
    add(s, node, out);
    for (SemanticGraphEdge e : s.graph.outgoingEdgeList(node)) {
      String rel = e.getRelation().toString();
      if (rel.startsWith("conj") || rel.equals("appos") || rel.endsWith(":along_with")) {
        add(s, e.getTarget(), out); // "X, former MP, along with his son, Y, and his brother, Z"
      }
    }
  }

  /** The person a listed word names: itself, a name it carries ("his son Y", "his son, Y"), or one after it. */
  private static void add(SentenceView s, IndexedWord node, List<Integer> out) {
    int i = node.index() - 1;
    if (!s.tok(i).isPerson()) {
      for (SemanticGraphEdge e : s.graph.outgoingEdgeList(node)) {
        String rel = e.getRelation().toString();
        if ((rel.equals("dep") || rel.equals("appos")) && s.tok(e.getTarget().index() - 1).isPerson()) {
          i = e.getTarget().index() - 1;
        }
      }
    }
    int limit = node.index() + NAME_GAP;
    // "former MP and cousin of Prime Minister X": a name after "of" is someone else
    while (s.tok(i) != null && !s.tok(i).isPerson() && i < limit && !s.lower(i).equals(",")
        && !s.lower(i).equals("of")) {
      i++;
    }
    if (s.tok(i) == null || !s.tok(i).isPerson()) {
      return;
    }
    int first = s.entitySpan(i)[0];
    if (out.stream().noneMatch(j -> s.entitySpan(j)[0] == first)) {
      out.add(i);
    }
  }
}
