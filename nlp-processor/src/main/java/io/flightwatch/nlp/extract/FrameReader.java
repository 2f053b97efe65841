package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.PlaceReader.Places;
import io.flightwatch.nlp.extract.Predicates.Cue;
import io.flightwatch.nlp.extract.RoleReader.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stages 3-4 for one sentence: its predicates ({@link Predicates}), their roles (Semgrex, {@link RoleReader}) and the
 * drafts their arguments make ({@link PeopleFrame}, {@link MoneyFrame}), each with its origin.
 *
 * <pre>
 *   "Guatemala's former president, who fled to Mexico in 2004, was extradited home in 2008."
 *     fled        actor = the president (one official), destination MX, origin GT (owner)
 *     extradited  actor = the president; from MX (the same sentence's flight, {@link ArticleAssembler})
 * </pre>
 * Not thread-safe (the TokensRegex extractor is not): one per annotator.
 */
final class FrameReader {

  /** A country named in this many sentences is the story's own: hiding there is hiding at home. */
  private static final int HOME_STORY = 3;

  private final Lexicon lexicon;
  private final RoleReader roles;
  private final Predicates predicates;
  private final PlaceReader places;
  private final PeopleFrame people;
  private final MoneyFrame moneyFrames;
  private final ActorReader actors;

  FrameReader(Lexicon lexicon, RoleReader roles) {
    this.lexicon = lexicon;
    this.roles = roles;
    this.predicates = new Predicates(lexicon);
    this.places = new PlaceReader(lexicon);
    MoneyReader money = new MoneyReader(lexicon);
    Destinations destinations = new Destinations(lexicon, places);
    this.people = new PeopleFrame(lexicon, new ActorReader(lexicon), money, places, destinations);
    this.moneyFrames = new MoneyFrame(money, destinations, places);
    this.actors = new ActorReader(lexicon);
  }

  /**
   * Drafts of one sentence; {@code earlier} is the last amount of the previous two sentences, for "the funds were
   * transferred to ..." (null if none).
   */
  /**
   * The predicates of a sentence (TokensRegex; needs tags and lemmas, not the parse): a sentence without is skipped.
   */
  Predicates.Found predicates(SentenceView s, boolean fugitivesBefore) {
    return predicates.find(s, fugitivesBefore);
  }

  List<Draft> read(SentenceView s, Predicates.Found found, References refs, OriginScorer scorer,
      MoneyFrame.Earlier earlier) {
    List<Draft> out = new ArrayList<>();
    Cue lastBlocked = null;
    for (Cue p : found.predicates()) {
      if (Predicates.blocked(s, p, found.all()) || Predicates.continuesBlocked(s, lastBlocked, p)) {
        // "a campaign to hunt down 50 officials at large abroad": the second predicate belongs to the purpose too
        lastBlocked = p;
        continue;
      }
      int head = Predicates.head(s, p);
      ClaimKind kind = predicates.kindOf(s, p, head);
      if (kind == ClaimKind.OFFICIALS_FLED && describesReturned(s, head)) {
        continue;
      }
      Map<Role, List<IndexedWord>> r = roles.read(s.graph, head, kind);
      if (r.containsKey(Role.NEG) || r.containsKey(Role.PURPOSE) || r.getOrDefault(Role.BLOCK, List.of()).stream()
          .anyMatch(w -> lexicon.has(Lexicon.BLOCKERS, w.lemma()) && !donePast(w) || kind != ClaimKind.OFFICIALS_FLED
          && lexicon.has(Lexicon.DECISIONS, w.lemma()))) {
        lastBlocked = p; // "its goal was to track down 100 suspects living abroad": what follows is the aim too
        continue;
      }
      // a second predicate coalesced into this one ("fled ... and settled in X") lends its roles
      for (int i = p.start() + 1; i < p.end(); i++) {
        roles.read(s.graph, i, kind).forEach((role, args) -> r.merge(role, args, (a, b) -> {
          List<IndexedWord> u = new ArrayList<>(a);
          b.stream().filter(w -> !u.contains(w)).forEach(u::add);
          return u;
        }));
      }
      boolean hedged = found.hedges(p) || r.containsKey(Role.HEDGE);
      List<Draft> drafts = kind.isMoney() ? moneyFrames.read(s, kind, head, r, earlier)
          : people.read(s, p, kind, head, r, refs);
      if (kind == ClaimKind.MONEY_MOVED_ABROAD && r.containsKey(Role.ACTOR)) {
        mover(s, head, r, refs, drafts);
      }
      for (Draft d : drafts) {
        d.hedged = hedged;
        d.again = kind == ClaimKind.OFFICIALS_FLED && FrameCues.again(s, head);
        if (d.actorOrigin == null) {
          d.actorOrigin = refs.homeOf(d.person); // "Maria Okafor, a former Nigerian official, ... she moved"
        }
        d.actorOrigin = d.actorOrigin == null ? DescribedHomes.ofMention(s, d.person) : d.actorOrigin;
        d.stayingHome = !finish(d, s, r, scorer, p, refs)
            || kind == ClaimKind.OFFICIALS_FLED && places.missionOnly(s, r.get(Role.DEST));
      }
      drafts.stream().filter(d -> d.awayFromHome).forEach(d -> oneSentOnward(d, refs));
      drafts.stream().filter(d -> !d.awayFromHome && !d.stayingHome).forEach(out::add);
    }
    recoveredHidden(out);
    // "the extradition of Cesar Duarte, who arrived in Mexico City and has since been relocated to Chihuahua": his
    // moves at home after a return told in the same sentence are the return, no flight
    out.removeIf(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.person != null && f.destination != null
        && out.stream().anyMatch(r -> r.kind == ClaimKind.OFFICIALS_RETURNED && r.person != null
        && SameFacts.samePerson(r.person, f.person) && f.destination.equals(r.origin)));
    return out;
  }

  /** "France helped the ousted president flee": help given in the past, so the flight happened. */
  private boolean donePast(IndexedWord governor) {
    return lexicon.has(Lexicon.DONE_IN_PAST, governor.lemma()) && governor.tag() != null
        && governor.tag().matches("VBD|VBN");
  }

  /**
   * "Switzerland has repatriated $700 million of looted funds that were hidden in Swiss accounts to Nigeria", "has
   * recovered $20 million stolen by the former regime and deposited in Swiss banks": money hidden abroad and handed
   * back in one sentence is told as its recovery; the hiding is how it got there, not a transfer of its own.
   */
  private static void recoveredHidden(List<Draft> out) {
    out.removeIf(m -> m.kind == ClaimKind.MONEY_MOVED_ABROAD && m.money != null && out.stream().anyMatch(
        c -> c.kind == ClaimKind.MONEY_RECOVERED && c.money != null && c.money.begin() == m.money.begin()));
  }

  /**
   * "Investigators allege that he moved £14 million to accounts in Britain": the person who moved the money, so the
   * claim takes that person's home (the same person's other claims, {@link ArticleAssembler}).
   */
  private void mover(SentenceView s, int head, Map<Role, List<IndexedWord>> r, References refs, List<Draft> drafts) {
    Actor a = actors.read(s, r.get(Role.ACTOR), head, refs);
    if (a != null && a.persons.isEmpty() && a.origin != null) {
      // "The former Kenyan minister kept $7 million in Swiss banks and moved another $2 million to a London account"
      drafts.stream().filter(d -> d.actorOrigin == null).forEach(d -> d.actorOrigin = a.origin);
    }
    if (a == null || a.persons.size() != 1) {
      return;
    }
    for (Draft d : drafts) {
      if (d.person == null) {
        d.person = a.persons.get(0);
        d.actorOrigin = d.actorOrigin == null ? a.origin : d.actorOrigin;
      }
    }
  }

  private static final java.util.Set<String> SENT_BACK = java.util.Set.of("repatriate", "extradite", "deport",
      "return", "bring", "send", "hand", "expel", "surrender", "escort");

  /**
   * "18 Nepali fugitives hiding abroad have been repatriated": a participle on the ones sent back says where they had
   * been, no flight of its own.
   */
  private static boolean describesReturned(SentenceView s, int head) {
    IndexedWord v = s.graph.getNodeByIndexSafe(head + 1);
    if (v == null || !s.tok(head).tag().equals("VBG")) {
      return false;
    }
    for (SemanticGraphEdge e : s.graph.incomingEdgeIterable(v)) {
      if (!e.getRelation().toString().equals("acl")) {
        continue;
      }
      for (SemanticGraphEdge up : s.graph.incomingEdgeIterable(e.getGovernor())) {
        if (up.getRelation().toString().startsWith("nsubj") && SENT_BACK.contains(up.getGovernor().lemma())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The flight's destination is the person's own country, or "to" + a place of it follows the predicate. */
  private static boolean goesHome(SentenceView s, Cue p, Draft d) {
    if (d.actorOrigin.equals(d.destination)) {
      return true;
    }
    for (int i = p.end(); i + 1 < s.size(); i++) {
      if (s.lower(i).equals("to") && s.tok(i + 1).isPlace() && d.actorOrigin.equals(s.tok(i + 1).iso())) {
        return true;
      }
    }
    return false;
  }

  /** Verbs of the purchase trigger ("used £6.2 million to buy", "spent", "paid ... for"). */
  private static final java.util.Set<String> PURCHASE = java.util.Set.of("use", "spend", "pay");

  /**
   * "His former finance secretary was extradited from Guatemala to the United States" in a story about Mexican
   * officials: sent from one foreign country to another, not home. A return naming both ends, by a person of no stated
   * nationality, whose "to" country is not the story's own, is a handover abroad.
   */
  /**
   * "Former Zambian President Lungu had asked Pretoria to let him remain in South Africa": a demonym of another country
   * before the predicate, so the stay is a foreigner's, whatever country the story names most.
   */
  private static boolean foreignerBefore(SentenceView s, Cue p, String there) {
    return s.toks.stream().anyMatch(t -> t.i() < p.start() && t.nationality() && t.iso() != null
        && !t.iso().equals(there));
  }

  private static boolean handover(Draft d, Places stated, String origin, String storys) {
    return d.kind == ClaimKind.OFFICIALS_RETURNED && d.actorOrigin == null && d.destination != null
        && origin != null && stated.codes().contains(origin) && storys != null && !storys.equals(origin)
        && !storys.equals(d.destination);
  }

  /** "fled Egypt", "leaving Italy": a place right after a flight verb of the predicate is where they left. */
  private static List<String> placeAfterVerb(SentenceView s, Cue p) {
    for (int i = p.start(); i < p.end(); i++) {
      if (!s.tok(i).tag().startsWith("VB") || s.tok(i).lemma().equals("enter")) {
        continue; // "entered Guatemala" is where they went
      }
      int j = i + 1;
      while (j < s.size() && s.lower(j).equals("the")) {
        j++;
      }
      if (j < s.size() && s.tok(j).isPlace() && !PlaceReader.possessive(s, j)) {
        return List.of(s.tok(j).iso());
      }
    }
    return List.of();
  }

  /**
   * "where he was arrested and repatriated to the UK": the parser may hang "to the UK" on the first of two joined
   * verbs; a place right after the return verb and "to" is where the person was sent.
   */
  private static List<String> placeAfterTo(SentenceView s, Cue p) {
    int j = p.end();
    if (!s.lower(j).equals("to") || !s.tok(p.end() - 1).tag().startsWith("VB")) {
      return List.of();
    }
    j++;
    while (j < s.size() && s.lower(j).equals("the")) {
      j++;
    }
    return j < s.size() && s.tok(j).isPlace() && !PlaceReader.possessive(s, j) ? List.of(s.tok(j).iso())
        : List.of();
  }

  private static void oneSentOnward(Draft d, References refs) {
    if (d.person != null || d.count != null && d.count == 1) {
      refs.journeys.sentOnward(d.person);
    }
  }

  /**
   * Origin: stated ("fled Egypt", "extradited to Guatemala"), else a demonym or owner of the actor, else the article.
   * False when the claim is none: a stay ("remains in X") with no origin of its own in the article's own country.
   */
  private boolean finish(Draft d, SentenceView s, Map<Role, List<IndexedWord>> r, OriginScorer scorer, Cue p,
      References refs) {
    Places stated = d.kind == ClaimKind.OFFICIALS_FLED || d.kind == ClaimKind.MONEY_MOVED_ABROAD
        ? places.read(s, r.get(Role.ORIGIN)) : places.read(s, r.get(Role.HOME));
    Places site = d.kind == ClaimKind.OFFICIALS_FLED ? places.missionSite(s, r.get(Role.ORIGIN)) : null;
    stated = site == null ? stated : site;
    if (stated.codes().isEmpty() && d.kind == ClaimKind.OFFICIALS_FLED) {
      stated = new Places(placeAfterVerb(s, p), false); // "since leaving Italy" (the parser made it an adjective)
    }
    List<String> post = List.of();
    if (d.kind == ClaimKind.OFFICIALS_FLED && !stated.codes().isEmpty() && !stated.home()
        && (d.actorOrigin == null || !stated.codes().contains(d.actorOrigin))
        && (s.toks.stream().anyMatch(t -> t.i() < p.start() && (lexicon.has(Lexicon.POSTED, t.lemma())
            || lexicon.has(Lexicon.POSTED, t.lower())))
        || d.actorOrigin != null && d.destination != null && !d.destination.equals(d.actorOrigin))) {
      // "two military attaches fled from Greece to Italy": Greece was their post, not home; "Carlos Reyes, a former
      // Honduran minister, ... He later fled the U.S. for Spain": a Honduran's flight on from where he was
      post = stated.codes();
      stated = new Places(List.of(), false);
    }
    if (s.lower(p.start()).equals("flight") && !stated.codes().isEmpty()
        && !stated.codes().contains(scorer.best(List.of(), -1))) {
      return false; // "his flight from Singapore landed in Hanoi": a plane from abroad, not a flight from home
    }
    if ((d.kind == ClaimKind.OFFICIALS_FLED && d.person == null || d.kind == ClaimKind.MONEY_MOVED_ABROAD)
        && stated.codes().isEmpty() && d.actorOrigin != null && d.actorOrigin.equals(d.destination)) {
      // "a former Ecuadorian minister who has been sheltering in its embassy in Quito": in his own country; "Nigeria's
      // former oil minister transferred $3 million to an account in Lagos": money kept at home
      return false;
    }
    if (d.kind == ClaimKind.OFFICIALS_FLED && d.actorOrigin != null && !stated.codes().isEmpty()
        && !stated.codes().contains(d.actorOrigin) && goesHome(s, p, d)) {
      // "The former Peruvian president left the United States on a flight to Lima": leaving abroad for home
      d.kind = ClaimKind.OFFICIALS_RETURNED;
      d.destination = stated.codes().get(0);
      d.mentioned.clear();
      stated = new Places(List.of(), false);
    }
    if (d.kind == ClaimKind.OFFICIALS_FLED && d.actorOrigin != null && !stated.codes().isEmpty()
        && !stated.codes().contains(d.actorOrigin) && d.destination == null && d.mentioned.isEmpty()) {
      // "The Zimbabwean was forced to leave Botswana", "X, a former Honduran minister, ... He later fled the U.S.":
      // leaving a foreign refuge is no flight from home
      return false;
    }
    if (d.kind == ClaimKind.OFFICIALS_RETURNED && d.destination != null
        && stated.codes().equals(List.of(d.destination))) {
      // "Police in Serbia arrested him and handed him over to the Serbian state prosecutor": handed over where he was
      return false;
    }
    if (d.kind == ClaimKind.OFFICIALS_FLED && stated.codes().isEmpty() && d.destination == null
        && d.mentioned.isEmpty() && RunningAtHome.only(s, p, lexicon,
            d.actorOrigin != null ? d.actorOrigin : scorer.best(List.of(), -1))) {
      return false; // "the county governor has gone into hiding": perhaps at home
    }
    List<String> away = new ArrayList<>(d.mentioned);
    if (d.destination != null) {
      away.add(d.destination);
    }
    away.addAll(places.read(s, r.get(Role.VIA)).codes()); // a transit stop is no one's home
    away.addAll(post);
    d.awayFromHome = d.kind == ClaimKind.OFFICIALS_RETURNED && d.actorOrigin != null && !stated.codes().isEmpty()
        && !stated.codes().contains(d.actorOrigin);
    // (not against the person's own words: "flees to UK from Qatar" before "the former Ghanaian prime minister")
    if (d.kind == ClaimKind.OFFICIALS_FLED && d.person != null && refs.journeys.fledFrom(d.person) != null
        && (d.actorOrigin == null || d.actorOrigin.equals(refs.journeys.fledFrom(d.person)))) {
      String home = refs.journeys.fledFrom(d.person);
      // "X fled Kazakhstan ... X left Kyrgyzstan for Turkey": Kyrgyzstan is a stop (the home told again is none)
      stated.codes().stream().filter(c -> !c.equals(home)).forEach(away::add);
      d.actorOrigin = home;
    }
    List<String> sentTo = d.kind == ClaimKind.OFFICIALS_RETURNED && stated.codes().isEmpty() ? placeAfterTo(s, p)
        : List.of();
    if (!sentTo.isEmpty() && !sentTo.contains(d.actorOrigin != null ? d.actorOrigin : scorer.best(away, s.index))) {
      oneSentOnward(d, refs);
      return false; // "fled to the UAE, where he was arrested and repatriated to the UK": sent on, not home
    }
    String held = sentTo.isEmpty() && d.kind == ClaimKind.OFFICIALS_RETURNED && stated.codes().isEmpty()
        ? HeldElsewhere.placeBefore(s, p) : null;
    String homeSide = d.actorOrigin != null ? d.actorOrigin : scorer.best(away, s.index);
    if (held != null && homeSide != null && !held.equals(homeSide) && !away.contains(held)) {
      oneSentOnward(d, refs);
      return false; // "held in New York since May after being extradited from Togo": taken there, not home
    }
    String origin = stated.codes().stream().filter(c -> !away.contains(c)).findFirst().orElse(null);
    if (origin == null && d.actorOrigin != null && !away.contains(d.actorOrigin)) {
      origin = d.actorOrigin;
    }
    if (handover(d, stated, origin, scorer.best(away, s.index))) {
      return false;
    }
    d.originStated = origin != null;
    if (origin == null && d.money != null) {
      // "embezzled 32.2 billion won and stashed it in Switzerland": a national currency names where the money left
      String home = CurrencyCountries.countryOf(d.money.currency());
      if (home != null && !away.contains(home)) {
        origin = home;
      }
    }
    d.originFromHome = !stated.codes().isEmpty() && origin != null && origin.equals(stated.codes().get(0))
        && d.kind == ClaimKind.OFFICIALS_RETURNED;
    // only "remains in" / "is in": "lives in London" is a fugitive's stay in a story told from London too
    if (origin == null && d.destination != null && d.destination.equals(scorer.best(List.of(), -1))
        && (p.label().equals("FLED_AT") || d.kind == ClaimKind.OFFICIALS_FLED && RunningAtHome.hiding(s, p)
        && scorer.sentencesNaming(d.destination) >= HOME_STORY) && !foreignerBefore(s, p, d.destination)) {
      // "She denies the charges and remains in Malawi"; "police conceded that he was in hiding in Indonesia" in a
      // story that names Indonesia throughout: a stay in the story's own country
      return false;
    }
    if (d.kind == ClaimKind.MONEY_MOVED_ABROAD && PURCHASE.contains(s.tok(p.start()).lemma()) && (origin == null
        && (d.destination == null ? !moneyFrames.abroad(s) : d.destination.equals(scorer.best(List.of(), -1)))
        || (d.money == null ? !moneyFrames.paidWith(s, p.start()) : !s.money.contains(d.money)))) {
      // "LONDON - He used £2 million to buy a house in Kent": a purchase at home moves nothing abroad ("two foreign
      // properties worth $30 million" do); "used the money to buy two hotels in Courchevel": spending a sum told before
      return false;
    }
    if (origin == null) {
      origin = scorer.best(away, s.index);
    }
    if (origin == null && d.money != null) {
      origin = CurrencyCountries.countryOf(d.money.currency()); // "2 billion naira" -> NG
    }
    d.origin = origin;
    if (d.destination != null && d.destination.equals(d.origin)) {
      d.destination = null;
    }
    d.mentioned.remove(d.origin);
    if (d.hedged) {
      d.confidence -= 0.2;
    }
    if (d.destination == null && d.mentioned.isEmpty()) {
      d.confidence -= 0.1;
    }
    return true;
  }

}
