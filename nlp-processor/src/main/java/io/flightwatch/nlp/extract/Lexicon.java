package io.flightwatch.nlp.extract;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The extractor's word lists, one resource file per list under {@code io/flightwatch/nlp/extract/words/}. Code asks
 * for a list by name ({@code lexicon.has(Lexicon.OFFICIALS, lemma)}); adding a word is a data change. Loaded once,
 * immutable, shared by every thread.
 */
public final class Lexicon {

  public static final String OFFICIALS = "officials";
  public static final String FUGITIVES = "fugitives";
  public static final String FAMILY = "family";
  public static final String ASSETS = "assets";
  public static final String VAGUE_NUMBERS = "vague-numbers";
  public static final String REPORTING = "reporting";
  public static final String PARTIAL = "partial";
  public static final String APPROX_ONE = "approx-one";
  public static final String APPROX_TWO = "approx-two";
  public static final String GIVE_BACK = "give-back";
  public static final String HOME_WORDS = "home-words";
  public static final String COUNTRY_REFS = "country-refs";
  public static final String PERSON_REFS = "person-refs";
  public static final String BLOCKERS = "blockers";
  public static final String MONEY_NOT_TRANSFER = "money-not-transfer";
  public static final String ABROAD = "abroad";
  public static final String TRANSIT = "transit";
  public static final String GENERIC_PEOPLE = "generic-people";
  public static final String FUGITIVE_CONTEXT = "fugitive-context";
  public static final String LOCAL_PLACES = "local-places";
  public static final String PARTICIPLES = "participles";
  public static final String BUSINESS_PEOPLE = "business-people";
  public static final String TIME_UNITS = "time-units";
  public static final String PREDICATE_NOUNS = "predicate-nouns";
  public static final String FACILITIES = "facilities";
  public static final String DISPLACED_PEOPLE = "displaced-people";
  public static final String HAZARDS = "hazards";
  public static final String ORDINARY_FLOWS = "ordinary-flows";
  public static final String ORDINARY_SENDERS = "ordinary-senders";
  public static final String BREAKS = "breaks";
  public static final String PAIR_REFS = "pair-refs";
  public static final String VERB_NOUNS = "verb-nouns";
  public static final String OTHER_PARTIES = "other-parties";
  public static final String KEPT_VERBS = "kept-verbs";
  public static final String RECOVERY_ABROAD = "recovery-abroad";
  public static final String REGIME_FALL = "regime-fall";
  public static final String REMAINS = "remains";
  public static final String WANTED_LISTS = "wanted-lists";
  public static final String EXAMPLES = "examples";
  public static final String FLIGHT_TALK = "flight-talk";
  public static final String POSTED = "posted";
  public static final String FOREIGNERS = "foreigners";
  public static final String DECISIONS = "decisions";
  public static final String SENT_AWAY = "sent-away";
  public static final String DONE_IN_PAST = "done-in-past";
  public static final String ORGANISATION_ENDS = "organisation-ends";
  public static final String AT_HOME = "at-home";
  public static final String REGIONS = "regions";
  public static final String CRIME_CASES = "crime-cases";
  public static final String RANKED_DESTINATIONS = "ranked-destinations";
  public static final String PAYING_MONEY = "paying-money";
  public static final String KIN = "kin";
  public static final String RUNAWAY_ABROAD = "runaway-abroad";
  public static final String OFFICIAL_BODIES = "official-bodies";

  static final String BASE = "/io/flightwatch/nlp/extract/words/";
  private static final Set<String> ALL = Set.of(OFFICIALS, FUGITIVES, FAMILY, ASSETS, VAGUE_NUMBERS, REPORTING, PARTIAL,
      APPROX_ONE, APPROX_TWO, GIVE_BACK, HOME_WORDS, COUNTRY_REFS, PERSON_REFS, BLOCKERS, MONEY_NOT_TRANSFER, ABROAD,
      TRANSIT, GENERIC_PEOPLE, FUGITIVE_CONTEXT, LOCAL_PLACES, PARTICIPLES, BUSINESS_PEOPLE, TIME_UNITS,
      PREDICATE_NOUNS, FACILITIES, DISPLACED_PEOPLE, HAZARDS,
      ORDINARY_FLOWS, ORDINARY_SENDERS, BREAKS, PAIR_REFS, VERB_NOUNS,
      OTHER_PARTIES, KEPT_VERBS, RECOVERY_ABROAD, REGIME_FALL, REMAINS, WANTED_LISTS,
      EXAMPLES, FLIGHT_TALK, POSTED, FOREIGNERS, DECISIONS, SENT_AWAY, DONE_IN_PAST,
      ORGANISATION_ENDS, AT_HOME, REGIONS, CRIME_CASES,
      RANKED_DESTINATIONS, PAYING_MONEY, KIN, RUNAWAY_ABROAD, OFFICIAL_BODIES);

  /** A word list named inside a rule: {@code @{paying-money}}. */
  private static final Pattern LIST_IN_RULE = Pattern.compile("@\\{([a-z-]+)}");
  private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]+");

  private final Map<String, Set<String>> lists = new ConcurrentHashMap<>();

  private Lexicon() {
    for (String name : ALL) {
      lists.put(name, Set.copyOf(read(name)));
    }
  }

  private static final Lexicon STANDARD = new Lexicon();

  /** The bundled lists (loaded once per class loader; immutable). */
  public static Lexicon standard() {
    return STANDARD;
  }

  public boolean has(String list, String word) {
    Set<String> s = lists.get(list);
    if (s == null) {
      throw new IllegalArgumentException("no word list " + list);
    }
    if (word == null) {
      return false;
    }
    String w = word.toLowerCase(Locale.ROOT);
    // "ex-director", "ex-police chief": the office with its "ex-" is still the office
    return s.contains(w) || list.equals(OFFICIALS) && w.startsWith("ex-") && s.contains(w.substring(3));
  }

  /** As {@link #has}, where an entry ending in "*" matches every word that begins with it ("corrupt*"). */
  public boolean hasOrStarts(String list, String word) {
    if (has(list, word)) {
      return true;
    }
    String w = word.toLowerCase(Locale.ROOT);
    for (String e : lists.get(list)) {
      if (e.endsWith("*") && w.startsWith(e.substring(0, e.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  public Set<String> list(String list) {
    return lists.get(list);
  }

  /**
   * A rule with every {@code @{list}} replaced by the list's words as a regular-expression alternation, so that a
   * rule file and the Java code read the same word file: {@code {word:/(?i)(?:@{paying-money})s?/}} becomes
   * {@code {word:/(?i)(?:bribe|fund|...)s?/}}. An unknown list is an error at load time.
   */
  String expand(String rule) {
    Matcher m = LIST_IN_RULE.matcher(rule);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Set<String> words = lists.get(m.group(1));
      if (words == null) {
        throw new IllegalArgumentException("no word list " + m.group(1) + " in rule: " + rule);
      }
      // plain words only: a rule file's regex syntax differs between TokensRegex and Semgrex, quoting would not carry
      if (!words.stream().allMatch(w -> PLAIN_WORD.matcher(w).matches())) {
        throw new IllegalArgumentException("word list " + m.group(1) + " has an entry a rule cannot name: " + words);
      }
      String alternation = words.stream().sorted().collect(Collectors.joining("|"));
      m.appendReplacement(out, Matcher.quoteReplacement(alternation));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Set<String> read(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (ResourceLines.Line l : ResourceLines.read(BASE + name + ".txt")) {
      out.add(l.text().strip().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
