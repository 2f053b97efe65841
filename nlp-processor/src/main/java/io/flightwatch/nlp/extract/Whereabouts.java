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
 * name in that sentence, or "he"/"she" within two sentences after the return; the sentence nearest the return wins.
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

  private final Map<String, String> cues = new HashMap<>();

  Whereabouts() {
    for (ResourceLines.Line l : ResourceLines.read(CUES)) {
      String[] w = l.text().strip().toLowerCase(Locale.ROOT).split("\\s+");
      cues.put(w[0], w[1]);
    }
  }

  /** Gives each return of one person with no country the country the article placed that person in. */
  void fill(List<SentenceView> sentences, List<Draft> drafts) {
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.OFFICIALS_RETURNED || d.destination != null || !d.mentioned.isEmpty()
          || d.person == null && !d.singular || returnsElsewhere(d, drafts)) {
        continue;
      }
      Set<String> name = d.person == null ? Set.of()
          : new HashSet<>(List.of(ClaimKeys.normaliseName(d.person).split(" ")));
      List<SentenceView> order = new ArrayList<>(sentences);
      order.sort(Comparator.comparingInt(s -> Math.abs(s.index - d.sentence.index)));
      for (SentenceView s : order) {
        boolean pronouns = s.index > d.sentence.index && s.index <= d.sentence.index + 2;
        String place = placed(s, name, pronouns);
        if (place != null && !place.equals(d.origin)) {
          d.destination = place;
          d.confidence -= 0.1;
          break;
        }
      }
    }
  }

  /**
   * The same person's return is told with its country elsewhere in the article: this one is the same fact, or a visit
   * home ("he managed to return to Indonesia undetected"), and the assembler folds it into that one.
   */
  private static boolean returnsElsewhere(Draft d, List<Draft> drafts) {
    return d.person != null && drafts.stream().anyMatch(o -> o != d && o.kind == ClaimKind.OFFICIALS_RETURNED
        && o.destination != null && o.person != null && ArticleAssembler.samePerson(o.person, d.person));
  }

  /** The country the sentence places the person in, or null. */
  private String placed(SentenceView s, Set<String> name, boolean pronouns) {
    int person = -1;
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (t.isPerson() && name.contains(ClaimKeys.normaliseName(t.word()))
          || pronouns && (t.lower().equals("he") || t.lower().equals("she"))) {
        person = i;
        continue;
      }
      if (t.isPerson()) {
        person = -1; // someone else is the subject now
      }
      String prep = person < 0 || i - person > BEFORE ? null : cue(t);
      String place = prep == null ? null : placeAfter(s, i, prep);
      if (place != null) {
        return place;
      }
    }
    return null;
  }

  private String cue(Tok t) {
    String prep = cues.get(t.lemma().toLowerCase(Locale.ROOT));
    return prep != null ? prep : cues.get(t.lower());
  }

  private static String placeAfter(SentenceView s, int cue, String prep) {
    for (int j = cue + 1; j <= cue + AFTER && j < s.size(); j++) {
      String w = s.lower(j);
      if (w.equals(".") || w.equals(";") || w.equals("and") || w.equals("but")) {
        return null;
      }
      if (w.equals(prep)) {
        int k = s.lower(j + 1).equals("the") ? j + 2 : j + 1;
        Tok place = s.tok(k);
        if (place != null && place.isPlace() && !PlaceReader.possessive(s, k)) {
          return place.iso();
        }
      }
    }
    return null;
  }
}
