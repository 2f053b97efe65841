package io.flightwatch.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * What one distinct claim contributes to a country's totals in one role: only what the bands need, so a country's ledger
 * stays small.
 *
 * @param kind      claim kind
 * @param low       smallest value the claim can mean (USD for money, people for officials)
 * @param high      largest value the claim can mean
 * @param named     normalised name of the individual, or null for an aggregate figure
 * @param sources   number of articles supporting the claim (0 once all were retracted)
 * @param articles  sorted ids of those articles
 * @param month     month of first publication ("yyyy-MM") or "undated"
 * @param updatedAt newest event time that changed the claim
 */
public record LedgerEntry(ClaimKind kind, BigDecimal low, BigDecimal high, String named, int sources,
    List<String> articles, String month, Instant updatedAt) {

  public LedgerEntry {
    articles = articles == null ? List.of() : List.copyOf(articles);
  }

  @JsonIgnore
  public boolean isCounted() {
    return sources > 0;
  }

  public static LedgerEntry of(DistinctClaim dc) {
    Claim c = dc.representative();
    BigDecimal[] band = valueBand(c);
    String named = c.namedPerson() == null || c.namedPerson().isBlank() ? null : ClaimKeys.normaliseName(c.namedPerson());
    return new LedgerEntry(c.kind(), band[0], band[1], named, dc.supports().size(), dc.articleIds(), dc.firstMonth(),
        dc.updatedAt());
  }

  /**
   * The range a claim's figure stands for. Officials: the printed count (a vague count such as "thousands" has none and
   * adds 0). Money, in USD: a precise amount counts its USD estimate at both ends; a range or vague amount ("tens of
   * billions") counts its low end towards the band's low and its high end towards the band's high, so the band stays an
   * honest envelope. Money is rounded to cents, half-even.
   */
  static BigDecimal[] valueBand(Claim c) {
    if (!c.kind().isMoney()) {
      BigDecimal n = c.count() == null ? BigDecimal.ZERO : BigDecimal.valueOf(c.count());
      return new BigDecimal[] {n, n};
    }
    BigDecimal mid = c.amountUsd();
    BigDecimal lo;
    BigDecimal hi;
    if (c.amount() != null && mid != null) {
      lo = mid;
      hi = mid;
    } else {
      lo = firstNonNull(c.amountUsdLow(), mid, c.amountUsdHigh());
      hi = firstNonNull(c.amountUsdHigh(), mid, c.amountUsdLow());
    }
    return new BigDecimal[] {cents(lo), cents(hi)};
  }

  private static BigDecimal firstNonNull(BigDecimal... values) {
    for (BigDecimal v : values) {
      if (v != null) {
        return v;
      }
    }
    return BigDecimal.ZERO;
  }

  static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }
}
