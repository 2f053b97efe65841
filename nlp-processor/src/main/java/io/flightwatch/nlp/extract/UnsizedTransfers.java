package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import java.util.List;
import java.util.Objects;

/**
 * Stage 7 (one fact, one claim): a transfer told once with its place and no sum, and once with its sum and no place,
 * is one transfer.
 *
 * <pre>
 *   "admitted to having wired campaign funds to Swiss bank accounts" ... "the funds wired overseas totalled
 *   $21 million"                                                           one transfer: $21 million to CH
 *   "They have been moving money to Australia" ... "tens of millions of dollars has been sent to Australia"
 *                                                                          one transfer: tens of millions to AU
 * </pre>
 * Only when the article has exactly one of each for the kind: with two sums or two places, which goes where is not
 * said.
 */
final class UnsizedTransfers {

  private UnsizedTransfers() {
  }

  static void join(List<Draft> out) {
    // "They have been moving money to Australia" ... "tens of millions of dollars has been sent to Australia": the
    // flow with no sum is the one whose sum is told
    out.removeIf(d -> d.kind == ClaimKind.MONEY_MOVED_ABROAD && d.money == null && d.destination != null
        && out.stream().anyMatch(o -> o != d && o.kind == d.kind && o.money != null
        && d.destination.equals(o.destination) && Objects.equals(d.origin, o.origin)));
    for (ClaimKind k : List.of(ClaimKind.MONEY_MOVED_ABROAD, ClaimKind.MONEY_RECOVERED)) {
      List<Draft> placed = out.stream().filter(d -> d.kind == k && d.money == null && d.destination != null).toList();
      List<Draft> sized = out.stream().filter(d -> d.kind == k && d.money != null && !d.vagueMoney).toList();
      if (placed.size() != 1 || sized.size() != 1) {
        continue;
      }
      Draft place = placed.get(0);
      Draft sum = sized.get(0);
      if (sum.destination == null && sum.mentioned.isEmpty() && sum.overlaps == null
          && (sum.person == null || place.person == null || Objects.equals(sum.person, place.person))
          && (sum.origin == null || place.origin == null || sum.origin.equals(place.origin)
          || !sum.originStated && sum.origin.equals(place.destination))) {
        sum.destination = place.destination;
        sum.origin = place.origin != null ? place.origin : sum.origin;
        sum.person = sum.person != null ? sum.person : place.person;
        out.remove(place);
        out.stream().filter(d -> d.overlaps == place).forEach(d -> d.overlaps = sum);
      }
    }
  }
}
