package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Claim;
import io.flightwatch.common.Countries;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What makes a claim record unusable for the totals. Such records go to the dead-letter topic with the reason, so one
 * bad record never stops the aggregator and nothing is silently dropped.
 */
public final class ClaimChecks {

  /** More officials than this in one claim is an extraction error, not news. */
  public static final long MAX_COUNT = 10_000_000L;

  /** More than ten trillion US dollars in one claim is an extraction error ("10^30 dollars"). */
  public static final BigDecimal MAX_USD = new BigDecimal("10000000000000");

  private ClaimChecks() {}

  /** The reason the record cannot be counted, or empty when it can. */
  public static Optional<String> problem(String key, Claim c) {
    if (c == null) {
      return Optional.of("null claim value");
    }
    if (key == null || key.isBlank()) {
      return Optional.of("missing record key (canonical claim key)");
    }
    if (c.kind() == null) {
      return Optional.of("missing kind");
    }
    if (c.articleId() == null || c.articleId().isBlank()) {
      return Optional.of("missing articleId");
    }
    if (c.origin() != null && !Countries.isValid(c.origin())) {
      return Optional.of("unknown origin country code: " + abbreviate(c.origin()));
    }
    if (c.destination() != null && !Countries.isValid(c.destination())) {
      return Optional.of("unknown destination country code: " + abbreviate(c.destination()));
    }
    if (c.count() != null && (c.count() < 0 || c.count() > MAX_COUNT)) {
      return Optional.of("count out of range [0, " + MAX_COUNT + "]: " + c.count());
    }
    for (BigDecimal usd : new BigDecimal[] {c.amountUsd(), c.amountUsdLow(), c.amountUsdHigh()}) {
      if (usd != null && (usd.signum() < 0 || usd.compareTo(MAX_USD) > 0)) {
        return Optional.of("USD amount out of range [0, " + MAX_USD.toPlainString() + "]: "
            + abbreviate(usd.toString()));
      }
    }
    return Optional.empty();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
