package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 3 (frames): a flight told from the host's side, "Russia continues to harbour the former minister", "Canada is
 * home to about 50 fugitives": the guest is who fled and the host where to.
 */
final class Hosts {

  private Hosts() {}

  /**
   * "The UAE has taken in the ousted president", "Britain granted asylum to the former minister": the guest (object,
   * or "to" phrase) is the actor and the host (subject) the destination, the other way round from "fled to". Returns
   * the host country when the host is "the country" and a country was named before it ("Norway's foreign ministry
   * said the country has taken in ..."), else null.
   */
  static String hosted(SentenceView s, int head, Map<Role, List<IndexedWord>> r, String lastPlace, Lexicon lexicon) {
    IndexedWord verb = s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null) {
      return null;
    }
    List<IndexedWord> guests = new ArrayList<>();
    List<IndexedWord> hosts = new ArrayList<>();
    for (edu.stanford.nlp.semgraph.SemanticGraphEdge e : s.graph.outgoingEdgeIterable(verb)) {
      String rel = e.getRelation().toString();
      if (rel.equals("nsubj") || rel.equals("nsubj:xsubj")) {
        // "Russia continues to harbour the ex-president"; "Venezuela's government has granted asylum to ..."
        hosts.add(FrameCues.hostOf(s, e.getTarget()));
      } else if (rel.equals("obj") && !Set.of("asylum", "refuge", "sanctuary").contains(e.getTarget().lemma())
          || rel.equals("obl:to") || rel.equals("iobj") || rel.equals("obl:in") && verb.lemma().equals("take")) {
        guests.add(e.getTarget()); // "has taken in X" may be parsed as a place phrase "in X"
      }
    }
    hosts.addAll(FrameCues.accusedHost(s, verb, hosts)); // "Kyiv accuses Russia of harbouring ..."
    String before = null;
    if (hosts.size() == 1 && Set.of("it", "they").contains(hosts.get(0).word().toLowerCase(java.util.Locale.ROOT))) {
      // "the UAE said it has taken in ...": the reporting country speaks of itself
      IndexedWord parent = s.graph.getParent(verb);
      before = hosts.get(0).word().equalsIgnoreCase("it") ? lastPlace : null;
      hosts.clear();
      if (parent != null && s.graph.reln(parent, verb).toString().equals("ccomp")) {
        s.graph.outgoingEdgeList(parent).stream().filter(e -> e.getRelation().toString().equals("nsubj"))
            .forEach(e -> hosts.add(e.getTarget()));
      }
    }
    if (guests.isEmpty()) {
      return null;
    }
    r.put(Role.ACTOR, guests);
    r.remove(Role.ORIGIN);
    if (!hosts.isEmpty()) {
      r.put(Role.DEST, hosts);
    }
    String owner = hosts.size() == 1 ? FrameCues.organOwner(s, hosts.get(0)) : null;
    // "New Zealand is a favourite haven. It is home to about 11 fugitives": with no host here, the country before
    return hosts.isEmpty() ? before
        : owner != null ? owner : hosts.size() == 1 ? countryReferredTo(s, hosts.get(0), lexicon) : null;
  }

  /**
   * "the country" as a host: the last country named before it in the sentence, also inside an organisation's name
   * ("The Foreign Ministry of Norway said the country has taken in ...").
   */
  private static String countryReferredTo(SentenceView s, IndexedWord host, Lexicon lexicon) {
    Tok t = s.tok(host.index() - 1);
    if (t == null || !lexicon.has(Lexicon.COUNTRY_REFS, t.lemma()) || !s.lower(host.index() - 2).equals("the")) {
      return null;
    }
    for (int i = host.index() - 3; i >= 0; i--) {
      Tok before = s.tok(i);
      if (before.iso() != null) {
        return before.iso(); // a place or a nationality: "Swiss officials said the country ..."
      }
      if (before.owner() != null) {
        return before.owner();
      }
    }
    return null;
  }
}
