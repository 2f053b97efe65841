package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stage 5: who a short name, a pronoun or a definite description refers to, within one article. Fed sentence by
 * sentence in order ({@link #observe}); asked while a sentence is read.
 *
 * <pre>
 *   "Wen Lirong, a former deputy mayor, fled in 2012. Wen settled in Perth."   Wen        = Wen Lirong
 *   "... He slipped out of the country."                                        he         = the last person named
 *   "... The former minister is now in Dubai."                                  the former minister = the same
 *   "Ana Ruiz and Luis Ruiz ... They fled there."                               they       = both
 * </pre>
 * Not thread-safe: one per article.
 */
final class References {

  private final List<String> fullNames = new ArrayList<>();
  private final java.util.Map<String, String> homes = new java.util.HashMap<>();
  /** The offices said of each named person ("Juan Perez, a former governor,"), without "ex-". */
  private final java.util.Map<String, java.util.Set<String>> titles = new java.util.HashMap<>();
  /** Offices the article names without a name beside them ("a former aide to an ex-governor of Delta State"). */
  private final java.util.Set<String> unnamedTitles = new java.util.HashSet<>();
  /** Offices told with a home before anyone held them by name ("the former Kyrgyz president"): office to country. */
  private final Map<String, String> describedOffices = new HashMap<>();
  private String last;
  private String latter;
  /** "they" for the one counted group of the last sentence. */
  final CountedGroup counted = new CountedGroup();
  private List<String> lastGroup = List.of();
  private List<String> lastPair = List.of();
  /** The article's flights and onward journeys so far, by person. */
  final Journeys journeys = new Journeys();
  private String lastPlace;
  private final List<String> places = new ArrayList<>();
  private boolean aboutFugitives;
  /**
   * The sentence before the last one did: "Leaders fled. The group includes X and Y. Ministers have been spotted in
   * India." (one sentence between a flight and a whereabouts).
   */
  private boolean beforeAboutFugitives;
  /** The last person spoken of was an official without a name ("Honduras' former security chief"). */
  private boolean lastUnnamed;
  /**
   * For a part of an article read on its own ({@link ClaimPipeline#readsAClaim}): a reference to someone named
   * outside the part resolves to an unknown person, and the article is taken to speak of fugitives, so whatever the
   * whole article could read as a claim, the part reads too.
   */
  private final boolean lenient;

  References() {
    this(false);
  }

  private References(boolean lenient) {
    this.lenient = lenient;
  }

  static References lenient() {
    return new References(true);
  }

  /**
   * The person named by tokens [from, to): a one-word name becomes the first full name that contains it, a name of more
   * words the one full name that ends with it.
   */
  String resolve(SentenceView s, int from, int to) {
    List<String> words = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String w = s.tok(i).word();
      if (SentenceView.bracket(w)) {
        continue; // "(ex-Interior Minister Ivan) Sokol": the name without the aside's brackets
      }
      if (i == from && (w.equals("Mr") || w.equals("Mrs") || w.equals("Ms") || w.equals("Mr.") || w.equals("Dr"))) {
        continue;
      }
      if (!words.isEmpty() && s.tok(i - 1).end() == s.tok(i).begin()) {
        words.set(words.size() - 1, words.get(words.size() - 1) + w); // as SentenceView#name writes it
        continue;
      }
      words.add(w);
    }
    if (words.isEmpty()) {
      return null;
    }
    String name = String.join(" ", words);
    if (words.size() > 1) {
      // "Abu Karim has lived in exile" after "prime minister Idris Mahamat Abu Karim": a surname of two words is the
      // one full name it ends
      List<String> longer = fullNames.stream().filter(f -> f.endsWith(" " + name)).toList();
      return longer.size() == 1 ? longer.get(0) : name;
    }
    if (words.size() == 1) {
      for (String full : fullNames) {
        for (String part : full.split("[ -]")) { // "Islam" is a part of "Saif al-Islam"
          if (part.equals(name) || part.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
            return full;
          }
        }
      }
    }
    return name;
  }

  /** The person entity that covers token i, resolved; null when i is not a person. */
  String personAt(SentenceView s, int i) {
    Tok t = s.tok(i);
    if (t == null || !t.isPerson()) {
      return null;
    }
    int[] span = s.entitySpan(i);
    return resolve(s, span[0], span[1] + 1);
  }

  /** he / she / a definite description at token {@code at}: the last person named before it (this sentence first). */
  String lastBefore(SentenceView s, int at) {
    int main = Antecedents.mainSubject(s, at);
    if (main >= 0 && !credit(s, s.entitySpan(main))) {
      return personAt(s, main);
    }
    int same = Antecedents.samePronounBefore(s, at);
    if (same >= 0) {
      return lastBefore(s, same);
    }
    for (int i = Antecedents.officeAbove(s, at) >= 0 ? -1 : at - 1; i >= 0; i--) {
      if (s.tok(i).isPerson() && !credit(s, s.entitySpan(i))) {
        return personAt(s, i);
      }
    }
    return last == null && lenient ? "?" : last;
  }

  /**
   * Whether "the former governor" can be this person: an office said of them, or, for someone whose office was never
   * said, an office the article gave no one else by name ("... an aide to an ex-governor. Ejiro moved to London. The
   * former governor lives in Asaba": the governor is not Ejiro).
   */
  boolean fits(String person, String office) {
    String o = office(office);
    java.util.Set<String> own = titles.get(person);
    return own != null && !own.isEmpty() ? own.contains(o) : !unnamedTitles.contains(o);
  }

  private static String office(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.startsWith("ex-") ? w.substring(3) : w;
  }

  /**
   * An office that belongs to someone the sentence speaks of only through another person: "an aide to an
   * ex-governor", "the son of a former minister" (the governor and the minister are not the aide or the son).
   */
  private static boolean someoneElses(SentenceView s, int i) {
    int j = i - 1;
    while (j >= 0 && (s.tok(j).tag().equals("DT") || s.tok(j).tag().startsWith("JJ"))) {
      j--;
    }
    if (j < 1 || !Set.of("to", "of", "for").contains(s.lower(j))) {
      return false;
    }
    Tok owner = s.tok(j - 1);
    return Lexicon.standard().has(Lexicon.OFFICIALS, owner.lemma())
        || Lexicon.standard().has(Lexicon.FAMILY, owner.lemma());
  }

  /** The offices in a name's own phrase: before it up to a comma or verb, or in its apposition after a comma. */
  private static void officesNear(SentenceView s, int first, int last, java.util.Set<Integer> near,
      java.util.Set<String> out) {
    // "his former chief of staff, Patrick Banza,": an office set off by a comma before the name is still its own
    boolean setOff = first > 1 && s.lower(first - 1).equals(",");
    int start = setOff ? first - 2 : first - 1;
    for (int i = start; i >= Math.max(0, start - 5); i--) {
      if (s.lower(i).equals(",") || s.tok(i).tag().startsWith("VB")) {
        break;
      }
      if (setOff && someoneElses(s, i)) {
        continue; // "an aide to an ex-governor of Delta State, Tunde Bakare,": the governor is not Bakare
      }
      near.add(i);
      if (Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(i).lemma())) {
        out.add(office(s.tok(i).lemma()));
      }
    }
    for (int i = last + 2; s.lower(last + 1).equals(",") && i < s.size() && i <= last + 8; i++) {
      if (s.lower(i).equals(",") || s.tok(i).tag().startsWith("VB")) {
        break;
      }
      near.add(i);
      if (Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(i).lemma())) {
        out.add(office(s.tok(i).lemma()));
      }
    }
  }

  /** A name joined to an agency by a slash, as photographs are credited: "(Reuters/Ana Lima)", "Ana Lima/AFP". */
  private static boolean credit(SentenceView s, int[] span) {
    return s.lower(span[0] - 1).equals("/") || s.lower(span[1] + 1).equals("/");
  }

  /** The home country the article gave a person ("Maria Okafor, a former Nigerian official"), or null. */
  String homeOf(String person) {
    String home = person == null ? null : homes.get(person);
    // "former president Bakiyev ... the former Kyrgyzstani president ... Kurmanbek Bakiyev": the short name's home
    String[] words = person == null || home != null ? new String[0] : person.split(" ");
    for (int i = 0; home == null && i < words.length; i++) {
      home = homes.get(words[i]);
    }
    return home;
  }

  /** "the latter": the person named last in the last sentence that named anyone. */
  String latter() {
    return latter;
  }

  /** "they": the persons of the last sentence that named two or more (joined by "and"), else none. */
  List<String> group() {
    return lastGroup;
  }

  /** "both": the two persons of the last sentence that named exactly two, else none. */
  List<String> pair() {
    return lastPair;
  }

  /**
   * "Honduras' former security chief fled in 2019. He was extradited home.": he is that unnamed official (the last
   * sentence about a person named none and spoke of one official).
   */
  boolean lastIsUnnamedOfficial() {
    return lastUnnamed;
  }

  String last() {
    return last;
  }

  /** "there": the last country named before this sentence (not as an owner: "Kenya's court" is no place to go). */
  String lastPlace() {
    return lastPlace;
  }

  /** The last country named before this sentence other than {@code home} ("the Gulf state" after Dubai and Colombo). */
  String lastPlaceBut(String home) {
    for (int i = places.size() - 1; i >= 0; i--) {
      if (!places.get(i).equals(home)) {
        return places.get(i);
      }
    }
    return null;
  }

  /** The previous sentence spoke of fugitives or defections, so "settled in X" may continue that story. */
  private boolean everAboutFugitives;

  boolean previousAboutFugitives() {
    return aboutFugitives || lenient;
  }

  /** The sentence before or the one before that spoke of fugitives or flight. */
  boolean recentlyAboutFugitives() {
    return aboutFugitives || beforeAboutFugitives || lenient;
  }

  void aboutFugitives(boolean yes) {
    beforeAboutFugitives = aboutFugitives;
    aboutFugitives = yes;
    everAboutFugitives |= yes;
  }

  /** Some sentence so far spoke of fugitives, flight or corruption: a plain "returned to X" may be a return home. */
  boolean articleAboutFugitives() {
    return everAboutFugitives || lenient;
  }

  /**
   * "He fled Libya after the uprising that toppled Muammar Gaddafi. He was arrested ...": a sentence whose subject is
   * he or she keeps the person it continues; names later in it (not reported speech: "He said X fled") are not its
   * subject.
   */
  private boolean pronounSubject(SentenceView s) {
    String first = s.lower(0);
    return last != null && (first.equals("he") || first.equals("she"))
        && s.toks.stream().noneMatch(t -> t.tag().startsWith("VB") && Lexicon.standard().has(Lexicon.REPORTING,
            t.lemma()));
  }

  /** A named person's relative: "one of Sokolov's sons", "Ruiz's wife". */
  private static boolean relativeOfNamed(SentenceView s) {
    for (Tok t : s.toks) {
      if (t.isPerson() && PlaceReader.possessive(s, t.i())) {
        int next = s.entitySpan(t.i())[1] + 1;
        for (int j = next; j <= next + 2 && j < s.size(); j++) {
          if (Lexicon.standard().has(Lexicon.FAMILY, s.tok(j).lemma())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  void observe(SentenceView s) {
    for (Tok t : s.toks) {
      if (t.isPlace() && !PlaceReader.possessive(s, t.i())) {
        lastPlace = t.iso();
        places.add(t.iso());
      }
    }
    List<String> inSentence = new ArrayList<>();
    java.util.Set<Integer> near = new java.util.HashSet<>();
    int i = 0;
    while (i < s.size()) {
      Tok t = s.tok(i);
      if (!t.isPerson()) {
        i++;
        continue;
      }
      int[] span = s.entitySpan(i);
      if (credit(s, span)) {
        i = span[1] + 1;
        continue; // "(AAP/Jeremy Piper)": who took the photograph is no one the story speaks of
      }
      String name = resolve(s, span[0], span[1] + 1);
      if (name != null && !homes.containsKey(name)) {
        String home = DescribedHomes.near(s, span[0], span[1]);
        if (home != null) {
          homes.put(name, home);
        }
      }
      if (name != null) {
        officesNear(s, span[0], span[1], near, titles.computeIfAbsent(name, k -> new java.util.HashSet<>()));
        // "The money of the former Kyrgyz president was found ... its former president Kurmanbek Bakiyev": an office
        // described before anyone held it by name
        titles.get(name).stream().filter(describedOffices::containsKey).findFirst()
            .ifPresent(o -> homes.putIfAbsent(name, describedOffices.get(o)));
        if (name.contains(" ") && !fullNames.contains(name)) {
          fullNames.add(name);
        }
        if (!inSentence.contains(name)) {
          inSentence.add(name);
        }
      }
      i = span[1] + 1;
    }
    for (Tok t : s.toks) {
      if (!near.contains(t.i()) && t.tag().startsWith("NN") && Lexicon.standard().has(Lexicon.OFFICIALS, t.lemma())
          && someoneElses(s, t.i())) {
        unnamedTitles.add(office(t.lemma()));
      }
    }
    DescribedHomes.Described described = DescribedHomes.in(s, near);
    List<String> fitting = described == null ? List.of() : titles.keySet().stream()
        .filter(n -> !homes.containsKey(n) && titles.get(n).contains(office(described.office()))).toList();
    if (fitting.size() == 1) {
      homes.put(fitting.get(0), described.iso()); // "the former Kyrgyzstani president": the one president named
    } else if (described != null && titles.values().stream().noneMatch(t -> t.contains(office(described.office())))) {
      describedOffices.putIfAbsent(office(described.office()), described.iso());
    }
    if (!inSentence.isEmpty() && !pronounSubject(s) && relativeOfNamed(s)) {
      // "Interpol listed one of Sokolov's sons, Maksim. He is believed to be in Riga": he is the son
      last = null;
      lastUnnamed = false;
    } else if (!inSentence.isEmpty() && !pronounSubject(s)) {
      // he/she usually continues the previous sentence's subject, its first person
      last = inSentence.get(0);
      lastUnnamed = false;
    } else if (s.toks.stream().anyMatch(t -> t.tag().equals("NN") && Lexicon.standard().has(Lexicon.OFFICIALS,
        t.lemma()))) {
      lastUnnamed = true;
    }
    if (!inSentence.isEmpty()) {
      latter = inSentence.get(inSentence.size() - 1);
    }
    counted.observe(s);
    if (inSentence.size() >= 2 && inSentence.size() <= 4) {
      lastGroup = List.copyOf(inSentence);
    } else if (s.toks.stream().anyMatch(t -> t.tag().equals("NNS") && Lexicon.standard().has(Lexicon.OFFICIALS,
        t.lemma()))) {
      // "... in Kuchma's Ukraine and under Yushchenko. Prosecutors tried some Kuchma-era officials. The men fled":
      // the men are the officials of the last sentence, not two names of the one before
      lastGroup = List.of();
    }
    if (inSentence.size() == 2) {
      lastPair = List.copyOf(inSentence);
    }
  }
}
