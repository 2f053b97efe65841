package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a named person's return came from, when the return itself names no country but the article tells their
 * arrival: an arrival verb, then "from" and a country, in a sentence that names them (or says "he"/"she" right after
 * the return).
 *
 * <pre>
 *   "Former Prime Minister Arjun Mehta returned to Nepal on Monday after nine years of exile."   return, no country
 *   "Mehta flew in from Malaysia on a chartered plane."                                         ... from MY
 * </pre>
 * Verbs in {@code arrivals.txt}.
 */
final class Arrivals {

  static final String VERBS = "/io/flightwatch/nlp/extract/arrivals.txt";

  /** Words allowed between the verb and "from": "flew in from", "arrived back home from". */
  private static final int GAP = 3;

  private final Set<String> verbs = new HashSet<>();

  Arrivals() {
    for (ResourceLines.Line l : ResourceLines.read(VERBS)) {
      verbs.add(l.text().strip().toLowerCase(Locale.ROOT));
    }
  }

  /** Gives each named return with no country the country its person arrived from, if the article says so. */
  void fill(List<SentenceView> sentences, List<Draft> drafts) {
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.OFFICIALS_RETURNED || d.person == null || d.destination != null
          || !d.mentioned.isEmpty()) {
        continue;
      }
      Set<String> name = new HashSet<>(List.of(ClaimKeys.normaliseName(d.person).split(" ")));
      for (SentenceView s : sentences) {
        boolean about = names(s, name) || s.index == d.sentence.index + 1 && pronounSubject(s);
        String from = about ? arrivedFrom(s) : null;
        if (from != null && !from.equals(d.origin)) {
          d.destination = from;
          break;
        }
      }
    }
  }

  private String arrivedFrom(SentenceView s) {
    for (int i = 0; i < s.size(); i++) {
      if (!verbs.contains(s.tok(i).lemma()) || !s.tok(i).tag().startsWith("VB")) {
        continue;
      }
      for (int j = i + 1; j <= i + GAP + 1 && j < s.size(); j++) {
        if (s.lower(j).equals("from")) {
          int k = s.lower(j + 1).equals("the") ? j + 2 : j + 1;
          Tok place = s.tok(k);
          return place != null && place.isPlace() && !PlaceReader.possessive(s, k) ? place.iso() : null;
        }
        if (s.lower(j).equals(",") || s.lower(j).equals("to")) {
          break;
        }
      }
    }
    return null;
  }

  private static boolean names(SentenceView s, Set<String> name) {
    for (Tok t : s.toks) {
      if (t.isPerson() && name.contains(ClaimKeys.normaliseName(t.word()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean pronounSubject(SentenceView s) {
    return s.size() > 0 && (s.lower(0).equals("he") || s.lower(0).equals("she"));
  }
}
