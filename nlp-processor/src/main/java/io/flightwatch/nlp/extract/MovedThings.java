package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 4 for flights and returns: the people predicate moved or hosted a thing, not a person, so it makes no
 * people claim.
 *
 * <pre>
 *   "looted $2 billion and hid it in Swiss bank accounts"            money hidden
 *   "... and later repatriated another $90 million"                  money sent back
 *   "a dinner hosted by the embassy"                                 an event hosted
 *   "a week after he handed over power"                              an office handed over
 * </pre>
 */
final class MovedThings {

  private final Lexicon lexicon;

  MovedThings(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * "hid it", "hid the money", "recovered $300 million that a former dictator hid in Swiss accounts": the hiding verb's
   * object (or the noun its relative clause hangs on) is money or "it", so a thing was hidden, not the actor. With
   * {@code hiding} false, the same for any verb, and without "it": "later repatriated another $90 million".
   */
  boolean hidesAThing(SentenceView s, int head, boolean hiding) {
    IndexedWord verb = s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null || hiding && !"hide".equals(verb.lemma())) {
      return false;
    }
    // the parser may hang a fronted "$300 million that ... hid" on the verb as a bare dependent, or the amount on the
    // object's determiner ("another | $90 million")
    boolean hiddenObject = s.graph.outgoingEdgeList(verb).stream()
        .filter(e -> e.getRelation().toString().equals("obj") || e.getRelation().toString().equals("dep"))
        .map(e -> e.getTarget())
        .anyMatch(o -> hiding && o.word().equalsIgnoreCase("it") || isAThing(s, o)
            || !hiding && s.graph.outgoingEdgeList(o).stream().anyMatch(e -> e.getRelation().toString().equals("dep")
            && isAThing(s, e.getTarget())));
    return hiddenObject || s.graph.incomingEdgeList(verb).stream()
        .filter(e -> e.getRelation().toString().equals("acl:relcl")).map(e -> e.getSource())
        .anyMatch(w -> isAThing(s, w));
  }

  /**
   * "a dinner hosted by the embassy", "The talks were hosted by Kenya": what was hosted (the noun the participle
   * hangs on, or the passive subject) is a thing, not a person.
   */
  boolean hostsAThing(SentenceView s, int head) {
    IndexedWord verb = s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null) {
      return false;
    }
    List<IndexedWord> hosted = new ArrayList<>();
    s.graph.incomingEdgeList(verb).stream().filter(e -> e.getRelation().toString().equals("acl"))
        .forEach(e -> hosted.add(e.getSource()));
    s.graph.outgoingEdgeList(verb).stream().filter(e -> e.getRelation().toString().equals("nsubj:pass"))
        .forEach(e -> hosted.add(e.getTarget()));
    return !hosted.isEmpty() && hosted.stream().allMatch(this::aThing);
  }

  /**
   * "fled to the UK a week after he handed over power", "handed over the documents to the court": what the
   * handing verb hands over is a thing, so no one was handed over.
   */
  boolean handsOverAThing(SentenceView s, int head) {
    IndexedWord verb = s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null || !"hand".equals(verb.lemma())) {
      return false;
    }
    List<IndexedWord> objects = s.graph.outgoingEdgeList(verb).stream()
        .filter(e -> e.getRelation().toString().equals("obj")).map(e -> e.getTarget()).toList();
    return !objects.isEmpty() && objects.stream().allMatch(this::aThing);
  }

  /** A common noun that names no person: not a name, an official, a fugitive, a relative or people. */
  private boolean aThing(IndexedWord w) {
    return w.tag().startsWith("NN") && !"PERSON".equals(w.ner())
        && !lexicon.has(Lexicon.OFFICIALS, w.lemma()) && !lexicon.has(Lexicon.FUGITIVES, w.lemma())
        && !lexicon.has(Lexicon.PERSON_REFS, w.lemma()) && !lexicon.has(Lexicon.GENERIC_PEOPLE, w.lemma())
        && !lexicon.has(Lexicon.FAMILY, w.lemma()) && !lexicon.has(Lexicon.BUSINESS_PEOPLE, w.lemma());
  }

  /** An asset word, or a word of an amount ("Sh1.2 billion that a former official hid": the money module's). */
  private boolean isAThing(SentenceView s, IndexedWord w) {
    Tok t = s.tok(w.index() - 1);
    return lexicon.has(Lexicon.ASSETS, w.lemma()) || "MONEY".equals(w.ner())
        || t != null && s.money.stream().anyMatch(m -> t.begin() >= m.begin() && t.end() <= m.end());
  }
}
