package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Money a foreign state sends to a country is money given back, not money moved abroad: the sender is a country or a
 * body of one, the receiver another country.
 *
 * <pre>
 *   "Britain's National Crime Agency transferred £140 million to Pakistan"   recovered by PK from GB
 *   "Switzerland transferred $321 million to Nigeria"                        recovered by NG from CH
 *   "The British government wired £4.2 million to Nigeria's treasury"        recovered by NG from GB
 *   "The former governor transferred $5 million to Dubai"                    moved abroad (a person sends)
 * </pre>
 */
final class StateSenders {

  /** Bodies of a state that hand money back ("the Swiss government", "British authorities"). */
  private static final Set<String> BODIES = Set.of("government", "authority", "agency", "treasury", "court",
      "ministry", "department", "office", "prosecutor", "police", "administration", "state");

  private StateSenders() {}

  /** The transfer verb at {@code head} has a state as its subject and a different country as its receiver. */
  static boolean givesBack(SentenceView s, int head) {
    IndexedWord verb = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null) {
      return false;
    }
    String sender = null;
    String receiver = null;
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
      String rel = e.getRelation().toString();
      if (rel.equals("nsubj")) {
        sender = stateOf(s, sayer(s, verb, e.getTarget()));
      } else if (rel.equals("obl:to") && receiver == null) {
        receiver = place(s, e.getTarget());
      } else if (rel.equals("advmod") && e.getTarget().word().equalsIgnoreCase("back") && receiver == null) {
        // "transferred £40 million back to Zambia": the parser may hang the receiver on "back"
        for (SemanticGraphEdge o : s.graph.outgoingEdgeIterable(e.getTarget())) {
          if (o.getRelation().toString().equals("obl:to")) {
            receiver = place(s, o.getTarget());
          }
        }
      } else if (rel.equals("obj") && receiver == null) {
        // "transferred $321 million to Nigeria": the parser may hang the receiver on the amount
        for (SemanticGraphEdge o : s.graph.outgoingEdgeIterable(e.getTarget())) {
          if (o.getRelation().toString().equals("nmod:to") && receiver == null) {
            receiver = place(s, o.getTarget());
          }
        }
      }
    }
    return sender != null && receiver != null && !sender.equals(receiver);
  }

  /**
   * "The US Justice Department said it had sent $200 million to Nigeria": "it" is the one who says so; any other
   * subject is itself.
   */
  private static IndexedWord sayer(SentenceView s, IndexedWord verb, IndexedWord subject) {
    String w = subject.word().toLowerCase(java.util.Locale.ROOT);
    IndexedWord above = s.graph.getParent(verb);
    if (!(w.equals("it") || w.equals("they")) || above == null
        || !s.graph.reln(above, verb).toString().equals("ccomp")
        || !Lexicon.standard().has(Lexicon.REPORTING, above.lemma().toLowerCase(java.util.Locale.ROOT))) {
      return subject;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(above)) {
      if (e.getRelation().toString().equals("nsubj")) {
        return e.getTarget();
      }
    }
    return subject;
  }

  /**
   * "to Nigeria", "to Nigeria's treasury": a country, or a body of one; "to a blocked account at Nigeria's
   * central bank in Abuja": the country of the receiving account.
   */
  private static String place(SentenceView s, IndexedWord w) {
    String state = stateOf(s, w);
    if (state != null || !ACCOUNTS.contains(w.lemma().toLowerCase(java.util.Locale.ROOT))) {
      return state;
    }
    for (int i = w.index(); i < s.size() && i < w.index() + ACCOUNT_WORDS; i++) {
      Tok t = s.tok(i);
      if (t.tag().startsWith("VB") || t.lower().equals(",") || t.lower().equals(";")) {
        return null;
      }
      if (t.iso() != null && (t.isPlace() || t.nationality())) {
        return t.iso();
      }
    }
    return null;
  }

  private static final Set<String> ACCOUNTS = Set.of("account", "bank");
  /** Words from the account to the place that holds it: "a blocked account at Nigeria's central bank" (4). */
  private static final int ACCOUNT_WORDS = 8;

  /** The country a subject is, or whose body it is ("Britain's National Crime Agency"); null for anyone else. */
  private static String stateOf(SentenceView s, IndexedWord subject) {
    Tok t = s.tok(subject.index() - 1);
    if (t != null && t.isPlace()) {
      return t.iso();
    }
    if (t != null && t.owner() != null && BODIES.contains(subject.lemma().toLowerCase(java.util.Locale.ROOT))) {
      return t.owner(); // "The US Justice Department", tagged as one organisation
    }
    if (!BODIES.contains(subject.lemma().toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(subject)) {
      String rel = e.getRelation().toString();
      Tok m = s.tok(e.getTarget().index() - 1);
      if (m != null && m.iso() != null && (rel.equals("nmod:poss") || rel.equals("amod") || rel.equals("compound")
          || rel.equals("nmod:of"))) {
        return m.iso();
      }
    }
    return null;
  }

  /** A country hands over its own national: the actor's possessive ("its", "their") stands for the giving country. */
  static boolean sendsItsOwn(SentenceView s, int head, Map<Role, List<IndexedWord>> r) {
    String next = s.lower(head + 1);
    if (next.equals("home") || next.equals("back")) {
      return false; // "The Philippines brought home its former immigration chief": its own, brought back
    }
    boolean placeGives = r.getOrDefault(Role.GIVER, List.of()).stream().map(w -> s.tok(w.index() - 1))
        .anyMatch(t -> t != null && t.isPlace());
    if (!placeGives) {
      return false;
    }
    for (IndexedWord actor : r.getOrDefault(Role.ACTOR, List.of())) {
      for (IndexedWord c : s.graph.getChildren(actor)) {
        if (s.graph.reln(actor, c).toString().equals("nmod:poss")
            && (c.word().equalsIgnoreCase("its") || c.word().equalsIgnoreCase("their"))) {
          return true;
        }
      }
    }
    return false;
  }
}
