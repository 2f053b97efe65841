package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import java.util.List;

/**
 * A flight told inside the sentence of its return: the country that sends the runaway home is not the runaway's home.
 * (Nor is it, for the annotators, where the flight went: a runaway found and sent home from one country may have fled
 * to another first, so the flight keeps no destination of its own.)
 *
 * <pre>
 *   "Officials in Peru say Chile has handed over Carlos Ruiz, a former minister who had fled in 2016"
 *       returned PE from CL; fled from PE (the origin guess had taken the extraditing country, CL)
 *   "Police caught 310 fugitives who had escaped abroad"
 *       returned 310 only: the group's flight is how they came to be abroad, not a fact of its own
 * </pre>
 */
final class FlightsInReturns {

  private FlightsInReturns() {}

  static void apply(List<Draft> drafts) {
    drafts.removeIf(fled -> countedRunaways(fled, drafts));
    for (Draft fled : drafts) {
      if (fled.kind != ClaimKind.OFFICIALS_FLED || fled.person == null && !fled.singular) {
        continue;
      }
      for (Draft back : drafts) {
        if (back.kind == ClaimKind.OFFICIALS_RETURNED && back.sentence == fled.sentence && samePerson(fled, back)
            && back.destination != null && back.origin != null && !back.origin.equals(back.destination)) {
          if (back.destination.equals(fled.origin) && !fled.originStated) {
            fled.origin = back.origin;
          }
        }
      }
    }
  }

  /** A group's flight, to no single country, told of the group a return in the same sentence counts. */
  private static boolean countedRunaways(Draft fled, List<Draft> drafts) {
    if (fled.kind != ClaimKind.OFFICIALS_FLED || fled.count == null || fled.count < 2 || fled.destination != null) {
      return false;
    }
    return drafts.stream().anyMatch(back -> back.kind == ClaimKind.OFFICIALS_RETURNED
        && back.sentence == fled.sentence && fled.count.equals(back.count));
  }

  /** The same named person, or one unnamed person beside one named in the same sentence ("... who fled in 2011"). */
  private static boolean samePerson(Draft fled, Draft back) {
    if (fled.person != null) {
      return fled.person.equals(back.person);
    }
    return back.person != null || back.singular;
  }
}
