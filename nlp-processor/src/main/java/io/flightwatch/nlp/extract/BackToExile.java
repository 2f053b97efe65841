package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import java.util.List;

/** Stage 7 for returns: a "return" to the country a runaway had fled to is a move within exile, not a return home. */
final class BackToExile {

  private BackToExile() {}

  /**
   * Drops a return of a person to the country the same person fled to, told before: "fled to Turkey in 2014 ... his
   * asylum application in Germany was rejected and he came back to Istanbul" is no return home.
   */
  static void drop(List<Draft> drafts) {
    drafts.removeIf(r -> r.kind == ClaimKind.OFFICIALS_RETURNED && r.person != null && r.origin != null
        && drafts.stream().anyMatch(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.person != null
            && r.origin.equals(f.destination) && f.sentence.index <= r.sentence.index
            && SameFacts.samePerson(f.person, r.person)));
    // "The former minister fled to Turkey in 2014. He flew to Germany in 2016 and then came back to Turkey": one
    // unnamed runaway, just before
    drafts.removeIf(r -> r.kind == ClaimKind.OFFICIALS_RETURNED && r.person == null && r.singular
        && r.originStated && r.origin != null && drafts.stream().anyMatch(f -> f.kind == ClaimKind.OFFICIALS_FLED
            && f.person == null && f.singular && r.origin.equals(f.destination) && f.sentence.index <= r.sentence.index
            && r.sentence.index - f.sentence.index <= 1));
  }
}
