package io.flightwatch.common;

import java.math.BigDecimal;
import java.util.List;

/**
 * A per-country total for one kind and role, as a double-counting band.
 *
 * @param low     the largest single distinct claim: what is certainly true if every claim overlaps the largest
 * @param high    the sum of distinct claims: what is true if none overlap
 * @param claims  number of distinct claims
 * @param sources number of (article, claim) supports behind them: the same statistic from five outlets is one claim with five
 *                sources
 * @param named   distinct named individuals, normalised, sorted
 */
public record Band(BigDecimal low, BigDecimal high, int claims, int sources, List<String> named) {

  public static final Band EMPTY = new Band(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, List.of());

  public Band {
    named = named == null ? List.of() : List.copyOf(named);
  }
}
