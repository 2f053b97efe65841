package io.flightwatch.nlp.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 5: where the people of one article went so far, for the sentences after.
 *
 * <pre>
 *   "X has fled Kazakhstan. ... X left Kyrgyzstan for Turkey"                    Kyrgyzstan is a stop, home is KZ
 *   "A former governor was extradited from Dubai to London. ... Okafor was
 *    extradited shortly before polling day"                                     the same journey, no return home
 *   "Yerevan asked for the extradition of ex-minister X ... His wife said X is
 *    in Moscow"                                                                 a wanted man's whereabouts
 * </pre>
 */
final class Journeys {

  private final Map<String, String> fled = new HashMap<>();
  /** People sent on to a third country ("" for one unnamed): their bare extradition told again is no return home. */
  private final List<String> sentOnward = new ArrayList<>();

  /** {@code person} has a flight claim earlier in the article, from {@code origin} (may be null). */
  void fled(String person, String origin) {
    fled.putIfAbsent(person, origin);
  }

  /** A person who fled earlier: his leaving a third country tells where the flight went. */
  boolean hasFled(String person) {
    return fled.containsKey(person);
  }

  /** Where {@code person}'s earlier flight started: a later leaving of a third country is a transit, not home. */
  String fledFrom(String person) {
    return fled.get(person);
  }

  /** People named in a sentence that speaks of fugitives ("the extradition of ex-minister X", "X is wanted"). */
  private final List<String> wanted = new ArrayList<>();

  /** Records the people a sentence with a fugitive context names. */
  void wantedIn(SentenceView s) {
    wanted.addAll(names(s));
  }

  /** The people a sentence names, each as its words. */
  static List<String> names(SentenceView s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      int[] span = s.entitySpan(i);
      if (s.tok(i).isPerson() && span[0] == i) {
        out.add(s.name(span[0], span[1] + 1));
      }
    }
    return out;
  }

  /** {@code person} was named earlier as someone sought: where he "is" or "lives" later is where he went. */
  boolean wasWanted(String person) {
    return wanted.stream().anyMatch(w -> SameFacts.samePerson(w, person));
  }

  /** Whether the sentence names someone named earlier as sought. */
  boolean namesWanted(SentenceView s) {
    return !wanted.isEmpty() && names(s).stream().anyMatch(this::wasWanted); // most articles name no one sought
  }

  /** "A former governor has been extradited from Dubai to London": one person taken to a third country. */
  void sentOnward(String person) {
    sentOnward.add(person == null ? "" : person);
  }

  /** Whether {@code person}, or one unnamed person, was told sent on to a third country. */
  boolean wasSentOnward(String person) {
    return sentOnward.stream().anyMatch(p -> p.isEmpty() || SameFacts.samePerson(p, person));
  }
}
