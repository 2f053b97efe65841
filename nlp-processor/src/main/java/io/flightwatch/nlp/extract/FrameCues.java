package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.nlp.extract.Predicates.Cue;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Surface and parse cues that qualify a people predicate ({@link PeopleFrame}): a rumoured stay, a quantifier that
 * makes the actor anyone, a relative "where", an arrival at home, a place told by description, a fallen government, a
 * person handed back, a trip's end, a road not taken, the dead.
 *
 * <pre>
 *   "is believed to be living in Canada"                     rumoured
 *   "vowed to bring back every official who fled abroad"     anyone
 *   "picked up in Osaka in August, where he had been hiding" where
 *   "landed in Nairobi from London"                           arrival at home
 *   "still living in the Gulf state"                          described place
 *   "left the country for Dubai after the coup"              a government fell
 *   "on his return from Singapore"                           a trip's end
 *   "instead of being extradited to Greece"                  not taken
 *   "returned to power", "handed him over to the police"     not from abroad
 *   "the remains of the former president were flown home"    the dead
 * </pre>
 */
final class FrameCues {

  private static final Set<String> PLACE_NOUNS = Set.of("state", "nation", "kingdom", "emirate", "island",
      "republic", "city-state", "archipelago", "country");
  /** Predicates of leaving, as against staying ("lives in", "settled in"). */
  private static final Set<String> LEAVING = Set.of("leave", "left", "fly", "flee", "depart", "cross", "go",
      "head", "slip", "sneak");
  /** "the same country", "the home nation": modifiers that point back home, not to a place named before. */
  private static final Set<String> HOME_MODIFIERS = Set.of("same", "home", "own", "native", "mother");
  /** "On his return from Singapore": the time of a trip's end. */
  private static final Set<String> ON = Set.of("on", "upon");

  /** Verbs of blame whose object is the one blamed for what follows "of". */
  private static final Set<String> BLAMING = Set.of("accuse", "blame", "criticise", "criticize", "condemn");

  private FrameCues() {}

  /**
   * "Kyiv accuses Russia of harbouring the former prosecutor general": with no host of its own, a hosting verb after
   * "accuses X of" has X as its host.
   */
  static List<IndexedWord> accusedHost(SentenceView s, IndexedWord verb, List<IndexedWord> hosts) {
    IndexedWord parent = hosts.isEmpty() ? s.graph.getParent(verb) : null;
    if (parent == null || !BLAMING.contains(parent.lemma())
        || !s.graph.reln(parent, verb).toString().equals("advcl:of")) {
      return List.of();
    }
    return s.graph.outgoingEdgeList(parent).stream().filter(e -> e.getRelation().toString().equals("obj"))
        .map(SemanticGraphEdge::getTarget).toList();
  }

  /** "On his return from Singapore, the attorney general said": back from a trip, not brought home. */
  static boolean tripsEnd(SentenceView s, Cue p) {
    Tok first = s.tok(p.start());
    Tok own = s.tok(p.start() - 1);
    return first.lower().equals("return") && first.tag().startsWith("NN") && s.lower(p.end()).equals("from")
        && own != null && own.tag().equals("PRP$") && ON.contains(s.lower(p.start() - 2));
  }

  /** "the body of the former governor", "the governor's body" (not "Sri Lanka's anti-graft body said"). */
  static boolean remainsOf(SentenceView s, IndexedWord w, Lexicon lexicon) {
    return lexicon.has(Lexicon.REMAINS, w.lemma()) && s.graph.outgoingEdgeList(w).stream()
        .anyMatch(e -> (e.getRelation().toString().equals("nmod:of") || e.getRelation().toString().equals("nmod:poss"))
            && s.tok(e.getTarget().index() - 1).iso() == null);
  }

  /**
   * "the return of President X to take office", "returned to power in 2014": a comeback in politics; "the army handed
   * him over to the police": custody at home. Neither is a return from abroad.
   */
  static boolean notFromAbroad(SentenceView s, Cue p) {
    Tok first = s.tok(p.start());
    for (int i = p.end(); i < s.size() && i <= p.end() + 7 && !s.lower(i).equals(","); i++) {
      if (first.lemma().equals("return") && s.lower(i).equals("to") && (s.lower(i + 1).equals("power")
          || s.lower(i + 1).equals("office") || s.lower(i + 1).equals("take") && s.lower(i + 2).equals("office"))) {
        return true;
      }
      int k = s.lower(i + 1).equals("the") ? i + 2 : i + 1;
      if (first.lemma().equals("hand") && s.lower(i).equals("to") && custodyAt(s, k)
          && s.toks.stream().noneMatch(Tok::nationality)) {
        return true; // but "handed over to police by Cambodian authorities": a foreign giver
      }
      if (first.lemma().equals("hand") && s.lower(i).equals("to") && ownCustody(s, k, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Police in Serbia arrested him and handed him over to the Serbian state prosecutor": custody of the country that
   * arrested him, named before the handing over, is custody where he was, not a return.
   */
  private static boolean ownCustody(SentenceView s, int k, int to) {
    int j = k;
    while (s.tok(j) != null && j <= k + 3 && !CUSTODY.contains(s.tok(j).lemma())) {
      j++;
    }
    if (s.tok(j) == null || !CUSTODY.contains(s.tok(j).lemma()) || !s.tok(k).nationality()) {
      return false;
    }
    String own = s.tok(k).iso();
    for (int i = 0; i < to; i++) {
      Tok t = s.tok(i);
      // "Serbian police", "police in Serbia": the arresting side, not the person's own demonym
      boolean arresting = t.nationality() && s.tok(i + 1) != null && ARRESTERS.contains(s.tok(i + 1).lemma())
          || s.lower(i - 1).equals("in") && s.tok(i - 2) != null && ARRESTERS.contains(s.tok(i - 2).lemma());
      if (own != null && own.equals(t.iso()) && arresting) {
        return true;
      }
    }
    return false;
  }

  /** A custody noun at {@code k} or after up to two words of its name: "police", "the Air Force authorities". */
  private static boolean custodyAt(SentenceView s, int k) {
    for (int j = k; j <= k + 2 && s.tok(j) != null; j++) {
      if (CUSTODY.contains(s.tok(j).lemma())) {
        return true;
      }
      if (!s.tok(j).tag().matches("NNP?|JJ")) {
        return false;
      }
    }
    return false;
  }

  /** Who arrests: "Serbian police", "officers in Bosnia". */
  private static final Set<String> ARRESTERS = Set.of("police", "officer", "authority", "agent", "force");

  /** Who takes someone into custody at home ("handed over to the police"; "to Chinese police" names a country). */
  private static final Set<String> CUSTODY = Set.of("police", "army", "military", "court", "prosecutor", "jail",
      "prosecution", "authority", "judiciary");

  /** "Instead of being extradited to Greece, he will be tried at home", "rather than flee": the road not taken. */
  static boolean roadNotTaken(SentenceView s, Cue p) {
    String prev = s.lower(p.start() - 1);
    int k = prev.equals("being") || prev.equals("having") ? p.start() - 2 : p.start() - 1;
    return s.lower(k).equals("of") && s.lower(k - 1).equals("instead")
        || s.lower(k).equals("than") && s.lower(k - 1).equals("rather");
  }

  /**
   * "believed / thought / said / reported / understood to be" right before ("reportedly left" was tried too and read a
   * trip as a flight in the kept-aside articles).
   */
  static boolean rumouredRightBefore(SentenceView s, int start) {
    String prev = s.lower(start - 1);
    String verb = s.lower(start - 3);
    return prev.equals("be") && s.lower(start - 2).equals("to") && (verb.equals("believed") || verb.equals("thought")
        || verb.equals("said") || verb.equals("reported") || verb.equals("understood") || verb.equals("rumoured")
        || verb.equals("rumored"));
  }

  /** "after the coup", "toppled by the army", "after the capital fell to the rebels": a government fell. */
  static boolean regimeFell(SentenceView s, Lexicon lexicon) {
    for (SentenceView.Tok t : s.toks) {
      if (lexicon.hasOrStarts(Lexicon.REGIME_FALL, t.lower())
          || lexicon.has(Lexicon.REGIME_FALL, t.lower() + " " + s.lower(t.i() + 1))) {
        return true;
      }
    }
    return false;
  }

  /** "Mexican authorities returned the former president to Guatemala": someone else gave the person back. */
  static boolean handedBack(Map<Role, List<IndexedWord>> r) {
    List<IndexedWord> actors = r.getOrDefault(Role.ACTOR, List.of());
    return r.getOrDefault(Role.GIVER, List.of()).stream().anyMatch(g -> !actors.equals(List.of(g)));
  }

  /** The predicate is a leaving ("left", "flew out", "departed"), not a stay ("lives in", "settled in"). */
  static boolean leaving(SentenceView s, Cue p) {
    return LEAVING.contains(s.tok(p.start()).lemma().toLowerCase(Locale.ROOT));
  }

  /**
   * "seven foreign nationals", "three foreigners" ({@code foreigners.txt}): the actor is another country's citizens,
   * whom a country sending them "home" does not bring back.
   */
  static boolean foreigners(SentenceView s, List<IndexedWord> actor) {
    for (IndexedWord w : actor == null ? List.<IndexedWord>of() : actor) {
      String lemma = w.lemma() == null ? "" : w.lemma().toLowerCase(Locale.ROOT);
      boolean foreignNational = (lemma.equals("national") || lemma.equals("citizen"))
          && s.lower(w.index() - 2).equals("foreign");
      if (foreignNational || Lexicon.standard().has(Lexicon.FOREIGNERS, lemma)) {
        return true;
      }
    }
    return false;
  }

  /** "every official", "any corrupt official", "each of the fugitives": a quantifier within three words before. */
  static boolean everyOne(SentenceView s, int tok) {
    for (int i = tok - 1; i >= 0 && i >= tok - 3; i--) {
      String w = s.lower(i);
      if (w.equals("every") || w.equals("any") || w.equals("each") || w.equals("whoever") || w.equals("anyone")) {
        return true;
      }
    }
    return tok >= 0 && (s.lower(tok).equals("anyone") || s.lower(tok).equals("everyone"));
  }

  /** The "where" that opens the predicate's relative clause (", where he had been hiding"), or -1. */
  static int whereBefore(SentenceView s, int head) {
    IndexedWord verb = s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null) {
      return -1;
    }
    for (IndexedWord c : s.graph.getChildren(verb)) {
      int w = c.index() - 1;
      // a relative "where" after a comma or a place; not "questioning him on where he lived"
      if (c.word().equalsIgnoreCase("where") && w < head && w > 0
          && (s.lower(w - 1).equals(",") || s.tok(w - 1).isPlace())) {
        return w;
      }
    }
    return -1;
  }

  /**
   * "the Gulf state", "the island nation", "the tiny Caribbean nation", "fled to the Southeast Asian country": a
   * described place, not a named one.
   */
  static boolean describesAPlace(SentenceView s, IndexedWord w) {
    if (!PLACE_NOUNS.contains(w.lemma()) || !s.lower(w.index() - 2).equals("the")
        && s.graph.getChildren(w).stream().noneMatch(c -> c.word().equalsIgnoreCase("the"))) {
      return false;
    }
    return s.graph.outgoingEdgeList(w).stream().anyMatch(e -> {
      String rel = e.getRelation().toString();
      return (rel.equals("amod") || rel.equals("compound"))
          && !HOME_MODIFIERS.contains(e.getTarget().word().toLowerCase(java.util.Locale.ROOT));
    }) && s.graph.outgoingEdgeList(w).stream().noneMatch(e -> e.getRelation().toString().startsWith("nmod:of"));
  }

  /**
   * "Millions of dollars stolen by the former ruler were repatriated": what the verb returns, its passive subject or
   * its object, is money, whoever stands nearer to the verb.
   */
  /**
   * "An official suspected of laundering millions of dollars was caught in Accra and returned to Lagos": the one who
   * returns, its subject, is a person, however near the money stands.
   */
  static boolean returnsPerson(SentenceView s, int head, Lexicon lexicon) {
    IndexedWord verb = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null || !verb.tag().startsWith("VB")) {
      return false;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeList(verb)) {
      SentenceView.Tok t = s.tok(e.getTarget().index() - 1);
      if (e.getRelation().toString().startsWith("nsubj") && t != null && (t.isPerson()
          || lexicon.has(Lexicon.OFFICIALS, t.lemma()) || lexicon.has(Lexicon.FUGITIVES, t.lemma())
          || t.lower().equals("he") || t.lower().equals("she"))) {
        return true;
      }
    }
    return false;
  }

  static boolean returnsMoney(SentenceView s, int head, Lexicon lexicon) {
    IndexedWord verb = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null) {
      return false;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeList(verb)) {
      String rel = e.getRelation().toString();
      if (!rel.equals("nsubj:pass") && !rel.equals("obj") && !rel.equals("csubj:pass")) {
        continue;
      }
      // the argument's words up to its head ("dollars stolen by ..." the parser may read as a clause: its head is
      // "stolen", its money before it)
      int from = s.graph.descendants(e.getTarget()).stream().mapToInt(w -> w.index() - 1).min().orElse(0);
      for (int i = from; i < e.getTarget().index(); i++) {
        if (s.inMoney(i) || "MONEY".equals(s.tok(i).ner()) || lexicon.has(Lexicon.ASSETS, s.tok(i).lemma())) {
          return true;
        }
        if (s.tok(i).isPerson() || lexicon.has(Lexicon.OFFICIALS, s.tok(i).lemma())) {
          break; // "the former governor's assets": a person first
        }
      }
    }
    return false;
  }

  /**
   * "Recovering the $40 million he hid in Swiss banks could take years": a gerund that opens the sentence as the
   * subject of a modal verb is a prospect ("Fleeing in 2019, he may now be in Dubai" has its subject after a comma).
   */
  static boolean gerundSubjectOfModal(SentenceView s, Cue p) {
    if (p.start() != 0 || !s.tok(0).tag().equals("VBG")) {
      return false;
    }
    for (int i = p.end(); i < s.size(); i++) {
      if (s.tok(i).tag().equals("MD")) {
        return true;
      }
      if (s.lower(i).equals(",") || s.lower(i).equals(";")) {
        return false;
      }
    }
    return false;
  }

  private static final java.util.Set<String> NEARING = java.util.Set.of("close", "closer", "near", "nearer");

  /**
   * "Peru is moving closer to recovering up to $50 million", "Kenya is close to repatriating the funds": a gerund after
   * "close to" is a prospect, not yet done.
   */
  static boolean nearing(SentenceView s, Cue p) {
    return s.tok(p.start()).tag().equals("VBG") && s.lower(p.start() - 1).equals("to")
        && NEARING.contains(s.lower(p.start() - 2));
  }

  /** "only to flee again", "left Algeria again": the predicate's own "again". */
  static boolean again(SentenceView s, int head) {
    edu.stanford.nlp.ling.IndexedWord p = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    return p != null && s.graph.getChildren(p).stream().anyMatch(c -> c.word().equalsIgnoreCase("again"));
  }

  /** The state's organs, whose country is the host. */
  private static final Set<String> ORGANS = Set.of("government", "authority", "regime", "state");

  /** "Venezuela's government has granted asylum to ...", "the Venezuelan government": the country of a state organ. */
  static IndexedWord hostOf(SentenceView s, IndexedWord subject) {
    if (!ORGANS.contains(subject.lemma())) {
      return subject;
    }
    return s.graph.outgoingEdgeList(subject).stream()
        .filter(o -> o.getRelation().toString().matches("nmod:poss|amod")).map(SemanticGraphEdge::getTarget)
        .findFirst().orElse(subject);
  }

  /** The country of a host taken from "X's government" (a possessive place, which a destination would not be). */
  static String organOwner(SentenceView s, IndexedWord host) {
    SentenceView.Tok t = s.tok(host.index() - 1);
    return t != null && t.isPlace() && ORGANS.contains(s.lower(s.entitySpan(t.i())[1] + 2)) ? t.iso() : null;
  }
}
