package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A flight's later leg told in the next sentence: where the runaway went on to is where he fled, the first stop was a
 * transit ({@link Destinations#onwardLegs} does this inside one sentence).
 *
 * <pre>
 *   "The president fled to the Maldives on a military jet. From there he flew on to Singapore."   fled to SG
 *   "The president fled to the Maldives on Wednesday. A day later he landed in Singapore."         fled to SG
 *   "He fled to Turkey in 2014. He came back to Istanbul in 2016."                                  no leg (a return)
 *   "He fled to Turkey in 2014. Three years later he travelled to Georgia."                         no leg (a move)
 * </pre>
 */
final class LaterLegs {

  /** Verbs of going on, as against staying or coming back. */
  private static final Set<String> ONWARD = Set.of("fly", "travel", "land", "arrive", "head", "continue");
  /** A sentence with one of these tells a return or a stay at home, not a further leg. */
  private static final Set<String> HOMEWARD = Set.of("return", "extradite", "deport", "repatriate", "home", "back",
      "come");
  /** "Three years later he travelled to Georgia": a move of its own long after, not the same journey. */
  private static final Set<String> LONG_AFTER = Set.of("year", "month", "decade");
  private static final Set<String> PREPOSITIONS = Set.of("to", "in", "for", "into");
  /** Words allowed between the person and the verb ("he then flew", "she eventually arrived"). */
  private static final int BEFORE = 4;
  /** Words allowed between the verb and its place ("flew on to", "landed on Thursday in"). */
  private static final int AFTER = 5;

  private LaterLegs() {}

  /** Moves the destination of each one-person flight to the leg the next sentence tells, if it tells one. */
  static void apply(List<SentenceView> sentences, List<Draft> drafts) {
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.OFFICIALS_FLED || d.destination == null || d.person == null && !d.singular) {
        continue;
      }
      int next = d.sentence.index + 1;
      if (next >= sentences.size()) {
        continue;
      }
      Set<String> name = d.person == null ? Set.of()
          : new HashSet<>(List.of(ClaimKeys.normaliseName(d.person).split(" ")));
      String leg = leg(sentences.get(next), name);
      if (leg != null && !leg.equals(d.destination) && !leg.equals(d.origin)) {
        d.destination = leg;
        d.confidence -= 0.1;
      }
    }
  }

  /** The country the sentence says the person went on to, or null. */
  static String leg(SentenceView s, Set<String> name) {
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (HOMEWARD.contains(t.lemma()) || HOMEWARD.contains(t.lower()) || LONG_AFTER.contains(t.lemma())
          || t.tag().equals("CD") && t.word().matches("(19|20)\\d\\d")) {
        return null;
      }
    }
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      boolean person = t.lower().equals("he") || t.lower().equals("she")
          || t.isPerson() && name.contains(ClaimKeys.normaliseName(t.word()));
      if (!person) {
        continue;
      }
      for (int v = i + 1; v <= i + BEFORE && v < s.size(); v++) {
        Tok verb = s.tok(v);
        if (verb.tag().startsWith("VB") && ONWARD.contains(verb.lemma())) {
          return placeAfter(s, v);
        }
      }
    }
    return null;
  }

  private static String placeAfter(SentenceView s, int verb) {
    for (int j = verb + 1; j <= verb + AFTER && j + 1 < s.size(); j++) {
      String w = s.lower(j);
      if (w.equals(",") || w.equals(".") || w.equals(";") || w.equals("from")) {
        return null; // "flew in from London" is where he came from
      }
      if (PREPOSITIONS.contains(w)) {
        int k = s.lower(j + 1).equals("the") ? j + 2 : j + 1;
        Tok place = s.tok(k);
        return place != null && place.isPlace() && !PlaceReader.possessive(s, k) ? place.iso() : null;
      }
    }
    return null;
  }
}
