package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.PlaceReader.Places;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 4 (the other country): where people fled or money went, or where they came back from, from the predicate's
 * roles, with surface fallbacks where the parse gave no place.
 *
 * <pre>
 *   "fled via Bangkok to Toronto"            CA (a transit stop is never the destination)
 *   "Spain extradited him", "Swiss authorities returned $80 million"   ES, CH (the giver)
 *   "to the US, Canada and Australia"        none single: destinations mentioned US, CA, AU
 *   "mostly to Canada and Australia"         partial: destinations mentioned
 * </pre>
 */
final class Destinations {

  private static final Set<String> TOWARDS = Set.of("to", "for", "in", "into");
  private static final Set<String> ONWARD = Set.of("then", "before", "later", "eventually", "finally", "onward",
      "onwards");

  /** Verbs only the country letting someone go does: their giver's demonym is that country. */
  private static final Set<String> HAND_OVER = Set.of("hand", "extradite", "deport", "expel");
  /** Verbs of getting money back, whose agent ("recovered by the US") held it. */
  private static final Set<String> RECOVER = Set.of("recover", "retrieve", "recoup", "reclaim");

  private final Lexicon lexicon;
  private final PlaceReader places;

  Destinations(Lexicon lexicon, PlaceReader places) {
    this.lexicon = lexicon;
    this.places = places;
  }

  Places destination(SentenceView s, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r) {
    if (kind == ClaimKind.OFFICIALS_FLED || kind == ClaimKind.MONEY_MOVED_ABROAD) {
      Places to = places.read(s, r.get(Role.DEST));
      Places via = places.read(s, r.get(Role.VIA));
      List<String> codes = new ArrayList<>(to.codes());
      if (codes.size() == 1) {
        for (String c : PlaceReader.joinedAfter(s, codes.get(0))) {
          if (!codes.contains(c)) {
            codes.add(c);
          }
        }
      }
      codes.removeAll(via.codes());
      if (codes.isEmpty() && to.home() && kind == ClaimKind.OFFICIALS_FLED) {
        // "Police in Costa Rica say a politician who fled to the Central American country", "sought asylum in the
        // neighboring country": no one flees to home, so "the country" is the one the sentence named before it
        String named = placeBefore(s, r.get(Role.DEST).get(0).index() - 1);
        if (named != null) {
          codes.add(named);
        }
      }
      if (codes.isEmpty() && !r.containsKey(Role.DEST)) {
        codes.addAll(places.after(s, head, TOWARDS));
      }
      if (kind == ClaimKind.OFFICIALS_FLED && codes.size() >= 2 && onward(s, codes)) {
        codes = new ArrayList<>(List.of(codes.get(codes.size() - 1)));
      }
      String later = kind == ClaimKind.OFFICIALS_FLED && codes.size() == 1 ? laterLeg(s, codes.get(0)) : null;
      if (later != null) {
        codes = new ArrayList<>(List.of(later));
      }
      return new Places(codes, to.home());
    }
    Places from = places.read(s, r.get(Role.SOURCE));
    if (!from.codes().isEmpty()) {
      return from;
    }
    if (from.home()) {
      // "Thailand remained the largest source of returns, with 212 fugitives repatriated from the country": no one
      // comes back from home, so "the country" is the one the sentence named before it
      String named = placeBefore(s, r.get(Role.SOURCE).get(0).index() - 1);
      if (named != null) {
        return new Places(List.of(named), false);
      }
    }
    String handedIn = kind == ClaimKind.OFFICIALS_RETURNED ? HandoverPlaces.from(s, head) : null;
    if (handedIn != null) {
      return new Places(List.of(handedIn), false); // "handed over to Mexican authorities in El Paso"
    }
    if (!r.containsKey(Role.SOURCE)) {
      List<String> after = places.after(s, head, Set.of("from"));
      if (!after.isEmpty()) {
        return new Places(after, false);
      }
    }
    Tok verb = sendingVerb(s, head);
    if (verb != null && lexicon.has(Lexicon.GIVE_BACK, verb.lemma()) && r.containsKey(Role.GIVER)) {
      // "Spain extradited him", "Switzerland has sent back $77.5 million": the giver is where they were
      List<IndexedWord> givers = r.get(Role.GIVER).stream().filter(w -> {
        Tok t = s.tok(w.index() - 1);
        return t != null && t.isPlace() && !PlaceReader.possessive(s, t.i());
      }).toList();
      String agency = kind.isMoney() && givers.isEmpty() ? foreignAgency(s, r.get(Role.GIVER)) : null;
      if (agency != null) {
        return new Places(List.of(agency), false);
      }
      if (givers.isEmpty() && (r.containsKey(Role.HOME) || HAND_OVER.contains(verb.lemma())
          || s.lower(verb.i() + 1).equals("home"))) {
        // "Swiss authorities returned $80 million to Nigeria": the nationality of a giver that hands to another
        // country; without a receiving country, "Chinese police returned 860 suspects" names the home side, but
        // only a foreign side hands over or extradites: "was handed over by Thai police at Kunming airport"; an owner
        // hands to another country too: "Andorra's government returned EUR 1.05 million to Peru's treasury"
        for (IndexedWord w : r.get(Role.GIVER)) {
          if (!kind.isMoney() && r.getOrDefault(Role.ACTOR, List.of()).equals(List.of(w))) {
            continue; // "a former Chinese director ... returned to the mainland": the one returning gives nothing
          }
          for (IndexedWord c : s.graph.getChildren(w)) {
            Tok t = s.tok(c.index() - 1);
            // "Swiss authorities", "the US Justice Department": a demonym or a country before the giver's noun
            String rel = s.graph.reln(w, c).toString();
            if (t != null && (t.nationality() || t.isPlace() && (rel.equals("compound")
                || rel.equals("nmod:poss") && r.containsKey(Role.HOME)))
                && c.index() < w.index()) {
              return new Places(List.of(t.iso()), false);
            }
          }
        }
      }
      return places.read(s, givers);
    }
    if (kind == ClaimKind.MONEY_RECOVERED && verb != null && RECOVER.contains(verb.lemma())) {
      // "a cheque representing the amount recovered by the US from a Filipino general": who recovered it abroad
      // is where it came back from
      List<IndexedWord> agents = r.getOrDefault(Role.GIVER, List.of()).stream().filter(w -> {
        int i = w.index() - 1;
        int start = s.tok(i) == null ? i : s.entitySpan(i)[0];
        int by = s.lower(start - 1).equals("the") ? start - 2 : start - 1;
        return s.tok(i).isPlace() && !PlaceReader.possessive(s, i) && s.lower(by).equals("by");
      }).toList();
      return places.read(s, agents);
    }
    return Places.NONE;
  }

  /**
   * The predicate's verb, or the verb of sending joined to it: "Russian security forces detained and sent home the
   * former police chief" sends with "sent".
   */
  private Tok sendingVerb(SentenceView s, int head) {
    Tok verb = s.tok(head);
    IndexedWord w = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    if (verb == null || w == null || lexicon.has(Lexicon.GIVE_BACK, verb.lemma())) {
      return verb;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().startsWith("conj") && lexicon.has(Lexicon.GIVE_BACK, e.getTarget().lemma())) {
        return s.tok(e.getTarget().index() - 1);
      }
    }
    return verb;
  }

  /** The last country named before token {@code until}, not as an owner ("Thailand's"); null if none. */
  private static String placeBefore(SentenceView s, int until) {
    for (int i = until - 1; i >= 0; i--) {
      Tok t = s.tok(i);
      if (t.isPlace() && !PlaceReader.possessive(s, i)) {
        return t.iso();
      }
    }
    return null;
  }

  /**
   * A state agency whose name holds a country gives money back from there, when the sentence names another country
   * for the money to go to: "The US Justice Department returned $311 million ... to Nigeria" gives US (the parser may
   * hang "to Nigeria" anywhere). Without another country, "the Kenyan Assets Recovery Agency returned" is at home.
   */
  private static String foreignAgency(SentenceView s, List<IndexedWord> givers) {
    for (IndexedWord w : givers) {
      Tok g = s.tok(w.index() - 1);
      String owner = g == null ? null : g.owner();
      if (owner == null) {
        continue;
      }
      for (int i = 0; i < s.size(); i++) {
        Tok t = s.tok(i);
        if (t.iso() != null && !t.iso().equals(owner) && t.iso().length() == 2) {
          return owner;
        }
      }
    }
    return null;
  }

  /**
   * "flew to Dubai before settling in London", "went to Lebanon and then on to London", "fled into Serbia and flew
   * on from Belgrade to Spain": the first country was a stop on the way, the last one is where they went.
   */
  private static boolean onward(SentenceView s, List<String> codes) {
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (String c : codes) {
      int at = firstPlace(s, c);
      if (at >= 0) {
        first = Math.min(first, at);
        last = Math.max(last, at);
      }
    }
    if (last < 0 || !onwardBetween(s, first, last)) {
      return false;
    }
    codes.sort(java.util.Comparator.comparingInt(c -> firstPlace(s, c)));
    return true;
  }

  /** Words that may stand between one stop and the next leg of the same journey. */
  private static final Set<String> LEG_WORDS = Set.of(",", "and", "then", "later", "eventually", "finally", "on",
      "onward", "onwards", "to", "for", "the", "before", "moving", "going", "heading", "flying", "travelling",
      "traveling", "continuing", "moved", "went", "flew", "headed", "travelled", "traveled", "continued");

  /**
   * "fled to Turkey and then to the United Arab Emirates", "left Kyrgyzstan for Turkey, and then for Dubai": a later
   * leg the parser hung elsewhere; only journey words may stand between ("before being extradited to X" is no leg).
   */
  private static String laterLeg(SentenceView s, String iso) {
    int at = firstPlace(s, iso);
    if (at < 0) {
      return null;
    }
    int from = s.entitySpan(at)[1] + 1;
    for (int j = from; j < s.size() && j <= from + 8; j++) {
      Tok t = s.tok(j);
      if (t.isPlace() && !iso.equals(t.iso())) {
        boolean towards = TOWARDS.contains(s.lower(j - 1))
            || s.lower(j - 1).equals("the") && TOWARDS.contains(s.lower(j - 2));
        return towards && onwardBetween(s, at, j) ? t.iso() : null;
      }
      if (!LEG_WORDS.contains(s.lower(j))) {
        return null;
      }
    }
    return null;
  }

  /** Where country {@code iso} is first named in the sentence as a place, or -1. */
  static int firstPlace(SentenceView s, String iso) {
    for (int i = 0; i < s.size(); i++) {
      if (iso.equals(s.tok(i).iso()) && s.tok(i).isPlace()) {
        return i;
      }
    }
    return -1;
  }

  /** A word between two places that makes the second a further leg of the journey: then, before, later, on from. */
  static boolean onwardBetween(SentenceView s, int first, int last) {
    for (int i = first + 1; first >= 0 && i < last; i++) {
      if (ONWARD.contains(s.lower(i))) {
        return true;
      }
      // "crossing into Ecuador and flying from Guayaquil to Miami", "flew on from Belgrade to Spain": a new leg
      boolean leg = s.lower(i).equals("from") && s.tok(i + 1).isPlace()
          || s.lower(i).equals("on") && s.tok(i - 1).tag().startsWith("VB");
      if (leg) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two legs of one flight read as two flights: "crossing into Ecuador by land and flying from Guayaquil to Miami".
   * The earlier country was a stop; the later flight keeps the home the first one was read with.
   */
  static void onwardLegs(SentenceView s, List<Draft> read) {
    for (Draft a : List.copyOf(read)) {
      for (Draft b : List.copyOf(read)) {
        if (a == b || a.kind != ClaimKind.OFFICIALS_FLED || b.kind != ClaimKind.OFFICIALS_FLED
            || a.destination == null || b.destination == null || a.destination.equals(b.destination)
            || !java.util.Objects.equals(a.person, b.person) || !read.contains(a) || !read.contains(b)) {
          continue;
        }
        int at = firstPlace(s, a.destination);
        int next = firstPlace(s, b.destination);
        if (at >= 0 && at < next && onwardBetween(s, at, next)) {
          read.remove(a);
          if (a.destination.equals(b.origin) || !b.originStated) {
            b.origin = a.origin;
            b.originStated = a.originStated;
          }
        }
      }
    }
  }

  /** Words for the rest of the world after a place: "from Switzerland and other countries", "and elsewhere". */
  private static final Set<String> OTHER_PLACES = Set.of("countries", "nations", "jurisdictions", "places", "states",
      "territories");

  /**
   * "Switzerland and other countries", "Dubai and elsewhere", "Andorra and the Far East" ({@code regions.txt}): the
   * place named is one of several.
   */
  private boolean andOthers(SentenceView s, int i) {
    if (!s.lower(i).equals("and") && !s.lower(i).equals("or")) {
      return false;
    }
    if (s.lower(i + 1).equals("elsewhere") || s.lower(i + 1).equals("other") && OTHER_PLACES.contains(s.lower(i + 2))) {
      return true;
    }
    int j = s.lower(i + 1).equals("the") ? i + 2 : i + 1;
    if (s.lower(j).matches("far|middle|south-east|southeast|east|central|western|eastern")
        && lexicon.has(Lexicon.REGIONS, s.lower(j + 1))) {
      j++; // "the Far East", "South-East Asia"
    }
    boolean last = j + 1 >= s.size() || !s.tok(j + 1).tag().startsWith("NNP");
    return lexicon.has(Lexicon.REGIONS, s.lower(j)) && last && (!s.lower(j).equals("east") || j > i + 1
        && s.lower(j - 1).matches("far|middle"));
  }

  void setPlaces(Draft d, Places p, SentenceView s) {
    List<String> codes = p.codes();
    boolean partial = false;
    for (int i = 0; i < s.size(); i++) {
      partial |= lexicon.has(Lexicon.PARTIAL, s.lower(i)) && i + 1 < s.size() && (s.tok(i + 1).isPlace()
          || s.lower(i + 1).equals("to") || s.lower(i + 1).equals("in") || s.lower(i + 1).equals("as"));
      partial |= s.tok(i).isPlace() && andOthers(s, s.entitySpan(i)[1] + 1);
      partial |= ActorFallbacks.MOST.contains(s.lower(i)) && s.lower(i + 1).equals("of"); // "most of the 18"
    }
    if (codes.size() == 1 && !partial) {
      String onward = d.kind == ClaimKind.OFFICIALS_FLED ? fromThere(s, codes.get(0)) : null;
      d.destination = onward != null ? onward : codes.get(0);
      d.bankPlaced = bankOnly(s, d.destination);
    } else {
      d.mentioned = new ArrayList<>(codes);
    }
  }

  /**
   * "fled by car to Brazil and from there by plane to Lisbon": the leg after "from there" ends the journey,
   * the first place was a stop; null when the sentence goes on from {@code first} to no other country.
   */
  private static String fromThere(SentenceView s, String first) {
    for (int i = 1; i + 1 < s.size(); i++) {
      if (!s.lower(i).equals("from") || !s.lower(i + 1).equals("there")) {
        continue;
      }
      for (int j = i + 2; j < s.size() && j <= i + 8 && !s.lower(j).equals(","); j++) {
        if (s.lower(j).equals("to") && s.tok(j + 1) != null && s.tok(j + 1).isPlace()
            && !first.equals(s.tok(j + 1).iso())) {
          return s.tok(j + 1).iso();
        }
      }
    }
    return null;
  }

  /** The country is named only inside a bank's name ("an account at Guaranty Trust Bank Liberia"). */
  private static boolean bankOnly(SentenceView s, String code) {
    boolean bank = false;
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (t.isPlace() && code.equals(t.iso())) {
        return false;
      }
      bank |= code.equals(t.owner()) && PlaceReader.bankName(s, t);
    }
    return bank;
  }

  /**
   * "A former finance official in rural China is said to be in Canada": the country an official's own phrase places
   * him in ({@code nmod:in} on the official noun), his post, not where he went; null if none.
   */
  static String postedIn(SentenceView s, List<IndexedWord> actor) {
    for (IndexedWord w : actor == null ? List.<IndexedWord>of() : actor) {
      if (!Lexicon.standard().has(Lexicon.OFFICIALS, w.lemma())) {
        continue;
      }
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
        Tok t = s.tok(e.getTarget().index() - 1);
        if (e.getRelation().toString().equals("nmod:in") && t != null && t.isPlace()) {
          return t.iso();
        }
      }
    }
    return null;
  }
}
