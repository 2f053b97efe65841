package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.PlaceReader.Places;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stage 4 for money: the draft of one transfer or recovery predicate (how much, to or from where).
 *
 * <pre>
 *   "wired $12 million to accounts in Latvia"          money moved, LV
 *   "The funds were transferred to a bank in Cyprus"   the amount of the sentence before, CY
 *   "laundered $5 million" (no place, nothing abroad)  no claim
 *   "payments which he stashed in bank accounts in Malta"   money moved to MT, amount unknown
 *   "Norway on Friday returned $3 million" (subject lost in a headline)   recovered from NO
 *   "2 million Swiss francs were returned to Kenya"    recovered from CH (the currency of the money held abroad)
 * </pre>
 */
final class MoneyFrame {

  private static final Set<String> BACK_PRONOUNS = Set.of("it", "that", "which");
  private static final Set<String> DEFINITE = Set.of("the", "this", "these", "those", "such");
  private static final Pattern MONEY_REFERENCE = Pattern.compile(
      "(?i)\\b(?:the|these|those|such|this|that) (?:funds|money|assets|proceeds|sums?|cash|amount)\\b");

  /** Between a giver and its verb: "Norway on Friday returned", "Spain has now sent back", "Chile last week handed". */
  /** "Panamanian authorities repatriated 9.5 million quetzales": the state behind them gave the money back. */
  private static final Set<String> STATE_ORGANS = Set.of("authorities", "government", "officials", "police",
      "prosecutors", "courts", "court", "banks");
  private static final Set<String> GIVER_GAP = java.util.stream.Stream.concat(STATE_ORGANS.stream(),
      java.util.stream.Stream.of("on", "in", "last", "this", "has", "have", "had", "also", "now", "finally", "already",
          "recently", ",")).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Day and month names (the lean NER tags no dates): "on Friday", "in March". */
  private static final Set<String> CALENDAR = calendar();

  /** Currencies quoted everywhere: they say nothing about where the money was. */
  private static final Set<String> WORLD_CURRENCIES = Set.of("USD", "EUR");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final MoneyReader money;
  private final Destinations destinations;
  private final PlaceReader places;
  private final BankPlaces banks;

  /** The sentence puts money outside the country without naming one ("overseas", "foreign properties"). */
  boolean abroad(SentenceView s) {
    return money.saysAbroad(s);
  }

  /**
   * "bought a villa in Accra with the proceeds of corruption": a purchase paid with money of a crime, no sum told;
   * not "used the money to buy a flat", which spends a sum told before.
   */
  boolean paidWith(SentenceView s, int head) {
    for (int i = head + 1; i < s.size() && i <= head + 11; i++) {
      if (s.lower(i).equals("with")) {
        for (int j = i + 1; j < s.size() && j <= i + 4; j++) {
          if (money.lexicon().has(Lexicon.PAYING_MONEY, s.tok(j).lemma())
              || money.lexicon().has(Lexicon.PAYING_MONEY, s.lower(j))) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  MoneyFrame(MoneyReader money, Destinations destinations, PlaceReader places) {
    this.money = money;
    this.destinations = destinations;
    this.places = places;
    this.banks = new BankPlaces(money.lexicon());
  }

  private static Set<String> calendar() {
    Set<String> out = new java.util.HashSet<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      out.add(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
    for (Month m : Month.values()) {
      out.add(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /**
   * "$20bn in remittances", "$3 billion in foreign aid", "$7 million from Latvia in development aid": the amount is
   * of an ordinary flow.
   */
  private boolean ordinaryAfter(SentenceView s, MoneyMention m) {
    int end = s.span(m)[1];
    if (s.lower(end + 1).equals("from")) {
      int giver = end + 2 + (s.lower(end + 2).equals("the") ? 1 : 0);
      while (giver < s.size() && s.tok(giver).iso() != null) {
        end = giver++; // past the country that gave it
      }
    }
    if (!s.lower(end + 1).equals("in")) {
      return false;
    }
    for (int i = end + 2; i <= end + 4 && i < s.size(); i++) {
      if (money.lexicon().has(Lexicon.ORDINARY_FLOWS, s.tok(i).lemma())) {
        return true;
      }
      if (!s.tok(i).tag().startsWith("JJ") && !s.tok(i).tag().startsWith("NN")) {
        return false;
      }
    }
    return false;
  }

  /**
   * "Norway will return $50 million to Ghana that was siphoned by the late ruler": the parser may hang the relative
   * clause on the country the money goes back to, which then looks like where it was siphoned to. A destination
   * before the transfer verb, right after "to" and a give-back verb, is that receiver.
   */
  private boolean receiverOfAReturn(SentenceView s, int head, List<IndexedWord> dest) {
    if (s.tok(head + 1) != null && s.tok(head + 1).tag().startsWith("NN") && giveBackBefore(s, head)) {
      return true; // "Jersey returned laundered cash to Kenya": the participle only describes what went back
    }
    if (dest == null) {
      return false;
    }
    for (IndexedWord w : dest) {
      int at = s.entitySpan(w.index() - 1)[0];
      if (at >= head || !s.lower(at - 1).equals("to")) {
        continue;
      }
      for (int i = at - 2; i >= 0 && i >= at - 8; i--) {
        if (s.tok(i).tag().startsWith("VB") && money.lexicon().has(Lexicon.GIVE_BACK, s.tok(i).lemma())
            && !s.tok(i).lemma().equals("transfer")) { // "transferred $5 million to Panama" sends it away
          return true;
        }
      }
    }
    return false;
  }

  /** A give-back verb right before a participle used as an adjective, with only a determiner or particle between. */
  private boolean giveBackBefore(SentenceView s, int head) {
    for (int i = head - 1; i >= 0 && i >= head - 3; i--) {
      Tok t = s.tok(i);
      // a headline's "Jersey returns laundered money" may read "returns" as a plural noun
      if (t.tag().startsWith("VB") || t.tag().equals("NNS") && money.lexicon().has(Lexicon.GIVE_BACK, t.lemma())) {
        return money.lexicon().has(Lexicon.GIVE_BACK, t.lemma()) && !t.lemma().equals("transfer");
      }
      if (!t.tag().equals("DT") && !t.tag().equals("PRP$") && !t.tag().equals("RP") && !t.tag().equals("RB")) {
        return false;
      }
    }
    return false;
  }

  /** An amount of an earlier sentence, with that sentence (for its bracketed conversion). */
  record Earlier(MoneyMention money, SentenceView sentence) {}

  List<Draft> read(SentenceView s, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r,
      Earlier earlier) {
    if (r.getOrDefault(Role.THEME, List.of()).stream().anyMatch(w -> money.lexicon().has(Lexicon.ORDINARY_FLOWS,
        w.lemma()))) {
      return List.of(); // "Remittances sent home by workers abroad hit a record $3.3 billion": no stolen money
    }
    if (kind == ClaimKind.MONEY_MOVED_ABROAD && receiverOfAReturn(s, head, r.get(Role.DEST))) {
      return List.of();
    }
    List<IndexedWord> senders = new java.util.ArrayList<>(r.getOrDefault(Role.ACTOR, List.of()));
    IndexedWord verb = s.graph.getNodeByIndexSafe(head + 1);
    if (verb != null) {
      s.graph.incomingEdgeList(verb).stream().filter(e -> e.getRelation().toString().equals("acl"))
          .forEach(e -> senders.add(e.getGovernor())); // "with workers in the Gulf sending home billions"
    }
    if (senders.stream().anyMatch(w -> w.tag().equals("NNPS") && s.tok(w.index() - 1).iso() == null
        || money.lexicon().has(Lexicon.ORDINARY_SENDERS, w.lemma()))) {
      return List.of(); // "workers in the Gulf sending home billions", "Nigerians living abroad sent home $20bn"
    }
    MoneyMention m = money.amountFor(s, head, r.get(Role.THEME));
    if (m != null && (ordinaryAfter(s, m) || kind == ClaimKind.MONEY_MOVED_ABROAD && MoneyReader.perHead(s, m))) {
      return List.of(); // "sent home an estimated $20bn in remittances"; "left with two million dollars each"
    }
    if (m == null && r.getOrDefault(Role.THEME, List.of()).stream().anyMatch(w -> refersBack(s, w))) {
      // "admitted receiving $11.5 million from Lawal and depositing it in banks in Beirut", "accepting $20 million in
      // bribes and laundering the proceeds in Miami": the amount before the reference, even a bribe's
      m = s.money.stream().filter(x -> x.end() <= s.tok(head).begin() && MoneyReader.previousOf(s, x) == null
          && !AwaitedSums.awaited(s, s.span(x))).reduce((a, b) -> b).orElse(null);
    }
    SentenceView home = s;
    // "The funds were transferred to ...": a verb; "The return of the money comes after ..." names a fact told before
    if (m == null && earlier != null && MONEY_REFERENCE.matcher(s.text()).find()
        && s.tok(head).tag().startsWith("VB")) {
      m = earlier.money();
      home = earlier.sentence();
    }
    if (m == null) {
      return kind == ClaimKind.MONEY_MOVED_ABROAD ? vagueTransfer(s, kind, head, r) : List.of();
    }
    Places dest = destinations.destination(s, kind, head, r);
    if (s.tok(head).lemma().equals("make") && s.lower(head + 1).equals("off") && !madeOffByOfficial(s, r)) {
      return List.of(); // "Thieves made off with $2 million from a bank in Lagos"
    }
    boolean along = kind == ClaimKind.MONEY_MOVED_ABROAD && takenWith(s, head);
    if (kind == ClaimKind.MONEY_MOVED_ABROAD && dest.codes().isEmpty()) {
      dest = banks.accountsIn(s);
      if (dest.codes().isEmpty() && !money.saysAbroad(s) && !along) {
        return List.of(); // laundered or moved, but nothing says it left the country
      }
    }
    if (kind == ClaimKind.MONEY_RECOVERED && dest.codes().isEmpty()) {
      dest = giverBefore(s, head);
      if (dest.codes().isEmpty()) {
        // "recovered Sh1.2 billion that a former official hid in bank accounts in Jersey"
        List<String> homes = places.read(s, r.get(Role.HOME)).codes();
        dest = banks.accountsIn(s);
        dest = dest.codes().stream().anyMatch(homes::contains) ? Places.NONE : dest;
      }
      if (dest.codes().isEmpty()) {
        dest = banks.keptIn(s, places.read(s, r.get(Role.HOME)).codes());
      }
      if (dest.codes().isEmpty()) {
        dest = heldIn(s, m, r);
      }
      if (dest.codes().isEmpty()) {
        dest = banks.sentAfter(s, s.span(m)[1] + 1, places.read(s, r.get(Role.HOME)).codes());
      }
    }
    Draft d = new Draft(kind, s);
    d.takenAlong = along;
    MoneyReader.setMoney(d, m, home);
    d.confidence = home == s ? 0.75 : 0.6;
    d.subject = Subject.UNSPECIFIED;
    destinations.setPlaces(d, dest, s);
    return List.of(d);
  }

  /**
   * "secreting it in bank accounts around the globe", "hid it in overseas bank accounts": accounts abroad
   * right after the verb; not "a firm paid money into his own bank account and he kept a foreign bank account too".
   */
  private boolean intoAccountsAbroad(SentenceView s, int head) {
    for (int i = head + 1; i < s.size() && i <= head + 8; i++) {
      if (s.tok(i).lemma().equals("account")) {
        return money.saysAbroad(s, i - 3, i + 2);
      }
      if (s.tok(i).tag().startsWith("VB") || s.lower(i).equals(".") || s.lower(i).equals(";")) {
        return false;
      }
    }
    return false;
  }

  private static final Set<String> VAGUE_SIZES = Set.of("amount", "sum", "billion", "million", "trillion", "huge",
      "large", "vast", "substantial", "enormous", "massive");

  /** A size word just before the money word: "huge amounts of public money", "large sums", "billions in cash". */
  private static boolean sizedVaguely(SentenceView s, int what) {
    for (int i = Math.max(0, what - 4); i <= what; i++) {
      if (VAGUE_SIZES.contains(s.tok(i).lemma())) {
        return true;
      }
    }
    return false;
  }

  /** "He took $10 million with him": money carried along by people (whose flight says where it went). */
  /** "Jatta made off with $9 million", "he made off with $2 million when he fled", not "thieves made off with". */
  private boolean madeOffByOfficial(SentenceView s, Map<Role, List<IndexedWord>> r) {
    return Predicates.fledIn(s) || r.getOrDefault(Role.ACTOR, List.of()).stream().anyMatch(w ->
        s.tok(w.index() - 1).isPerson() || money.lexicon().has(Lexicon.OFFICIALS, w.lemma()));
  }

  private static boolean takenWith(SentenceView s, int head) {
    String l = s.tok(head).lemma();
    if (l.equals("make") && s.lower(head + 1).equals("off")) {
      return true; // "made off with $11 million"
    }
    if (!l.equals("take") && !l.equals("carry")) {
      return false;
    }
    for (int i = head + 1; i + 1 < s.size() && i <= head + 10 && !s.lower(i).equals(","); i++) {
      if (s.lower(i).equals("with") && WITH_WHOM.contains(s.lower(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> WITH_WHOM = Set.of("him", "her", "them");

  /**
   * "it", a relative pronoun ("$2 million to Peru that was hidden abroad": the parser hangs the clause on the nearer
   * noun), or a money noun with a definite determiner ("the proceeds", "this money"): money already named.
   */
  private boolean refersBack(SentenceView s, IndexedWord w) {
    if (BACK_PRONOUNS.contains(w.word().toLowerCase(Locale.ROOT))) {
      return true;
    }
    Tok t = s.tok(w.index() - 1);
    if (t == null || !t.tag().startsWith("NN") || !money.lexicon().has(Lexicon.ASSETS, t.lemma())) {
      return false;
    }
    return s.graph.outgoingEdgeList(w).stream().anyMatch(e -> e.getRelation().toString().equals("det")
        && DEFINITE.contains(e.getTarget().word().toLowerCase(Locale.ROOT)));
  }

  /**
   * A transfer that names no amount is still a claim when what moved is money and a country receives it (the amount
   * stays vague, as the annotation rules want): "kickbacks which were sent to a Malta-registered company".
   */
  private List<Draft> vagueTransfer(SentenceView s, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r) {
    IndexedWord what = money.movedMoney(s, head, r.get(Role.THEME), r.get(Role.DEST));
    if (what == null) {
      return List.of();
    }
    Places dest = destinations.destination(s, kind, head, r);
    if (dest.codes().isEmpty()) {
      dest = banks.accountsIn(s);
    }
    if (dest.codes().isEmpty() && !(sizedVaguely(s, what.index() - 1) && money.saysAbroad(s)
        || intoAccountsAbroad(s, head) || HiddenAbroad.onVerb(s, head))) {
      // "smuggled money abroad" with neither an amount nor a country says too little; "smuggled huge amounts of
      // public money out of Iraq" gives a size
      return List.of();
    }
    Draft d = new Draft(kind, s);
    d.vagueMoney = true;
    d.valueText = what.word();
    d.confidence = 0.55;
    d.subject = Subject.UNSPECIFIED;
    destinations.setPlaces(d, dest, s);
    return List.of(d);
  }

  /**
   * The country right before a give-back verb whose subject the parser lost (a headline run into the first sentence):
   * "LIMA - Norway on Friday returned $3 million to Peru" gives NO. Only time words, auxiliaries and the state's organs
   * ("Panamanian authorities") may stand between.
   */
  private Places giverBefore(SentenceView s, int head) {
    Tok verb = s.tok(head);
    if (verb == null || !money.lexicon().has(Lexicon.GIVE_BACK, verb.lemma())) {
      return Places.NONE;
    }
    for (int i = head - 1; i >= 0 && i >= head - 6; i--) {
      Tok t = s.tok(i);
      boolean organ = i + 1 < head && STATE_ORGANS.contains(s.lower(i + 1));
      if (t.isPlace() || t.nationality() && t.iso() != null && organ) {
        int first = s.entitySpan(i)[0];
        String before = s.lower(first - 1);
        boolean object = before.equals("to") || before.equals("from") || before.equals("in") || before.equals("of");
        return object || PlaceReader.possessive(s, i) ? Places.NONE : new Places(List.of(t.iso()), false);
      }
      boolean time = t.ner() != null && (t.ner().equals("DATE") || t.ner().equals("TIME") || t.ner().equals("SET"))
          || t.tag().equals("CD") || CALENDAR.contains(t.lower());
      if (!time && !GIVER_GAP.contains(t.lower()) && !t.tag().equals("RB")) {
        return Places.NONE;
      }
    }
    return Places.NONE;
  }

  /**
   * Money returned to one country in another country's currency was held in that other country: "27 million Swiss
   * francs were returned to Kenya" gives CH. Needs the country it went back to, so the currency is not the home's own;
   * never for dollars or euros, which are quoted for any country's money.
   */
  private Places heldIn(SentenceView s, MoneyMention m, Map<Role, List<IndexedWord>> r) {
    String cur = m.currency();
    if (cur == null || cur.length() != 3 || WORLD_CURRENCIES.contains(cur)) {
      return Places.NONE;
    }
    String country = cur.substring(0, 2); // ISO 4217: a national currency's code starts with its country's code
    List<String> homes = places.read(s, r.get(Role.HOME)).codes();
    if (!COUNTRIES.contains(country) || homes.isEmpty() || homes.contains(country)) {
      return Places.NONE;
    }
    return new Places(List.of(country), false);
  }

}
