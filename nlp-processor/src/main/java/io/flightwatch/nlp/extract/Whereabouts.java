package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a return came from when the return names no country but the article says where the same person was: arrested,
 * held, living, hiding or fled there, or arrived on a flight from there ({@code whereabouts.txt}). The person is their
 * name in that sentence, or "he"/"she" (or "his"/"her" right before the cue: "after his arrest in Kuala Lumpur") in the
 * return's sentence or the two after it; the sentence nearest the return wins.
 *
 * <pre>
 *   "Former minister Musa Bello has been extradited to Abuja."   return, no country
 *   "Bello was arrested in Dubai in March."                     ... from AE
 *   "A former permanent secretary was flown back to Kampala. Officials said he was arrested in Nairobi."  ... from KE
 * </pre>
 * A place of the person's own country says nothing ("was arrested in Lagos on arrival"), and a person whose return
 * the article tells with a country elsewhere keeps that one.
 */
final class Whereabouts {

  static final String CUES = "/io/flightwatch/nlp/extract/whereabouts.txt";

  /** Words allowed between the person and the cue ("Kamau, who had been living in"), and the cue and its place. */
  private static final int BEFORE = 8;
  private static final int AFTER = 6;
  private static final Set<String> FINITE = Set.of("VBD", "VBZ", "VBP", "MD");
  /** A return told of "he" or "she" right after the sentence that introduced the official. */
  private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she");
  /** The "preposition" of a cue whose place is its object ("leave -": "left Botswana"). */
  private static final String OBJECT = "-";
  /** Marks a cue whose preposition and place must follow it at once ("is in the United States", "is in charge"). */
  private static final String NEXT = "next";
  private static final Set<String> PRESENT = Set.of("VBZ", "VBP");
  private static final Set<String> DENIALS = Set.of("not", "n't", "never", "no", "deny", "denied", "denies", "denying");

  private final Map<String, String> cues = new HashMap<>();
  private final Map<String, String> stays = new HashMap<>();

  Whereabouts() {
    for (ResourceLines.Line l : ResourceLines.read(CUES)) {
      String[] w = l.text().strip().toLowerCase(Locale.ROOT).split("\\s+");
      String prep = w.length > 3 && w[3].equals(NEXT) ? w[1] + " " + NEXT : w[1];
      cues.put(w[0], prep);
      if (w.length > 2 && w[2].equals("stay")) {
        stays.put(w[0], prep);
      }
    }
  }

  /**
   * Gives a flight of one person with no country the country where its sentence or the next says the person lives or
   * hides ("left Zambia in 2021 and had been living in a gated estate north of Johannesburg"). Where a returnee was
   * caught is not where he fled ("brought home from Malaysia a fugitive who fled 11 years ago": he may have gone
   * elsewhere first), so a return's country is not used.
   */
  void fillFlights(List<SentenceView> sentences, List<Draft> drafts, OriginScorer scorer) {
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.OFFICIALS_FLED || d.destination != null || !d.mentioned.isEmpty()
          || d.person == null && !d.singular) {
        continue;
      }
      String from = null;
      Set<String> name = d.person == null ? Set.of()
          : new HashSet<>(List.of(ClaimKeys.normaliseName(d.person).split(" ")));
      // its own sentence, then the nearest around it: "X is currently residing in London ... He fled Bangladesh
      // after the government collapsed"
      int at = d.sentence.index;
      for (int i : new int[] {at, at + 1, at - 1, at + 2, at - 2}) {
        if (from == null && i >= 0 && i < sentences.size()) {
          boolean pronouns = !someoneElseBetween(sentences, at, i, name);
          from = placed(sentences.get(i), name, pronouns, stays, i == at);
        }
      }
      // "Ex-police chief X now in Australia" in the headline, "X fled to save his life" six sentences on: a named
      // person is placed by name anywhere in the story, the nearest sentence first (not where a denial places him,
      // and not when another flight of his says where he went)
      boolean toldElsewhere = drafts.stream().anyMatch(o -> o != d && o.kind == d.kind && o.person != null
          && o.destination != null && d.person != null && SameFacts.samePerson(o.person, d.person));
      for (int k = 3; from == null && !name.isEmpty() && !toldElsewhere && k < sentences.size(); k++) {
        for (int i : new int[] {at - k, at + k}) {
          if (from == null && i >= 0 && i < sentences.size() && !denies(sentences.get(i))) {
            from = placed(sentences.get(i), name, false, stays, false);
          }
        }
      }
      if (from != null && from.equals(d.origin) && !d.originStated && scorer != null) {
        // "slipped out of the country ... resurfaced in Limassol" in a story that names Cyprus more often than his
        // home: the guess of his home was the place he went
        String other = scorer.best(List.of(from), d.sentence.index);
        d.origin = other != null ? other : d.origin;
      }
      if (from != null && !from.equals(d.origin)) {
        d.destination = from;
        d.confidence -= 0.1;
      }
    }
  }

  /** "denied reports that Low was living in the United Arab Emirates": a place said not to be his. */
  private static boolean denies(SentenceView s) {
    return s.toks.stream().anyMatch(t -> DENIALS.contains(t.lower()));
  }

  /**
   * A person other than the runaway is named in the sentences after the flight's and before sentence {@code i}: a
   * "he" there stands for that person ("Bakiyev fled. Interpol listed his son, Maksim. He is thought to be in Riga").
   */
  private static boolean someoneElseBetween(List<SentenceView> sentences, int at, int i, Set<String> name) {
    for (int k = at + 1; k < i; k++) {
      for (Tok t : sentences.get(k).toks) {
        // "one of Bakiyev's sons": his relative, not he
        if (t.isPerson() && (!name.contains(ClaimKeys.normaliseName(t.word()))
            || PlaceReader.possessive(sentences.get(k), t.i()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Gives each return of one person with no country the country the article placed that person in: the last flight
   * of the same person told before it, else the nearest sentence that places the person abroad.
   */
  void fill(List<SentenceView> sentences, List<Draft> drafts) {
    String dateline = datelineCountry(sentences);
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.OFFICIALS_RETURNED || d.destination != null || !d.mentioned.isEmpty()
          || d.person == null && !d.singular || returnsElsewhere(d, drafts)) {
        continue;
      }
      Set<String> name = d.person == null ? Set.of()
          : new HashSet<>(List.of(ClaimKeys.normaliseName(d.person).split(" ")));
      // "He later spent six months in exile in South Africa, but returned to Harare": the return's own sentence says
      // where they were, before any earlier flight does
      String here = placed(d.sentence, name, true, cues, d.person == null);
      if (here == null) {
        here = stayBefore(d.sentence, stays);
      }
      if (here != null && !here.equals(d.origin)) {
        d.destination = here;
        d.confidence -= 0.1;
        continue;
      }
      // the same named person, or for "he" the one runaway told in the three sentences before
      String fled = drafts.stream().filter(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.destination != null
          && !f.destination.equals(d.origin) && f.sentence.index < d.sentence.index
          && (d.person != null ? f.person != null && SameFacts.samePerson(f.person, d.person)
              : (f.person != null || f.singular) && f.sentence.index >= d.sentence.index - 3))
          .map(f -> f.destination).reduce((a, b) -> b).orElse(null);
      if (fled != null) {
        d.destination = fled; // "X fled to the United States in 2020 ... He was deported to Mexico in 2023"
        d.confidence -= 0.1;
        continue;
      }
      List<SentenceView> order = new ArrayList<>(sentences);
      order.sort(Comparator.comparingInt(s -> Math.abs(s.index - d.sentence.index)));
      for (SentenceView s : order) {
        // "He was arrested on arrival in Mauritania. He was extradited to Libya": he/she near the return's sentence
        boolean pronouns = s.index >= d.sentence.index - 2 && s.index <= d.sentence.index + 2;
        // "Interpol handed over to Iraq a former minister arrested in Beirut": an unnamed returnee's own sentence
        // "A former official was arrested in Phnom Penh. He has been brought back": the unnamed official just before
        boolean own = d.person == null && (s.index == d.sentence.index || s.index == d.sentence.index - 1
            && SUBJECT_PRONOUNS.contains(d.sentence.lower(0)) && officialSubject(s));
        String place = placed(s, name, pronouns, cues, own);
        if (place != null && !place.equals(d.origin)) {
          d.destination = place;
          d.confidence -= 0.1;
          break;
        }
      }
      if (d.destination == null && dateline != null && !dateline.equals(d.origin) && d.origin != null) {
        d.destination = dateline; // "SANTIAGO - A former Peruvian president was extradited": told from there
        d.confidence -= 0.1;
      }
    }
  }

  private static final Set<String> DATELINE_MARKS = Set.of("-", "--", "—", "–", ":");

  /** The country of the story's dateline ("SANTIAGO -", "Santiago :"), a place opening one of its first sentences. */
  private static String datelineCountry(List<SentenceView> sentences) {
    for (SentenceView s : sentences.subList(0, Math.min(3, sentences.size()))) {
      if (s.size() > 1 && s.tok(0).isPlace() && DATELINE_MARKS.contains(s.lower(s.entitySpan(0)[1] + 1))) {
        return s.tok(0).iso();
      }
    }
    return null;
  }

  /**
   * The same person's return is told with its country elsewhere in the article: this one is the same fact, or a visit
   * home ("he managed to return to Indonesia undetected"), and the assembler folds it into that one.
   */
  private static boolean returnsElsewhere(Draft d, List<Draft> drafts) {
    return d.person != null && drafts.stream().anyMatch(o -> o != d && o.kind == ClaimKind.OFFICIALS_RETURNED
        && o.destination != null && o.person != null && SameFacts.samePerson(o.person, d.person));
  }

  /**
   * "has been repatriated to China after spending five years on the run in Canada": a stay after "after" in the
   * return's own sentence is the returnee's, however far from the name.
   */
  private static String stayBefore(SentenceView s, Map<String, String> stays) {
    for (int i = 0; i < s.size(); i++) {
      if (!s.lower(i).equals("after")) {
        continue;
      }
      for (int j = i + 1; j < s.size() && j <= i + 6; j++) {
        if (s.tok(j).isPerson() || FINITE.contains(s.tok(j).tag())) {
          break;
        }
        String prep = cue(s.tok(j), stays);
        String place = prep == null ? null : placeAfter(s, j, prep);
        if (place != null) {
          return place;
        }
      }
    }
    return null;
  }

  /** The sentence's subject, before its first finite verb, is an unnamed official ("A former provincial official"). */
  private static boolean officialSubject(SentenceView s) {
    for (int i = 0; i < s.size() && !FINITE.contains(s.tok(i).tag()); i++) {
      if (s.tok(i).isPerson()) {
        return false;
      }
      if (Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(i).lemma()) && s.tok(i).tag().equals("NN")) {
        return true;
      }
    }
    return false;
  }

  /** The country the sentence places the person in, or null. */
  private static String placed(SentenceView s, Set<String> name, boolean pronouns, Map<String, String> cues,
      boolean anyone) {
    int person = anyone ? 0 : -1; // the flight's own sentence: its subject is the person
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (t.isPerson() && PlaceReader.possessive(s, i)) {
        person = -1; // "Eze's lawyer flew in from London": the lawyer is the subject
        continue;
      }
      if (t.isPerson() && name.contains(ClaimKeys.normaliseName(t.word())) && !Antecedents.ofObject(s, i)
          || pronouns && refersBack(s, i)) {
        person = i;
        continue;
      }
      if (t.isPerson() && !anyone) {
        person = -1; // someone else is the subject now
      }
      String prep = (person < 0 || i - person > BEFORE && !anyone) && !(pronouns && pronounAtCue(s, i)) ? null
          : cue(t, cues);
      String place = prep == null ? null : placeAfter(s, i, prep);
      if (place == null && prep == null && !name.isEmpty()) {
        // "accused Vietnam of kidnapping a former oil executive, Trinh Xuan Thanh, from a Berlin park": the person
        // as the cue's object
        int object = nameAfter(s, i, name);
        String objectPrep = object < 0 ? null : cue(t, cues);
        place = objectPrep == null ? null : placeAfter(s, object, objectPrep);
      }
      if (place != null) {
        return place;
      }
    }
    return null;
  }

  /** The person's name among the few words right after a verb cue (its object), or -1. */
  private static int nameAfter(SentenceView s, int cue, Set<String> name) {
    if (!s.tok(cue).tag().startsWith("VB")) {
      return -1;
    }
    for (int j = cue + 1; j <= cue + BEFORE && j < s.size(); j++) {
      Tok t = s.tok(j);
      if (FINITE.contains(t.tag()) || t.lower().equals(".") || t.lower().equals(";")) {
        return -1;
      }
      if (t.isPerson() && name.contains(ClaimKeys.normaliseName(t.word()))) {
        int last = j;
        while (last + 1 < s.size() && s.tok(last + 1).isPerson()) {
          last++;
        }
        return last;
      }
    }
    return -1;
  }

  /**
   * The possessive right before the cue ("was returned to Jakarta after his arrest in Kuala Lumpur") or the object
   * right after it ("accused Vietnam of kidnapping him from a Berlin park"; not "arrested her husband in Dubai").
   */
  private static boolean pronounAtCue(SentenceView s, int i) {
    String before = s.lower(i - 1);
    String after = s.lower(i + 1);
    Tok next = s.tok(i + 2);
    return before.equals("his") || before.equals("her") || after.equals("him")
        || after.equals("her") && (next == null || !next.tag().startsWith("NN"));
  }

  /**
   * "he", "she", "they", or a definite description of a person or a couple right after "the" ("The couple ended up in
   * Vancouver", "the former minister had settled in Accra"): the runaway of the sentences before.
   */
  private static boolean refersBack(SentenceView s, int i) {
    String w = s.lower(i);
    if (w.equals("he") || w.equals("she") || w.equals("they")) {
      return true;
    }
    // "The fugitive flew ...": the tagger may call the noun an adjective when a verb follows
    boolean noun = s.tok(i).tag().startsWith("NN") || s.tok(i).tag().equals("JJ") && s.tok(i + 1) != null
        && s.tok(i + 1).tag().startsWith("VB");
    if (!noun || !Lexicon.standard().has(Lexicon.PERSON_REFS, s.tok(i).lemma())) {
      return false;
    }
    int words = 0;
    for (int j = i - 1; j >= 0 && words < 3; j--) {
      if (s.lower(j).equals("the")) {
        return true;
      }
      if (j > 0 && s.lower(j - 1).equals("-")) {
        j--; // "The 70-year-old fugitive": a hyphenated compound is one word
        continue;
      }
      words++;
    }
    return false;
  }

  private static String cue(Tok t, Map<String, String> cues) {
    String prep = cues.get(t.lemma().toLowerCase(Locale.ROOT));
    return prep != null ? prep : cues.get(t.lower());
  }

  private static String placeAfter(SentenceView s, int cue, String prep) {
    if (prep.endsWith(" " + NEXT)) {
      // "the former minister is in the United States", not "is in charge of the office in Paris"; where he is now,
      // not where he was on a trip ("Last week he was in France")
      if (!PRESENT.contains(s.tok(cue).tag())) {
        return null;
      }
      int k = s.lower(cue + 2).equals("the") ? cue + 3 : cue + 2;
      Tok place = s.tok(k);
      return s.lower(cue + 1).equals(prep.substring(0, prep.indexOf(' '))) && place != null && place.isPlace()
          && !PlaceReader.possessive(s, k) ? place.iso() : null;
    }
    if (prep.equals(OBJECT)) {
      // "was forced to leave Botswana and return to Zimbabwe": the place is the verb's object
      int k = s.lower(cue + 1).equals("the") ? cue + 2 : cue + 1;
      Tok place = s.tok(k);
      return place != null && place.isPlace() && !PlaceReader.possessive(s, k) ? place.iso() : null;
    }
    for (int j = cue + 1; j <= cue + AFTER && j < s.size(); j++) {
      String w = s.lower(j);
      Tok next = s.tok(j + 1);
      if (w.equals(".") || w.equals(";") || (w.equals("and") || w.equals("but"))
          && (next == null || next.tag().startsWith("VB"))) {
        return null; // "arrested by Cambodian and Vietnamese police in Phnom Penh" goes on; "and deported" does not
      }
      if (w.equals(prep)) {
        // "in Dubai", "in the Maldives", "in a gated estate north of Johannesburg": the first place of the phrase
        for (int k = j + 1; k < s.size() && k <= j + 7; k++) {
          Tok place = s.tok(k);
          if (place.isPlace() && !PlaceReader.possessive(s, k)) {
            return place.iso();
          }
          if (FINITE.contains(place.tag()) || place.lower().equals(",") || place.lower().equals("since")) {
            break;
          }
        }
      }
    }
    return null;
  }
}
