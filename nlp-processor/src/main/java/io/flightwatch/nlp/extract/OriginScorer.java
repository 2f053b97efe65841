package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fallback origin: how much an article is about each country. Demonyms ("Chinese officials") and owners
 * ("Nigeria's former minister") weigh more than places after a preposition ("to London", "via Bangkok"), which say
 * where someone went; a claim's own sentence weighs five times more than the rest of the article.
 */
final class OriginScorer {

  private static final Set<String> RETURN_VERBS = Set.of("extradite", "deport", "repatriate", "return", "send",
      "bring", "hand", "extradition", "repatriation", "deportation");

  private final Map<String, Integer> score = new HashMap<>();
  private final Map<Integer, Map<String, Integer>> bySentence = new HashMap<>();
  /** Mentions not after a preposition: between equal scores, a country named for itself beats one gone to. */
  private final Map<String, Integer> named = new HashMap<>();
  /** Countries named only as where money lay ("accounts in Switzerland"), and those named otherwise too. */
  private final Set<String> bankedOnly = new java.util.HashSet<>();
  private final Set<String> unbanked = new java.util.HashSet<>();
  /** The sentences each country is named in, in whatever role. */
  private final Map<String, Set<Integer>> sentencesOf = new HashMap<>();

  OriginScorer(List<SentenceView> sentences, int titleEnd) {
    for (SentenceView s : sentences) {
      int lastEntity = -2;
      boolean lastObject = false;
      boolean lastBanked = false;
      for (Tok t : s.toks) {
        if (t.iso() == null || t.entity() == lastEntity || s.inMoney(t.i())) {
          continue; // "300 million US dollars", "5 million Swiss francs": a currency, not a country of the story
        }
        int previous = lastEntity;
        lastEntity = t.entity();
        sentencesOf.computeIfAbsent(t.iso(), k -> new java.util.HashSet<>()).add(s.index);
        // "Chinese officials", "Honduras' former security chief": a demonym or an owner names whose people they are
        // but "Swiss bank accounts", "the Mexican embassy" say where money or people lie, not whose people they are
        boolean other = otherParty(s, t.i()) || aPerson(s, t.i()) || hostSubject(s, t.i());
        boolean owner = t.nationality() && !placesMoney(s, t.i()) && !other || ownerOfNoun(s, t.i());
        int before = t.i() - 1;
        while (before >= 0 && (s.lower(before).equals("the") || s.lower(before).equals("a"))) {
          before--;
        }
        // "to London", "via Bangkok" say where someone went; "governor of Oyo State" says whose
        boolean object = before >= 0 && (s.tok(before).tag().equals("IN") && !s.lower(before).equals("of")
            || s.tok(before).tag().equals("TO"));
        int listed = before - 1;
        if (listed > 0 && s.lower(before).equals(",") && PLACE_NOUNS.contains(s.lower(listed))) {
          listed--; // "$200 million from Jersey Island, the United Kingdom": the country says where the island is
        }
        if (before > 0 && (s.lower(before).equals("and") || s.lower(before).equals("or") || s.lower(before).equals(","))
            && s.tok(listed).entity() == previous && s.tok(listed).iso() != null) {
          object = lastObject; // "hiding in Dubai and London": London is in the same phrase as Dubai
        }
        object |= other; // "a Malaysian fixer", "Lebanese contractor": the officials' partner, not their country
        // "held in bank accounts in Switzerland, Belgium and Luxembourg": where money lay says nothing of whose it was
        boolean banked = before > 0 && s.lower(before).equals("in") && BANKED.contains(s.tok(before - 1).lemma())
            || object && lastBanked && (s.lower(before).equals("and") || s.lower(before).equals(",")
            || s.lower(before).equals("or"));
        lastBanked = banked;
        (banked ? bankedOnly : unbanked).add(t.iso());
        lastObject = object;
        int w = owner ? 3 : other || banked ? 0 : 1;
        if (t.begin() < titleEnd && (owner || !object)) {
          w *= 2; // "Governor laundered billions in Dubai": a headline's "in X" says where, not whose
        }
        if (dateline(s, t.i())) {
          w += DATELINE; // "BAGHDAD, Nov 11 -", "By Ana Rus | CHISINAU, 17 June 2024": where the story is told from
        }
        if (fledFrom(s, t.i())) {
          w += 3; // "He fled Bangladesh after the government collapsed": the country left is home
          named.merge(t.iso(), 1, Integer::sum);
        }
        if (returnedTo(s, t.i())) {
          w += 4; // "extradited to South Korea": the country fugitives are sent back to is their home
          named.merge(t.iso(), 1, Integer::sum);
        }
        score.merge(t.iso(), w, Integer::sum);
        if (owner || !object) {
          named.merge(t.iso(), 1, Integer::sum);
          bySentence.computeIfAbsent(s.index, k -> new HashMap<>()).merge(t.iso(), w, Integer::sum);
        }
      }
      localMoney(s);
      heading(s);
    }
    bankedOnly.removeAll(unbanked);
  }

  /**
   * "two people ..., including a Canadian": a demonym standing for a person (no noun after it) is one person of that
   * country, not whose officials the story is about.
   */
  private static boolean aPerson(SentenceView s, int i) {
    int end = i;
    while (s.tok(end + 1) != null && s.tok(end + 1).entity() == s.tok(i).entity()) {
      end++;
    }
    Tok next = s.tok(end + 1);
    boolean article = i > 0 && (s.lower(i - 1).equals("a") || s.lower(i - 1).equals("an"));
    return article && (next == null || !next.tag().startsWith("NN") && !next.tag().startsWith("JJ"));
  }

  /** Sections of an explainer: the sentence that opens each, with its country. */
  private final java.util.TreeMap<Integer, String> headings = new java.util.TreeMap<>();

  /**
   * A country opening a sentence, then a colon: "PAKISTAN: THE SECRETARY IN LONDON", "Sri Lanka: a banker in
   * Melbourne"; or a short verbless line ending in a country in brackets: "Rigoberto Lanza (Honduras)". With two or
   * more such headings the article is an explainer, case by case, and a case's country is its section's, however
   * often the other sections name theirs.
   */
  private void heading(SentenceView s) {
    Tok first = s.tok(0);
    if (first != null && first.isPlace() && s.lower(s.entitySpan(0)[1] + 1).equals(":")) {
      headings.put(s.index, first.iso());
      return;
    }
    // "Gustavo Pazmino (Ecuador)": a short line with no verb, ending in a country in brackets
    int n = s.size();
    boolean closes = s.lower(n - 1).equals(")") || s.lower(n - 1).equals("-rrb-");
    if (n >= 4 && n <= 10 && closes) {
      int open = s.entitySpan(n - 2)[0] - 1;
      Tok place = s.tok(n - 2);
      boolean verbless = s.toks.stream().noneMatch(t -> t.tag().startsWith("VB"));
      if (place.isPlace() && open > 0 && (s.lower(open).equals("(") || s.lower(open).equals("-lrb-")) && verbless) {
        headings.put(s.index, place.iso());
      }
    }
  }

  /** Weight of a section heading's country for the claims under it: more than a whole article's mentions. */
  private static final int SECTION = 40;

  /**
   * A sum in one country's own currency, once per article: a story told in dinars or rupiah is about that country's
   * officials, however many sums it quotes.
   */
  private static final int LOCAL_CURRENCY = 3;
  private final Set<String> currencyHomes = new java.util.HashSet<>();

  /**
   * "loans worth 2.3 trillion rupiah", "KD 9 million": the currency's country counts, unless the sentence sends someone
   * or something there ("bought a C$5 million house in Vancouver" says where the money went).
   */
  private void localMoney(SentenceView s) {
    for (io.flightwatch.common.MoneyMention m : s.money) {
      String home = CurrencyCountries.countryOf(m.currency());
      if (home == null || s.toks.stream().anyMatch(t -> home.equals(t.iso()) && t.i() > 0
          && (s.tok(t.i() - 1).tag().equals("IN") || s.tok(t.i() - 1).tag().equals("TO")))) {
        continue;
      }
      if (currencyHomes.add(home)) {
        unbanked.add(home);
        score.merge(home, LOCAL_CURRENCY, Integer::sum);
        named.merge(home, 1, Integer::sum);
      }
    }
  }

  /** Nouns after which "in X" is where money lies ("accounts in Switzerland"), never whose people a story is about. */
  private static final Set<String> BANKED = Set.of("bank", "account", "apartment", "property", "villa", "mansion",
      "penthouse");
  private static final Set<String> MONEY_PLACES = Set.of("bank", "account", "property", "real", "estate", "haven",
      "trust", "company", "firm", "asset", "fund", "embassy", "consulate", "crown", "dependency", "territory",
      "island", "overseas", "border", "frontier", "land");

  /** Words that end a place's name after the name the tables know: "Jersey Island", "Quezon City". */
  private static final Set<String> PLACE_NOUNS = Set.of("island", "islands", "city", "state", "province", "county");

  /** A dateline's weight: a local paper's city says whose officials it writes about, more than one mention does. */
  private static final int DATELINE = 3;
  private static final Set<String> DATELINE_MARKS = Set.of(",", "-", "--", "–", "—", "|", "(");

  /**
   * A place in the article's first sentences at a sentence start or after "|", followed by a comma or dash and, within
   * a few words, a date, a dash or a bar: "HO CHI MINH CITY, 9 April 2024", "Baghdad – Web desk | Updated ...".
   */
  private static boolean dateline(SentenceView s, int i) {
    if (s.index > 3) {
      return false;
    }
    int first = s.entitySpan(i)[0];
    int last = s.entitySpan(i)[1];
    if (first > 0 && !s.lower(first - 1).equals("|")) {
      return false;
    }
    if (last + 1 >= s.size() || !DATELINE_MARKS.contains(s.lower(last + 1))) {
      return false;
    }
    for (int j = last + 2; j < s.size() && j <= last + 7; j++) {
      Tok t = s.tok(j);
      if (t.tag().equals("CD") || DATELINE_MARKS.contains(t.lower()) || t.ner() != null && t.ner().equals("DATE")) {
        return true;
      }
    }
    return false;
  }

  /**
   * "a Malaysian fixer", "Lebanese contractor Walid Haddad", "holds Lebanese and Canadian passports", "fired on Aymara
   * Indian protesters": a demonym up to three words before a partner, a bystander ({@code other-parties.txt}), a
   * relative or a business person.
   */
  private static boolean otherParty(SentenceView s, int i) {
    Lexicon words = Lexicon.standard();
    for (int j = i + 1; j <= i + 3 && j < s.size(); j++) {
      String lemma = s.tok(j).lemma().toLowerCase(java.util.Locale.ROOT);
      if (words.has(Lexicon.OTHER_PARTIES, lemma) || words.has(Lexicon.BUSINESS_PEOPLE, lemma)
          || words.has(Lexicon.FAMILY, lemma)) {
        return s.tok(i).nationality();
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern HOST_VERBS =
      java.util.regex.Pattern.compile("(?:harbou?r|shelter|host|protect)(?:s|ed|ing)?");

  /**
   * "Thailand has denied sheltering the fugitive", "Brazil will never harbour foreign criminals": a country that
   * hosts (or says it does not host) a runaway is where runaways go, not whose they are.
   */
  private static boolean hostSubject(SentenceView s, int i) {
    for (int j = s.entitySpan(i)[1] + 1; j < s.size() && j <= s.entitySpan(i)[1] + 6; j++) {
      Tok w = s.tok(j);
      if (w.iso() != null || w.isPerson() || !Character.isLetter(w.word().codePointAt(0))) {
        return false;
      }
      if (HOST_VERBS.matcher(w.lower()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** "Nigeria's former minister" owns a noun; "more cooperative than Moscow's." stands for another's courts. */
  private static boolean ownerOfNoun(SentenceView s, int i) {
    if (s.lower(i - 1).equals("from") && s.tok(i - 2) != null && s.tok(i - 2).tag().equals("NNS")
        && (Lexicon.standard().has(Lexicon.FUGITIVES, s.tok(i - 2).lemma())
        || Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(i - 2).lemma()))) {
      return true; // "wanted corruptors from Indonesia", "officials from Kenya": whose people they are
    }
    if (PlaceReader.officeOwner(s, i)) {
      return true; // "former Kyrgyzstan president", "the Kenya ex-governor": the country whose office it is
    }
    if (!PlaceReader.possessive(s, i)) {
      return false;
    }
    Tok next = s.tok(s.entitySpan(i)[1] + 2);
    return next != null && Character.isLetterOrDigit(next.word().codePointAt(0));
  }

  /**
   * A demonym before a place money is kept, a mission, a territory or a border: "Swiss bank accounts", "the Mexican
   * embassy", "the British Crown Dependency of Jersey", "via the Greek land border".
   */
  private static boolean placesMoney(SentenceView s, int i) {
    Tok next = s.tok(i + 1);
    return next != null && MONEY_PLACES.contains(next.lemma().toLowerCase(java.util.Locale.ROOT));
  }

  private static final Set<String> LEAVE_VERBS = Set.of("flee", "escape", "abscond", "leave");

  /** "fled Bangladesh", "escaped Peru", "left the Philippines": a country right after a verb of leaving. */
  private static boolean fledFrom(SentenceView s, int i) {
    int v = i - 1;
    while (v >= 0 && s.lower(v).equals("the")) {
      v--;
    }
    return v >= 0 && s.tok(v).tag().startsWith("VB") && LEAVE_VERBS.contains(s.tok(v).lemma());
  }

  /** "was extradited to X", "were sent back to X", "repatriated to X": a place right after "to" after a return verb. */
  private static boolean returnedTo(SentenceView s, int i) {
    int to = i - 1;
    while (to >= 0 && s.lower(to).equals("the")) {
      to--;
    }
    if (to < 1 || !s.lower(to).equals("to")) {
      return false;
    }
    for (int k = to - 1; k >= Math.max(0, to - 3); k--) {
      String l = s.tok(k).lemma();
      if (REQUEST_NOUNS.contains(l)) {
        return false; // "sent an extradition request to Namibia": the country asked holds the runaway
      }
      if (RETURN_VERBS.contains(l)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> REQUEST_NOUNS = Set.of("request", "application", "demand", "notice");

  /**
   * An origin guessed from the article is never a country a group of the article's officials fled to: "Of the 40, 12
   * are in the UK and nine in the US ... Among those in Britain is ..." names Britain more often than the home, yet
   * Britain is where they are. Stated origins ("fled Egypt", "Indian officials") are kept; one person's destination
   * is not enough (a story told from where he went names that country most, and rightly).
   */
  /** In how many sentences the country is named (as a place, a demonym or an owner). */
  int sentencesNaming(String iso) {
    return sentencesOf.getOrDefault(iso, Set.of()).size();
  }

  void reguess(List<Draft> drafts) {
    Set<String> away = new java.util.HashSet<>();
    Map<String, Integer> times = new HashMap<>();
    for (Draft d : drafts) {
      if (d.destination != null) {
        times.merge(d.destination, 1, Integer::sum);
      }
      if (d.kind == ClaimKind.OFFICIALS_FLED && d.count != null && d.count > 1) {
        if (d.destination != null) {
          away.add(d.destination);
        }
        away.addAll(d.mentioned); // "46 people ... on the run abroad. Most are in Russia, Romania and Ukraine"
      }
    }
    times.forEach((iso, n) -> {
      if (n > 1) {
        away.add(iso);
      }
    });
    for (Draft d : drafts) {
      if (!d.originStated && d.origin != null && away.contains(d.origin)) {
        Set<String> not = new java.util.HashSet<>(away);
        not.addAll(d.mentioned);
        if (d.destination != null) {
          not.add(d.destination);
        }
        String other = best(not, d.sentence.index);
        d.origin = other == null ? d.origin : other;
      }
    }
  }

  /** The article's country for a claim in sentence {@code sentence}, never one of {@code exclude}; null if none. */
  String best(Collection<String> exclude, int sentence) {
    Map<String, Integer> combined = new HashMap<>(score);
    bySentence.getOrDefault(sentence, Map.of()).forEach((iso, w) -> combined.merge(iso, 5 * w, Integer::sum));
    for (int before = sentence - 3; before < sentence && sentence >= 0; before++) {
      // "1. Papua New Guinea: the administrator | Who: ... | What happened: Kaupa fled to Cairns": a list's heading
      bySentence.getOrDefault(before, Map.of()).forEach((iso, w) -> combined.merge(iso, 2 * w, Integer::sum));
    }
    Map.Entry<Integer, String> section = headings.floorEntry(sentence);
    if (section != null && new java.util.HashSet<>(headings.values()).size() >= 2) {
      combined.merge(section.getValue(), SECTION, Integer::sum);
    }
    // a country only named as where money lay is no one's home
    return combined.entrySet().stream().filter(e -> !exclude.contains(e.getKey()) && !bankedOnly.contains(e.getKey()))
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(e -> named.getOrDefault(e.getKey(), 0))
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse(null);
  }
}
