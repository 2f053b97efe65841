package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.PlaceReader.Places;
import io.flightwatch.nlp.extract.Predicates.Cue;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 4 for flights and returns: the drafts of one people predicate (who or how many, to or from where, and money
 * taken along).
 *
 * <pre>
 *   "Ana Ruiz and Luis Ruiz fled to Panama"              two drafts, one per person
 *   "more than 300 officials have fled with $2 billion"  a count draft and a money-moved draft
 *   "Canada deported the former official Liu Qiang"     a return of Liu Qiang from CA
 * </pre>
 */
final class PeopleFrame {

  private final Lexicon lexicon;
  private final ActorReader actors;
  private final MoneyReader money;
  /** Verbs of coming home that, like "return", also end ordinary trips. */
  /** A common noun that names no place ("party", "ship", "government"), as against "the country", "home". */
  private boolean notAPlace(SentenceView s, IndexedWord w) {
    Tok t = s.tok(w.index() - 1);
    return t.tag().matches("NNS?") && t.iso() == null && t.ner().equals("O") && !lexicon.has(Lexicon.COUNTRY_REFS,
        t.lemma()) && !lexicon.has(Lexicon.HOME_WORDS, t.lemma()) && !lexicon.has(Lexicon.REGIONS, t.lemma());
  }

  private static final Set<String> COMING = Set.of("come", "arrive", "fly");
  private final PlaceReader places;
  private final Destinations destinations;
  private final MovedThings things;

  PeopleFrame(Lexicon lexicon, ActorReader actors, MoneyReader money, PlaceReader places,
      Destinations destinations) {
    this.lexicon = lexicon;
    this.things = new MovedThings(lexicon);
    this.actors = actors;
    this.money = money;
    this.places = places;
    this.destinations = destinations;
  }

  List<Draft> read(SentenceView s, Cue p, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r,
      References refs) {
    boolean weak = Predicates.needsFugitives(p);
    // one sentence may stand between a flight and a whereabouts or a leaving from home ("Leaders fled. The group
    // includes X and Y. Ministers have been spotted in India."), not a leaving from abroad ("left the South African
    // nation" in a story of flight from Zimbabwe)
    // "left the country for Dubai after the coup": the fall of a government makes a leaving from home for a named
    // country a flight (not a stay: "the cleric, who lives in the US, is blamed for the coup")
    boolean context = FugitiveContext.in(s) || refs.previousAboutFugitives()
        || (refs.recentlyAboutFugitives() || FrameCues.regimeFell(s, lexicon) && FrameCues.leaving(s, p)
        && !places.read(s, r.get(Role.DEST)).codes().isEmpty()) && places.read(s, r.get(Role.ORIGIN)).codes().isEmpty();
    // "is believed to be living in Canada": a rumoured whereabouts abroad is a fugitive's
    boolean rumoured = weak && !context && FrameCues.rumouredRightBefore(s, p.start());
    if (p.label().equals("HOSTED") && things.hostsAThing(s, head)) {
      return List.of(); // "a dinner hosted by the embassy": an event was hosted, not a person
    }
    String hostCountry = p.label().equals("HOSTED") ? Hosts.hosted(s, head, r, refs.lastPlace(), lexicon) : null;
    Actor actor = actors.read(s, r.get(Role.ACTOR), head, refs, kind == ClaimKind.OFFICIALS_RETURNED,
        p.label().equals("FLED"));
    ListedNames.companions(s, r.get(Role.COMPANION), refs, actor);
    // "43 other suspects were still living in the Gulf state": people named as fugitives are their own context
    boolean fugitives = actor != null && actor.persons.isEmpty() && actor.count != null && actor.noun != null
        && lexicon.has(Lexicon.FUGITIVES, actor.noun) && !lexicon.has(Lexicon.GENERIC_PEOPLE, actor.noun);
    // "Ex-law minister X left the country ahead of the resignation" in a story that has told of flight: a leaving from
    // home is one more
    boolean leftHome = weak && refs.articleAboutFugitives() && s.tok(head).lemma().equals("leave")
        && places.read(s, r.get(Role.ORIGIN)).home();
    // "X has fled the country ... X left Kyrgyzstan for Turkey": the leaving of someone who fled is where he went
    boolean fledBefore = weak && actor != null && actor.persons.size() == 1
        && refs.journeys.hasFled(actor.persons.get(0));
    // "Yerevan asked for the extradition of ex-minister X ... X is in Moscow": a sought man's whereabouts
    boolean sought = p.label().equals("FLED_AT") && actor != null && actor.persons.size() == 1
        && refs.journeys.wasWanted(actor.persons.get(0));
    if (weak && !context && !rumoured && !fugitives && !leftHome && !fledBefore && !sought) {
      return List.of();
    }
    List<Draft> out = new ArrayList<>();
    MoneyMention taken = kind == ClaimKind.OFFICIALS_FLED ? money.takenAlong(s, head) : null;
    if (actor == null || p.label().equals("CAPTURED") && actor.subject != Subject.FUGITIVES
        && actor.subject != Subject.OFFICIALS) {
      if (taken != null) {
        out.add(takenDraft(s, taken, null, Subject.UNSPECIFIED, r));
      }
      return out;
    }
    if ((p.label().equals("RETURN_AMBIG") && s.tok(head).lemma().equals("return") || p.label().equals("RETURNED")
        && COMING.contains(s.tok(head).lemma())) && (actor.singular
        || !actor.persons.isEmpty()) && !FugitiveContext.in(s) && !refs.articleAboutFugitives()
        && !Predicates.fledIn(s) && !FrameCues.handedBack(r)) {
      // but "a former lawmaker who fled to Vietnam five years ago returned home": the flight makes it a return
      // "the ambassador returned to Washington for consultations", "the president came back from London after a state
      // visit": a trip, not a return home
      return out;
    }
    if (kind == ClaimKind.OFFICIALS_RETURNED && HandoverPlaces.domestic(s, head)) {
      return out; // "was handed over to the anti-graft agency in Abuja": custody at home, no border crossed
    }
    if (r.getOrDefault(Role.ACTOR, List.of()).stream().anyMatch(w -> FrameCues.remainsOf(s, w, lexicon))) {
      return out; // "the remains of the former president were flown home": no one alive moved
    }
    if (kind == ClaimKind.OFFICIALS_RETURNED && r.getOrDefault(Role.SOURCE, List.of()).stream()
        .anyMatch(w -> lexicon.has(Lexicon.BREAKS, w.lemma()))) {
      return out; // "Kyrgyz wrestler returns from knee injury": back from a break, not from abroad
    }
    if (actor.persons.isEmpty() && FrameCues.everyOne(s, actor.tok)) {
      return out; // "vowed to bring back every official who fled abroad": anyone, no one counted
    }
    if (weak && actor.persons.isEmpty() && actor.subject == Subject.UNSPECIFIED) {
      return out; // "two businessmen residing in the U.S.": living abroad is flight only for officials or fugitives
    }
    if (kind == ClaimKind.OFFICIALS_RETURNED && actor.persons.isEmpty() && !actor.singular
        && actor.subject == Subject.UNSPECIFIED && !FugitiveContext.in(s) && !refs.previousAboutFugitives()) {
      return out; // "the United States deported 5,000 Guatemalans": migrants, not fugitives
    }
    if (kind == ClaimKind.OFFICIALS_FLED && actor.noun != null && lexicon.has(Lexicon.GENERIC_PEOPLE, actor.noun)
        && !FugitiveContext.outside(s, p.start(), p.end()) && !refs.previousAboutFugitives()) {
      return out; // "20,000 people fled the fighting": refugees; "nine members of a baseball team defected": athletes
    }
    if (kind == ClaimKind.OFFICIALS_FLED && (lexicon.has(Lexicon.DISPLACED_PEOPLE, actor.noun) || r.getOrDefault(
        Role.ORIGIN, List.of()).stream().anyMatch(w -> lexicon.has(Lexicon.HAZARDS, w.lemma())))) {
      return out; // "has taken in 100,000 refugees fleeing the war": fleeing war or want, not justice
    }
    if (kind == ClaimKind.OFFICIALS_FLED && actor.persons.isEmpty() && actor.subject == Subject.UNSPECIFIED
        && r.getOrDefault(Role.ACTOR, List.of()).stream().anyMatch(w -> w.tag().equals("NNPS")
        && !s.tok(w.index() - 1).isPlace())) {
      // "hosts several thousand Afghans who fled across the river": a people (a plural name), not its officials
      return out;
    }
    if (kind == ClaimKind.OFFICIALS_RETURNED && actor.persons.isEmpty()
        && FrameCues.foreigners(s, r.get(Role.ACTOR))) {
      return out; // "seven foreign nationals were deported to their home countries": others' citizens sent home
    }
    if (kind == ClaimKind.OFFICIALS_RETURNED && s.tok(head).lemma().equals("expel") && actor.persons.isEmpty()
        && actor.tok >= 0 && lexicon.has(Lexicon.POSTED, s.tok(actor.tok).lemma())) {
      return out; // "Venezuela is expelling the Spanish ambassador": a foreign envoy told to leave, no fugitive
    }
    if (p.label().equals("ARRIVED") && !Arrivals.arrivesHome(s, head, actor.origin, refs.articleAboutFugitives())) {
      return out; // "arrived in Dubai", "landed at Heathrow": travel abroad, or nowhere we know
    }
    if (p.label().equals("CAPTURED") && (capturedIn(s, head) || actor.singular || !actor.persons.isEmpty()
        || beforeReturn(s, head))) {
      // "Fugitive ex-minister caught in Brazil", "was captured by the authorities in Madagascar, where he fled": one
      // person's arrest abroad is no return yet; only a campaign's count of captured fugitives is
      return out;
    }
    if (kind == ClaimKind.OFFICIALS_RETURNED && StateSenders.sendsItsOwn(s, head, r)) {
      return out; // "Mexico extradited its former governor to the United States": sent away from home, not back
    }
    Places dest = destinations.destination(s, kind, head, r);
    String posted = actor.origin == null && dest.codes().size() > 1 ? Destinations.postedIn(s, r.get(Role.ACTOR))
        : null;
    if (posted != null && dest.codes().contains(posted)) {
      actor.origin = posted; // "a former finance official in rural China is said to be in Canada"
    }
    if (dest.codes().size() > 1 && dest.codes().contains(actor.origin)) {
      // "Peruvian ministers who took refuge in the Mexican embassy in Lima": their own country is where they were
      dest = new Places(dest.codes().stream().filter(c -> !c.equals(actor.origin)).toList(), dest.home());
    }
    if (dest.codes().isEmpty() && hostCountry != null) {
      dest = new Places(List.of(hostCountry), false);
    }
    if (p.label().equals("FLED_AT") && dest.codes().isEmpty() && s.graph.getNodeByIndexSafe(head + 1) != null) {
      dest = places.read(s, List.of(s.graph.getNodeByIndexSafe(head + 1))); // "are in the United States"
    }
    if (p.label().equals("FLED_AT") && dest.codes().isEmpty()) {
      return out; // whereabouts without a foreign place ("are in talks") say nothing
    }
    if (rumoured && (dest.codes().isEmpty() || dest.codes().contains(actor.origin))) {
      return out; // "is said to be staying in Lima with his family": at home
    }
    if (kind == ClaimKind.OFFICIALS_FLED && (dest.codes().isEmpty() || !r.containsKey(Role.DEST)) && r.getOrDefault(
        Role.ORIGIN, List.of()).stream().anyMatch(w -> lexicon.has(Lexicon.LOCAL_PLACES, w.lemma()))) {
      // "fled the building through a side exit", "fled the scene of a collision in Arequipa": a place, not the country
      return out;
    }
    if (p.label().equals("FLED_WEAK") && s.tok(head).lemma().equals("leave") && dest.codes().isEmpty()
        && !r.containsKey(Role.ORIGIN) && !r.containsKey(Role.DEST)) {
      return out; // "She told reporters before leaving that ...": leaving, from nowhere to nowhere, says no flight
    }
    if (p.label().equals("FLED_WEAK") && s.tok(head).lemma().equals("leave") && dest.codes().isEmpty()
        && !r.containsKey(Role.DEST) && r.containsKey(Role.ORIGIN)
        && r.get(Role.ORIGIN).stream().allMatch(w -> notAPlace(s, w))) {
      return out; // "a third minister had left the cabinet", "left the coalition": a body, not the country
    }
    IndexedWord there = r.getOrDefault(Role.DEST, List.of()).stream()
        .filter(w -> w.word().equalsIgnoreCase("there")).findFirst().orElse(null);
    if (dest.codes().isEmpty() && there != null) {
      // "asked Singapore to extradite an official who now lives there": a place before it in the sentence, else
      // the last country of the sentences before ("They fled there")
      String place = placeBefore(s, there.index() - 1, r.getOrDefault(Role.ACTOR, List.of()));
      place = place != null ? place : refs.lastPlace();
      dest = place == null || place.isEmpty() ? dest : new Places(List.of(place), false);
    }
    IndexedWord described = r.getOrDefault(Role.DEST, List.of()).stream()
        .filter(w -> FrameCues.describesAPlace(s, w)).findFirst().orElse(null);
    String own = actor.origin;
    for (Tok t : s.toks) {
      own = own == null && t.nationality() ? t.iso() : own; // "43 other Sri Lankan suspects"
    }
    String before = described == null ? null : refs.lastPlaceBut(own);
    if (dest.codes().isEmpty() && before != null) {
      // "43 other suspects were still living in the Gulf state": the foreign place named before
      dest = new Places(List.of(before), false);
    }
    int where = FrameCues.whereBefore(s, head);
    if (dest.codes().isEmpty() && where >= 0 && kind == ClaimKind.OFFICIALS_FLED) {
      // "was picked up in Osaka in August, where he had been hiding": the parser hangs the clause on the month
      String place = placeBefore(s, where, r.getOrDefault(Role.ACTOR, List.of()));
      boolean near = false;
      for (int i = Math.max(0, where - 6); i < where; i++) {
        near |= s.tok(i).isPlace() && s.tok(i).iso().equals(place);
      }
      dest = place == null || !near ? dest : new Places(List.of(place), false);
    }
    List<Draft> main = new ArrayList<>();
    if (!actor.persons.isEmpty()) {
      for (String person : actor.persons) {
        Draft d = new Draft(kind, s);
        d.person = person;
        d.count = 1L;
        d.valueText = person;
        d.subject = Subject.OFFICIALS;
        d.confidence = 0.8;
        main.add(d);
      }
    } else {
      Draft d = new Draft(kind, s);
      d.count = actor.count;
      d.valueText = actor.text;
      d.approximate = actor.approximate;
      d.subject = actor.subject;
      d.singular = actor.singular;
      d.ofGroupBefore = actor.ofGroupBefore;
      d.confidence = actor.singular ? 0.6 : 0.75;
      main.add(d);
    }
    for (Draft d : main) {
      d.actorOrigin = actor.origin;
      destinations.setPlaces(d, dest, s);
      if (weak) {
        d.confidence -= 0.2;
      }
    }
    if (kind == ClaimKind.OFFICIALS_FLED && things.hidesAThing(s, head, true)
        || kind == ClaimKind.OFFICIALS_RETURNED && (things.hidesAThing(s, head, false)
        || things.handsOverAThing(s, head))) {
      // "looted $2 billion and hid it in Swiss bank accounts": money hidden, not a person; "... and later
      // repatriated another $90 million": money sent back
      main.clear();
    }
    out.addAll(main);
    if (taken != null && main.isEmpty()) {
      out.add(takenDraft(s, taken, actor.persons.isEmpty() ? null : actor.persons.get(0), actor.subject, r));
    } else if (taken != null) {
      Draft first = main.get(0);
      out.add(takenDraft(s, taken, first.person, first.subject, r));
    } else if (kind == ClaimKind.OFFICIALS_FLED && !main.isEmpty()) {
      TakenLoot.after(s, head, main.get(0), lexicon).ifPresent(out::add);
    }
    return out;
  }

  private Draft takenDraft(SentenceView s, MoneyMention taken, String person, Subject subject,
      Map<Role, List<IndexedWord>> r) {
    Draft d = new Draft(ClaimKind.MONEY_MOVED_ABROAD, s);
    MoneyReader.setMoney(d, taken, s);
    d.person = person;
    d.subject = subject;
    d.confidence = 0.7;
    d.takenAlong = true;
    destinations.setPlaces(d, places.read(s, r.get(Role.DEST)), s);
    return d;
  }

  /** The last country named before token {@code end} of the sentence, not as an owner ("Kenya's court"). */
  private static String placeBefore(SentenceView s, int end, List<IndexedWord> actors) {
    // "the former mayor of a Caracas district had applied for asylum there": a place in the person's title is home
    // but a relative clause on the person is a story of its own: "The fugitive who slipped out ... for treatment in
    // France has now sought asylum there"
    Set<IndexedWord> own = new HashSet<>();
    java.util.Deque<IndexedWord> todo = new java.util.ArrayDeque<>(actors);
    while (!todo.isEmpty()) {
      IndexedWord w = todo.pop();
      if (own.add(w)) {
        for (edu.stanford.nlp.semgraph.SemanticGraphEdge e : s.graph.outgoingEdgeIterable(w)) {
          if (!e.getRelation().toString().startsWith("acl")) {
            todo.push(e.getTarget());
          }
        }
      }
    }
    for (int i = end - 1; i >= 0; i--) {
      if (s.tok(i).isPlace() && s.tok(i).iso() != null && !PlaceReader.possessive(s, i)
          && !own.contains(s.graph.getNodeByIndexSafe(i + 1))) {
        return s.tok(i).iso();
      }
      if (i >= 2 && s.lower(i - 1).equals("the") && UNNAMED_PLACES.contains(s.tok(i).lemma())
          && (s.lower(i - 2).equals("to") || s.lower(i - 2).equals("in"))) {
        return ""; // "smuggled to the city-state before fleeing there": the place before is unnamed, not China
      }
    }
    return null;
  }

  /** Places named by their kind, which "there" may stand for: the nearer place is not then the named one before. */
  private static final Set<String> UNNAMED_PLACES = Set.of("city-state", "country", "island", "emirate", "kingdom",
      "city", "state", "territory", "nation");

  /** "were repatriated after being apprehended in the Philippines": the arrest is the return's circumstance. */
  private boolean beforeReturn(SentenceView s, int head) {
    IndexedWord w = s.graph == null ? null : s.graph.getNodeByIndexSafe(head + 1);
    return w != null && s.graph.incomingEdgeList(w).stream().anyMatch(e -> e.getRelation().toString()
        .startsWith("advcl") && lexicon.has(Lexicon.GIVE_BACK, e.getGovernor().lemma()));
  }

  /** "caught in Brazil", "arrested in Sao Paulo": a place right after "in" after the capture verb. */
  private static boolean capturedIn(SentenceView s, int head) {
    int k = s.lower(head + 1).equals("in") ? head + 2 : -1;
    k = s.lower(k).equals("the") ? k + 1 : k;
    return k > 0 && s.tok(k) != null && s.tok(k).isPlace();
  }
}
