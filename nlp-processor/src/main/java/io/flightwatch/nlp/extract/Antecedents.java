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

  /**
   * A predicate noun with an owner ("his return", "Bello's extradition"): whoever the clause above speaks of in the
   * plural is someone else ("several thousand people marched in protest at his return").
   */
  static boolean owned(SentenceView s, int pred) {
    IndexedWord node = s.graph.getNodeByIndexSafe(pred + 1);
    return node != null && s.tok(pred).tag().startsWith("NN") && s.graph.outgoingEdgeList(node).stream()
        .anyMatch(e -> e.getRelation().toString().equals("nmod:poss"));
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

  /**
   * "X brought $58 million belonging to Y when he defected": the token of the person who is the main clause's
   * subject, when {@code pronoun} is the subject of a clause hung on the main verb ("when", "after", "before"), not a
   * nearer name inside its object; -1 if the parse says nothing.
   */
  static int mainSubject(SentenceView s, int pronoun) {
    IndexedWord p = s.graph == null ? null : s.graph.getNodeByIndexSafe(pronoun + 1);
    if (p == null) {
      return -1;
    }
    for (SemanticGraphEdge up : s.graph.incomingEdgeIterable(p)) {
      if (!up.getRelation().toString().equals("nsubj") && !up.getRelation().toString().equals("nsubj:pass")) {
        continue;
      }
      for (SemanticGraphEdge clause : s.graph.incomingEdgeIterable(up.getGovernor())) {
        String rel = clause.getRelation().toString();
        if (!rel.startsWith("advcl") || !clause.getGovernor().tag().startsWith("VB")) {
          continue;
        }
        for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(clause.getGovernor())) {
          SentenceView.Tok subject = s.tok(e.getTarget().index() - 1);
          if (e.getRelation().toString().startsWith("nsubj") && subject != null && subject.i() < pronoun
              && subject.isPerson()) {
            return subject.i();
          }
        }
      }
    }
    return -1;
  }
}
