package io.flightwatch.aggregator.topology;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Month labels of the monthly totals: "yyyy-MM" in UTC, or {@link #UNDATED} for articles without a date. */
public final class Months {

  public static final String UNDATED = "undated";

  private Months() {}

  public static String of(Instant t) {
    return YearMonth.from(t.atOffset(ZoneOffset.UTC)).toString();
  }
}
