package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.geo.CountryResolver;
import io.flightwatch.nlp.geo.Gazetteer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The relevance gate's check for a sentence whose only movement word is a common one ("returned", "recovered",
 * "transfer", "lives in"): such a sentence can hold a claim only when it also has something a claim is made of, or
 * the sentence before it speaks of fugitives. Plain text and hash look-ups, no annotation:
 * <ul>
 *   <li>a place the tables know: a country, nationality, city or region ({@link CountryResolver}, {@link Gazetteer}),
 *       looked up for every run of one to three capitalised words;
 *   <li>a direction: home, back, abroad, overseas, the country ({@code [anchor-direction]} of
 *       {@code relevance-gate.txt}, the {@code home-words} and {@code country-refs} lists, "foreign account");
 *   <li>money: a currency sign or word, "million", "crore", or an asset ("the funds", "the stolen money";
 *       {@code [anchor-money]} and the {@code assets} list);
 *   <li>a fugitive's context: "wanted", "fraud", "charges", "anti-graft" (the {@code fugitive-context} list);
 *   <li>a count of people: "three officials", "12 suspects", "dozens of former cadres".
 * </ul>
 *
 * <pre>
 *   "The former mayor returned from Peru on Monday."                       kept (a place)
 *   "Three officials have returned, the agency said."                      kept (a count of officials)
 *   "The minister, wanted for fraud, returned to face trial."              kept (a fugitive's context)
 *   "Police recovered the stolen money, the director said."                kept (money)
 *   "The council has returned to a balanced budget, the director said."    stopped
 *   "The case returns to court on Thursday, when the judge will rule."     stopped
 *   "The striker returned to the starting line-up, the manager said."      stopped
 * </pre>
 *
 * <p>The claim rules read such a sentence only when one of these is there (a "returned" draft needs a place, a count,
 * or a fugitive's context; a money draft needs an amount or an asset), so the check saves the cascade's CoreNLP step
 * for the off-topic articles that use the words in their everyday sense.
 */
final class EverydayAnchors {

  /** Number words that can count people ("three officials", "a dozen suspects"). */
  private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen",
      "dozens", "both", "all");

  /** Lower-case words inside a place name ("Dar es Salaam", "Rio de Janeiro", "Isle of Man"). */
  private static final Set<String> NAME_JOINS = Set.of("es", "de", "del", "da", "do", "dos", "la", "le", "al", "el",
      "of");

  /** Words that begin a sentence with a capital before a place name ("In Lagos, ..."). */
  private static final Set<String> FIRST_WORDS = Set.of("in", "from", "to", "at", "the", "a", "after", "since", "when",
      "while", "back", "by", "for", "on", "with", "across", "inside", "outside");

  /** Words between a number and the people it counts ("three former provincial officials"). */
  private static final int COUNT_GAP = 3;

  /** The longest run of capitalised words looked up as one place name ("Dar es Salaam": "es" joins a name). */
  private static final int MAX_NAME_WORDS = 3;

  private final Lexicon lexicon = Lexicon.standard();
  private final CountryResolver places;
  private final Gazetteer gazetteer;
  private final Pattern money;
  private final Set<String> directions;

  EverydayAnchors(CountryResolver places, Gazetteer gazetteer, List<String> moneyLines, List<String> directionWords) {
    this.places = places;
    this.gazetteer = gazetteer;
    this.money = Pattern.compile("(?i)" + String.join("|", moneyLines));
    this.directions = Set.copyOf(directionWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
  }

  /**
   * True when the sentence [begin, end) of {@code s} has an anchor, or the sentence before it speaks of fugitives (the
   * claim rules read a sentence after such a one as a fugitive's: "He was wanted for fraud. He returned last week.").
   */
  boolean near(String s, RelevanceGate.Span sentence) {
    if (has(s, sentence)) {
      return true;
    }
    RelevanceGate.Span before = RelevanceGate.before(s, sentence);
    if (before == null) {
      return false;
    }
    List<String> words = words(s.substring(before.begin(), before.end()));
    for (int i = 0; i < words.size(); i++) {
      if (context(words, i)) {
        return true;
      }
    }
    return false;
  }

  /** True when the text [begin, end) has an anchor. */
  boolean has(String s, RelevanceGate.Span span) {
    return anchor(s.substring(span.begin(), span.end())) != null;
  }

  /** The first anchor of a text ("Peru", "$", "wanted", "three"), or null. */
  String anchor(String text) {
    java.util.regex.Matcher m = money.matcher(text);
    if (m.find()) {
      return m.group();
    }
    List<String> words = words(text);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String lower = w.toLowerCase(Locale.ROOT);
      String two = pair(words, i);
      if (directions.contains(lower) || lexicon.has(Lexicon.HOME_WORDS, lower)
          || lexicon.has(Lexicon.COUNTRY_REFS, lower) || listed(Lexicon.ASSETS, lower)
          || lexicon.has(Lexicon.ABROAD, two) || context(words, i) || counts(words, i) || place(words, i)) {
        return w;
      }
    }
    return null;
  }

  /** A word of a fugitive's context at word i: "wanted", "charged", "anti-graft", "turned himself in". */
  private boolean context(List<String> words, int i) {
    return lexicon.hasOrStarts(Lexicon.FUGITIVE_CONTEXT, words.get(i).toLowerCase(Locale.ROOT))
        || lexicon.has(Lexicon.FUGITIVE_CONTEXT, pair(words, i));
  }

  /** Word i and the next, lower case ("foreign account", "himself in"). */
  private static String pair(List<String> words, int i) {
    String lower = words.get(i).toLowerCase(Locale.ROOT);
    return i + 1 < words.size() ? lower + " " + words.get(i + 1).toLowerCase(Locale.ROOT) : lower;
  }

  /** The word or its singular ("assets", "charges") is in the list. */
  private boolean listed(String list, String lower) {
    return lexicon.has(list, lower) || lower.endsWith("s") && lexicon.has(list, lower.substring(0, lower.length() - 1));
  }

  /** A number that counts officials or fugitives a few words on: "three former officials", "12 suspects". */
  private boolean counts(List<String> words, int i) {
    String w = words.get(i).toLowerCase(Locale.ROOT);
    if (!(Character.isDigit(w.charAt(0)) || NUMBER_WORDS.contains(w) || lexicon.has(Lexicon.VAGUE_NUMBERS, w))) {
      return false;
    }
    for (int j = i + 1; j < Math.min(words.size(), i + 2 + COUNT_GAP); j++) {
      String p = words.get(j).toLowerCase(Locale.ROOT);
      if (listed(Lexicon.OFFICIALS, p) || listed(Lexicon.FUGITIVES, p)) {
        return true;
      }
      if (!Character.isLetter(p.charAt(0)) || listed(Lexicon.TIME_UNITS, p)) {
        return false; // "three months out, the director said": a count of months; a comma ends the phrase
      }
    }
    return false;
  }

  /**
   * A place name starts at word i: one to three capitalised words of the country, nationality and city tables
   * ({@link CountryResolver}: "Chinese", "Hong Kong", "U.S."), or a whole run of capitalised words the gazetteer knows
   * ("Larchmont", but not "Selma" of "Selma Mendel"; a first word "In", "From", "The" may be left out).
   */
  private boolean place(List<String> words, int i) {
    if (!capital(words.get(i))) {
      return false;
    }
    StringBuilder name = new StringBuilder();
    int j = i;
    for (; j < words.size() && (capital(words.get(j)) || joins(words, j)); j++) {
      name.append(j > i ? " " : "").append(words.get(j));
      String n = name.toString();
      if (j - i < MAX_NAME_WORDS && (places.lookup(n).isPresent() || places.lookup(n + ".").isPresent())) {
        return true;
      }
    }
    boolean run = i == 0 || !capital(words.get(i - 1))
        || i == 1 && FIRST_WORDS.contains(words.get(0).toLowerCase(Locale.ROOT));
    return run && j - i <= MAX_NAME_WORDS && !gazetteer.candidates(name.toString()).isEmpty();
  }

  private static boolean joins(List<String> words, int j) {
    return NAME_JOINS.contains(words.get(j)) && j + 1 < words.size() && capital(words.get(j + 1));
  }

  private static boolean capital(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
  }

  /**
   * The words of a text: letters and digits, with inner apostrophes, hyphens, dots and commas ("U.S", "3,000"); a
   * comma, stop or bracket between words is a word of its own.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (",;:.!?()".indexOf(c) >= 0) {
          out.add(String.valueOf(c)); // a phrase ends here ("three months out, the director")
        }
        i++;
        continue;
      }
      int b = i;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || i + 1 < n && "'’-.,".indexOf(text.charAt(i)) >= 0
          && Character.isLetterOrDigit(text.charAt(i + 1)))) {
        i++;
      }
      out.add(text.substring(b, i));
    }
    return out;
  }
}
