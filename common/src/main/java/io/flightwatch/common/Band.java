package io.flightwatch.common;

import java.math.BigDecimal;

/**
 * A per-country total for one kind and role, as a double-counting band. Its size does not depend on how many claims are
 * behind it: the claims themselves are served over REST ({@code /api/countries/{iso}/evidence}).
 *
 * @param low          the largest single distinct claim: what is certainly true if every claim overlaps the largest
 * @param high         the sum of distinct claims: what is true if none overlap
 * @param claims       number of distinct claims
 * @param sources      independent sources behind them, summed over the claims: for each claim, the distinct outlets
 *                     that reported it, a syndicated copy counted with its original; the same statistic from five
 *                     outlets is one claim with five sources
 * @param namedPeople  distinct named individuals (by normalised name)
 * @param largestClaim canonical key of the claim the low end rests on (the evidence for the band's floor), or null
 */
public record Band(BigDecimal low, BigDecimal high, int claims, int sources, int namedPeople, String largestClaim) {

  public static final Band EMPTY = new Band(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, null);
}
