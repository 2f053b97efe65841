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

  /** "A former governor has been extradited from Dubai to London": one person taken to a third country. */
  void sentOnward(String person) {
    sentOnward.add(person == null ? "" : person);
  }

  /** Whether {@code person}, or one unnamed person, was told sent on to a third country. */
  boolean wasSentOnward(String person) {
    return sentOnward.stream().anyMatch(p -> p.isEmpty() || SameFacts.samePerson(p, person));
  }
}
