package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Set;

/**
 * Stage 5: who "I" or "we" is in a quotation the same sentence attributes.
 *
 * <pre>
 *   '"Out of fear I decided to hide in Canada," the former minister told the court.'   I  = the former minister
 *   '"We left for Peru that night," two former ministers said.'                      we = two former ministers
 *   '"I hid in Spain," the paper quoted the ex-governor as saying.'                   I  = the ex-governor
 *   '"I was never abroad," he said.'                                                  none (the speaker is a pronoun)
 * </pre>
 * The tokenizer's quote marks are blanked before parsing, so the speaker is read from the reporting verb's subject.
 */
final class Speakers {

  private static final Set<String> FIRST_PERSON = Set.of("i", "we");

  private Speakers() {
  }

  static boolean firstPerson(Tok t) {
    return t != null && t.tag().startsWith("PRP") && FIRST_PERSON.contains(t.lower());
  }

  /**
   * "A former Peruvian minister said he had fled to Chile": index of the noun before {@code pronoun} that is the
   * subject of the reporting verb whose complement clause {@code pronoun} is the subject of; -1 if none. Only asked
   * when no one was named before, so "Police said he fled" after a named suspect stays the suspect.
   */
  static int reporterOf(SentenceView s, int pronoun) {
    IndexedWord p = s.graph == null ? null : s.graph.getNodeByIndexSafe(pronoun + 1);
    if (p == null) {
      return -1;
    }
    for (SemanticGraphEdge up : s.graph.incomingEdgeIterable(p)) {
      if (!up.getRelation().toString().startsWith("nsubj")) {
        continue;
      }
      for (SemanticGraphEdge clause : s.graph.incomingEdgeIterable(up.getGovernor())) {
        IndexedWord verb = clause.getGovernor();
        if (!clause.getRelation().toString().equals("ccomp") || !verb.tag().startsWith("VB")
            || !Lexicon.standard().has(Lexicon.REPORTING, verb.lemma())) {
          continue;
        }
        for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
          Tok subject = s.tok(e.getTarget().index() - 1);
          if (e.getRelation().toString().equals("nsubj") && subject != null && subject.i() < pronoun
              && subject.tag().startsWith("NN")) {
            return subject.i();
          }
        }
      }
    }
    return -1;
  }

  /** Index of the noun that says the words {@code pronoun} stands in, after it in {@code s}; -1 if none. */
  static int of(SentenceView s, int pronoun) {
    if (s.graph == null) {
      return -1;
    }
    for (Tok t : s.toks) {
      if (t.i() <= pronoun || !t.tag().startsWith("VB") || !Lexicon.standard().has(Lexicon.REPORTING, t.lemma())) {
        continue;
      }
      IndexedWord verb = s.graph.getNodeByIndexSafe(t.i() + 1);
      if (verb == null) {
        continue;
      }
      // "television quoted Thanh as saying": who is quoted speaks, not who quotes
      String says = t.lemma().equals("quote") ? "obj" : "nsubj";
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
        Tok subject = s.tok(e.getTarget().index() - 1);
        if (e.getRelation().toString().equals(says) && subject != null && subject.tag().startsWith("NN")) {
          return subject.i();
        }
      }
    }
    return -1;
  }
}
