package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a fugitive is, when the flight names no country but the same sentence asks a country to hand them over: that
 * country holds them. The asking country is their home, which the origin reading already prefers.
 *
 * <pre>
 *   "Sri Lanka has asked Singapore to extradite a former bank governor who fled in 2015"   fled to SG
 *   "Lima has requested his extradition from Spain, where he fled in 2019"                fled to ES
 *   "... fled the country in 2019. Russia has refused to extradite him."                   fled to RU
 *   "Ivanov fled in May." ... "Moldova asked Romania to extradite Pavel Ivanov."          fled to RO
 *   "Zambia will send an extradition request to Namibia for Peter Banda" ... "Banda escaped"  fled to NA
 * </pre>
 * Verb lemmas in {@code extradition-requests.txt}.
 */
final class RequestedParty {

  static final String WORDS = "/io/flightwatch/nlp/extract/extradition-requests.txt";

  /** Words allowed between the asked country and "to": "asked Singapore's government to", "urged the US to". */
  private static final int GAP = 4;

  private final Set<String> ask;
  private final Set<String> hand;

  RequestedParty() {
    List<ResourceLines.Line> lines = ResourceLines.read(WORDS);
    this.ask = Set.of(lines.get(0).text().strip().toLowerCase(Locale.ROOT).split("\\s+"));
    this.hand = Set.of(lines.get(1).text().strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }

  /**
   * Gives each flight with no country the country its sentence asks to hand the fugitive over, or the next sentence
   * when it speaks of the same one person ("... fled the country in 2019. Russia has refused to extradite him.").
   */
  void fill(List<SentenceView> sentences, List<Draft> drafts) {
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.OFFICIALS_FLED || d.destination != null || !d.mentioned.isEmpty()) {
        continue;
      }
      String held = asked(d.sentence);
      int next = d.sentence.index + 1;
      if (held == null && (d.person != null || d.singular) && next < sentences.size()
          && himOrHer(sentences.get(next))) {
        held = asked(sentences.get(next));
      }
      if (held == null && d.person != null) {
        held = askedForByName(sentences, d);
      }
      if (held != null && !held.equals(d.origin)) {
        d.destination = held;
      }
    }
  }

  /**
   * The country asked, anywhere in the article, to hand over the named runaway, nearest first: "Ivanov fled Moldova
   * in May." ... "Moldova has asked Romania to extradite the former minister Pavel Ivanov".
   */
  private String askedForByName(List<SentenceView> sentences, Draft d) {
    // a name may repeat a word ("Rachid Ben Rachid"): copyOf keeps one, Set.of would throw
    Set<String> name = Set.copyOf(java.util.Arrays.asList(ClaimKeys.normaliseName(d.person).split(" ")));
    int at = d.sentence.index;
    for (int k = 1; k < sentences.size(); k++) {
      for (int i : new int[] {at - k, at + k}) {
        if (i >= 0 && i < sentences.size() && names(sentences.get(i), name)) {
          String held = asked(sentences.get(i));
          if (held != null) {
            return held;
          }
        }
      }
    }
    return null;
  }

  private static boolean names(SentenceView s, Set<String> name) {
    for (Tok t : s.toks) {
      if (t.isPerson() && name.contains(ClaimKeys.normaliseName(t.word())) && !PlaceReader.possessive(s, t.i())) {
        return true;
      }
    }
    return false;
  }

  private static boolean himOrHer(SentenceView s) {
    for (int i = 0; i < s.size(); i++) {
      if (s.lower(i).equals("him") || s.lower(i).equals("her") && s.tok(i).tag().equals("PRP")) {
        return true;
      }
    }
    return false;
  }

  /** "Russia has refused to extradite him", "Moscow declined to hand him over": the refusing country holds him. */
  private String refused(SentenceView s, int i) {
    if (!REFUSING.contains(s.tok(i).lemma()) || !s.lower(i + 1).equals("to") || s.tok(i + 2) == null
        || !hand.contains(s.tok(i + 2).lemma())) {
      return null;
    }
    for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
      if (s.tok(j).isPlace() && !PlaceReader.possessive(s, j)) {
        return s.tok(j).iso();
      }
    }
    return null;
  }

  private static final Set<String> REFUSING = Set.of("refuse", "decline");

  /** The country named at token {@code k}, after an optional "the"; null if none (or only an owner's name). */
  private static String countryAt(SentenceView s, int k) {
    int j = s.lower(k).equals("the") ? k + 1 : k;
    return j < s.size() && s.tok(j).isPlace() && !PlaceReader.possessive(s, j) ? s.tok(j).iso() : null;
  }

  /** The country in "ask COUNTRY to extradite" or "extradition from COUNTRY"; null if the sentence has neither. */
  String asked(SentenceView s) {
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      String from = t.lemma().equals("extradition") && s.lower(i + 1).equals("from") ? countryAt(s, i + 2) : null;
      if (from != null) {
        return from;
      }
      // "will send an extradition request to Namibia for X"
      String to = t.lemma().equals("extradition") && s.lower(i + 1).matches("requests?|applications?")
          && s.lower(i + 2).equals("to") ? countryAt(s, i + 3) : null;
      if (to != null) {
        return to;
      }
      String refusing = refused(s, i);
      if (refusing != null) {
        return refusing;
      }
      if (!ask.contains(t.lemma()) || !t.tag().startsWith("VB")) {
        continue;
      }
      for (int j = i + 1; j <= i + GAP + 1 && j + 2 < s.size(); j++) {
        int end = s.entitySpan(j)[1];
        if (s.tok(j).isPlace() && s.lower(end + 1).equals("to") && s.tok(end + 2) != null
            && hand.contains(s.tok(end + 2).lemma())) {
          return s.tok(j).iso();
        }
        if (s.lower(j).equals(",") || s.lower(j).equals("to")) {
          break;
        }
      }
    }
    return null;
  }
}
