package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 4 (places): the countries an argument of a predicate names, read from its part of the parse.
 *
 * <pre>
 *   "to Canada, Australia and New Zealand"       CA, AU, NZ (enhanced++ gives each conjunct its own obl:to)
 *   "to accounts in Vancouver"                   CA (a place inside the argument's phrase)
 *   "in Swiss banks", "into a London account"    CH, GB (an adjectival place on a bank or account noun)
 *   "fled the country"                           the home country ({@link Places#home()})
 *   "in the Mexican embassy in Quito"            MX: an embassy is its country's ground
 * </pre>
 */
final class PlaceReader {

  /** Relations not followed into: clauses and owners say something else about the argument. */
  private static final Set<String> VEHICLES = Set.of("flight", "plane", "jet", "aircraft", "airliner", "ship", "boat",
      "ferry", "vessel", "yacht");
  private static final Set<String> STOP = Set.of("acl", "acl:relcl", "nmod:poss", "nmod:from", "nmod:with",
      "nmod:for", "nmod:by", "nmod:of", "nmod:since", "parataxis", "dep", "ref", "case", "det", "punct", "nmod:tmod");
  private static final Set<String> BANK_WORDS = Set.of("bank", "banca", "banco", "banque", "bankhaus", "banka");
  private static final Set<String> STATE_BANK_WORDS = Set.of("central", "national", "reserve", "state", "people's",
      "development");
  private static final Set<String> NEAR = Set.of("nmod:in", "nmod:at", "nmod:on", "nmod:outside", "nmod:near");
  private static final Set<String> ACCOUNT_NOUNS = Set.of("bank", "account", "property", "company", "firm",
      "trust", "fund", "estate", "villa", "house", "mansion", "apartment", "entity", "institution", "one");

  /** Where a company or an account is: "companies registered in Cyprus", "a firm based in Dubai". */
  private static final Set<String> REGISTERED = Set.of("register", "registered", "base", "based", "incorporate",
      "incorporated", "domicile", "domiciled", "locate", "located", "hold", "held", "open", "opened");

  private static final Set<String> NATION_NOUNS = Set.of("nation", "country", "state", "island", "kingdom",
      "republic", "emirate", "city-state", "archipelago", "dependency", "territory", "principality", "enclave",
      "haven");

  /** An embassy is its country's ground: someone who takes refuge there has gone to that country. */
  private static final Set<String> MISSION_NOUNS = Set.of("embassy", "consulate", "legation");
  /** "in various parts of India", "in the north of England": a part of a country is in it. */
  private static final Set<String> PART_NOUNS = Set.of("part", "area", "corner", "region", "north", "south", "east",
      "west", "interior");
  private static final Map<String, String> TERRITORIES = ResourceLines.read("/io/flightwatch/nlp/geo/territories.tsv")
      .stream().map(l -> l.text().split("\t")).collect(Collectors.toUnmodifiableMap(f -> f[0], f -> f[1]));
  private static final Set<String> TOWN_NOUNS = Set.of("city", "capital", "town", "port", "province", "region",
      "district", "village", "resort");

  /** Currencies named after a country ("U.S. dollars", "Hong Kong dollars", "Swiss francs"). */
  static final Set<String> CURRENCY_NOUNS = Set.of("dollar", "franc", "pound", "peso", "rupee", "shilling",
      "yuan", "yen", "won", "real", "rand", "ruble", "rouble", "dinar", "riyal", "dirham", "ringgit", "euro");

  /** "on South African soil", "flew into Canadian exile": the demonym's country. */
  private static final Set<String> SOIL_NOUNS = Set.of("soil", "territory", "ground", "exile");
  /** Nouns whose demonym is the place of a role that picks it: "Canadian exile", "the Qatari police". */
  private static final Set<String> OWN_DEMONYM = Set.of("exile", "authority", "government", "police");

  /** What an argument names: countries in order, and whether it is "the country" (the origin). */
  record Places(List<String> codes, boolean home) {
    static final Places NONE = new Places(List.of(), false);
  }

  private final Lexicon lexicon;

  PlaceReader(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The distinct countries named as places in tokens [from, to), owners ("Kenya's court") left out. */
  static List<String> countriesIn(SentenceView s, int from, int to) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = Math.max(0, from); i < to && i < s.size(); i++) {
      Tok t = s.tok(i);
      if (t.isPlace() && !possessive(s, i)) {
        out.add(t.iso());
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The places joined on the surface to the place named {@code iso} ("in the UK and the UAE", "to Canada, Australia
   * or New Zealand"), for a parse that hung the later ones elsewhere.
   */
  static List<String> joinedAfter(SentenceView s, String iso) {
    List<String> out = new ArrayList<>();
    int at = Destinations.firstPlace(s, iso);
    if (at < 0) {
      return out;
    }
    int i = s.entitySpan(at)[1] + 1;
    while (i < s.size()) {
      int j = i;
      while (j < s.size() && (s.lower(j).equals(",") || s.lower(j).equals("the"))) {
        j++;
      }
      boolean last = s.lower(j).equals("and") || s.lower(j).equals("or");
      j = last ? j + 1 : j;
      j = s.lower(j).equals("the") ? j + 1 : j;
      Tok t = s.tok(j);
      if (j == i || t == null || !t.isPlace() || possessive(s, j)) {
        break;
      }
      i = s.entitySpan(j)[1] + 1;
      if (i < s.size() && s.tok(i).tag().matches("NNS?") && !s.tok(i).isPlace()) {
        break; // "fled into Senegal, US officials said": a place that qualifies a noun ends the list
      }
      if (t.iso().equals(out.isEmpty() ? iso : out.get(out.size() - 1))) {
        continue; // "Saint Kitts and Nevis", "Trinidad and Tobago": one country's name, the list goes on
      }
      out.add(t.iso());
      if (last) {
        break;
      }
    }
    return out;
  }

  Places read(SentenceView s, List<IndexedWord> args) {
    if (args == null || args.isEmpty() || s.graph == null) {
      return Places.NONE;
    }
    Set<String> codes = new LinkedHashSet<>();
    boolean home = false;
    for (IndexedWord a : args) {
      Tok t = s.tok(a.index() - 1);
      if (t == null) {
        continue;
      }
      if (lexicon.has(Lexicon.COUNTRY_REFS, t.lemma()) && determined(s.graph, a) && !named(s.graph, a)) {
        home = true;
        continue;
      }
      collect(s, a, 0, codes);
    }
    return new Places(new ArrayList<>(codes), home);
  }

  /**
   * "took refuge in the Mexican embassy in Quito", "holed up at the Brazilian embassy in La Paz": a refuge whose only
   * place is a foreign mission where it stands. Whoever takes it has not left that country (someone who did says so:
   * "fled to Colombia, where he took refuge in the Spanish embassy").
   */
  boolean missionOnly(SentenceView s, List<IndexedWord> dest) {
    if (dest == null) {
      return false;
    }
    List<IndexedWord> missions = dest.stream()
        .filter(w -> MISSION_NOUNS.contains(w.lemma().toLowerCase(Locale.ROOT))).toList();
    if (missions.isEmpty() || dest.stream().anyMatch(w -> !missions.contains(w) && !read(s, List.of(w)).codes()
        .isEmpty())) {
      return false;
    }
    // "sought refuge in Uruguay's embassy", "hid in the Spanish embassy": a mission with no place named stands in the
    // runaway's own capital (one who went abroad first says so: "fled to Colombia, where he took refuge in ...")
    Places site = missionSite(s, missions);
    return site != null;
  }

  /**
   * "took refuge in the Mexican embassy in Quito" for an Ecuadorian: a destination that is a foreign mission in the
   * person's own country (the home given, or a nationality the sentence names), so no one left it.
   */
  boolean missionAtHome(SentenceView s, List<IndexedWord> dest, String home) {
    if (dest == null) {
      return false;
    }
    List<IndexedWord> missions = dest.stream()
        .filter(w -> MISSION_NOUNS.contains(w.lemma().toLowerCase(Locale.ROOT))).toList();
    Places site = missions.isEmpty() ? null : missionSite(s, missions);
    if (site == null || site.codes().isEmpty()) {
      return false;
    }
    return site.codes().contains(home)
        || s.toks.stream().anyMatch(t -> t.nationality() && site.codes().contains(t.iso()));
  }

  Places missionSite(SentenceView s, List<IndexedWord> args) {
    if (args == null || args.isEmpty() || s.graph == null
        || !args.stream().allMatch(a -> MISSION_NOUNS.contains(a.lemma().toLowerCase(Locale.ROOT)))) {
      return null;
    }
    Set<String> codes = new LinkedHashSet<>();
    for (IndexedWord a : args) {
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(a)) {
        if (e.getRelation().toString().matches("(nmod|obl):in")) {
          collect(s, e.getTarget(), 0, codes);
        }
      }
    }
    return new Places(new ArrayList<>(codes), false);
  }

  private void collect(SentenceView s, IndexedWord node, int depth, Set<String> out) {
    Tok t = s.tok(node.index() - 1);
    if (t == null) {
      return;
    }
    if (MISSION_NOUNS.contains(t.lemma().toLowerCase(Locale.ROOT))) {
      // "took refuge in the Spanish embassy in Bogota": where the mission stands; "the US embassy", "Ecuador's
      // embassy": the mission's country
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(node)) {
        Tok site = s.tok(e.getTarget().index() - 1);
        if (e.getRelation().toString().matches("(nmod|obl):in") && site != null && site.isPlace()) {
          out.add(site.iso());
          return;
        }
      }
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(node)) {
        Tok owner = s.tok(e.getTarget().index() - 1);
        String rel = e.getRelation().toString();
        if (owner != null && owner.iso() != null && (owner.nationality() || owner.isPlace())
            && (rel.equals("amod") || rel.equals("compound") || rel.equals("nmod:poss") || rel.equals("nmod:of"))) {
          out.add(owner.iso());
          return;
        }
      }
    }
    if (TOWN_NOUNS.contains(t.lemma()) || NATION_NOUNS.contains(t.lemma())) {
      // "the Costa Rican city of Liberia": the demonym says whose city, whatever country its name also is; "the South
      // African nation": whose nation; "the Thai border town of Mae Sot" (the parser makes "Thai" a compound)
      for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(node)) {
        Tok owner = s.tok(e.getTarget().index() - 1);
        String rel = e.getRelation().toString();
        if (owner != null && owner.nationality() && owner.iso() != null
            && (rel.equals("amod") || rel.equals("compound"))) {
          out.add(territoryOf(s, node, owner.iso()));
          return;
        }
      }
    }
    if (t.isPlace() && !possessive(s, t.i())) {
      out.add(t.iso());
    } else if (t.owner() != null && bankName(s, t)) {
      out.add(t.owner()); // "into the Banca Privada d'Andorra", "at the Bank of Cyprus": the bank's country
    } else if (t.nationality()) {
      IndexedWord head = s.graph.getParent(node);
      Tok h = head == null ? null : s.tok(head.index() - 1);
      // at the top only as the demonym of a flight's own noun: "flew into Canadian exile" (fled.semgrex)
      if (h != null && (depth > 0 && (ACCOUNT_NOUNS.contains(h.lemma()) || lexicon.has(Lexicon.ASSETS, h.lemma())
          || SOIL_NOUNS.contains(h.lemma())) || depth == 0 && OWN_DEMONYM.contains(h.lemma()))) {
        out.add(t.iso()); // "Swiss banks", "a Swiss account", "on South African soil", "to an Austrian one"
      }
    }
    if (depth >= 3) {
      return;
    }
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(node)) {
      String rel = e.getRelation().toString();
      if (rel.equals("nmod:of") && (NATION_NOUNS.contains(t.lemma()) || PART_NOUNS.contains(t.lemma()))) {
        // "the Caribbean nation of the Dominican Republic", "various parts of India"
        collect(s, e.getTarget(), depth + 1, out);
        continue;
      }
      if (rel.equals("acl") && ACCOUNT_NOUNS.contains(t.lemma())
          && REGISTERED.contains(s.tok(e.getTarget().index() - 1).lemma())) {
        collect(s, e.getTarget(), depth + 1, out); // "to companies registered in Cyprus"
        continue;
      }
      // "into property in the UK and the UAE": a place joined to a place is one more; other conjuncts say more
      boolean placeList = rel.startsWith("conj") && t.isPlace() && s.tok(e.getTarget().index() - 1) != null
          && s.tok(e.getTarget().index() - 1).isPlace();
      // "was believed to be in Hong Kong while another official was thought to be in Shenzhen": a clause of its own
      if (STOP.contains(rel) || rel.startsWith("conj") && depth > 0 && !placeList || rel.startsWith("advcl")) {
        continue;
      }
      // "a villa outside Nice", "a farm near Pretoria": a place by a named one is in its country
      if (rel.startsWith("nmod:") && !NEAR.contains(rel)) {
        continue;
      }
      if (VEHICLES.contains(t.lemma()) && (rel.equals("amod") || rel.equals("compound"))) {
        continue; // "on a Saudi flight", "a Turkish Airlines plane": whose carrier, not where it went
      }
      if (CURRENCY_NOUNS.contains(t.lemma()) && (rel.equals("amod") || rel.equals("compound"))) {
        continue; // "helicopters laden with millions of U.S. dollars": whose money, not where it went
      }
      collect(s, e.getTarget(), depth + 1, out);
    }
  }

  /**
   * A name with a word for bank in it ("Banca Privada d'Andorra", "Bank of Cyprus"), not a state's own bank ("the
   * Central Bank of Liberia" is where public money comes from).
   */
  static boolean bankName(SentenceView s, Tok t) {
    if (t.entity() < 0) {
      return false;
    }
    int[] span = s.entitySpan(t.i());
    boolean bank = false;
    for (int i = span[0]; i <= span[1]; i++) {
      if (STATE_BANK_WORDS.contains(s.lower(i))) {
        return false;
      }
      bank |= BANK_WORDS.contains(s.lower(i));
    }
    return bank;
  }

  /**
   * Where the parse found no argument: the places of the first phrase "PREP [the] Place[, Place and Place]" within ten
   * words after the predicate, before any comma ("fled via Bangkok to Toronto" gives CA: "via" is not asked for).
   */
  private static final Set<String> FINITE = Set.of("VBD", "VBZ", "VBP", "MD");

  List<String> after(SentenceView s, int pred, Set<String> preps) {
    List<String> out = new ArrayList<>();
    for (int i = pred + 1; i < s.size() && i <= pred + 10; i++) {
      String w = s.lower(i);
      if (w.equals(",") || w.equals(";") || lexicon.has(Lexicon.REPORTING, s.tok(i).lemma())
          || FINITE.contains(s.tok(i).tag())) {
        break; // "ex-official who fled with millions is caught in Mexico": the place is another verb's
      }
      if (!preps.contains(w)) {
        continue;
      }
      int j = i + 1;
      while (j < s.size() && s.lower(j).equals("the")) {
        j++;
      }
      int lastEntity = -2;
      while (j < s.size()) {
        Tok t = s.tok(j);
        if (t.isPlace() && !possessive(s, j)) {
          if (t.entity() != lastEntity) {
            out.add(t.iso());
            lastEntity = t.entity();
          }
        } else if (!(t.lower().equals(",") || t.lower().equals("and") || t.lower().equals("or")
            || t.lower().equals("the"))) {
          break;
        }
        j++;
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return out;
  }

  /** "the country", "his country": a determiner or possessive makes the noun a reference. */
  private static boolean determined(SemanticGraph g, IndexedWord noun) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(noun)) {
      String rel = e.getRelation().toString();
      String w = e.getTarget().word().toLowerCase(java.util.Locale.ROOT);
      if (rel.equals("det") && w.equals("the") || rel.equals("nmod:poss") && !e.getTarget().tag().startsWith("NNP")) {
        return true;
      }
    }
    return false;
  }

  /** "the Chinese city of Macau": the territory of that country the "of" phrase names, else the country. */
  private static String territoryOf(SentenceView s, IndexedWord town, String country) {
    for (SemanticGraphEdge e : s.graph.outgoingEdgeIterable(town)) {
      Tok named = s.tok(e.getTarget().index() - 1);
      if (e.getRelation().toString().equals("nmod:of") && named != null && named.isPlace()
          && country.equals(TERRITORIES.get(named.iso()))) {
        return named.iso();
      }
    }
    return country;
  }

  /** "the nation of the Dominican Republic": the country noun is named by its "of" phrase, so it is no reference. */
  private static boolean named(SemanticGraph g, IndexedWord noun) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(noun)) {
      // "the country of Y", "fled to the neighbouring country Cambodia", "left the South African nation": the country
      // is the one named
      String rel = e.getRelation().toString();
      if (rel.equals("nmod:of") || rel.equals("appos") && e.getTarget().tag().startsWith("NNP")
          || rel.equals("amod") && e.getTarget().ner() != null && e.getTarget().ner().equals("NATIONALITY")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The place mention at {@code i} is the first word of an office: "former Kenya governor", "Philippines dictator",
   * "the Kyrgyzstan president" (the country whose office it is).
   */
  static boolean officeOwner(SentenceView s, int i) {
    Tok next = s.tok(s.entitySpan(i)[1] + 1);
    return next != null && next.tag().startsWith("NN") && Lexicon.standard().has(Lexicon.OFFICIALS, next.lemma());
  }

  /** The place mention at {@code i} ends in "'s". */
  static boolean possessive(SentenceView s, int i) {
    int e = s.entitySpan(i)[1];
    String next = s.lower(e + 1);
    return next.equals("'s") || next.equals("’s") || next.equals("'");
  }
}
