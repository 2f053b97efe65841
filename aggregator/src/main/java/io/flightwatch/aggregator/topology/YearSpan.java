package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Band;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import java.time.Instant;
import java.util.Collection;

/**
 * A country's totals over a span of years ({@code /api/countries?from=2014&to=2018}), from its years' bands: the low
 * end is the largest of the years' lows (the largest single claim in the span), the high end the sum of the years'
 * highs. Counts of claims, sources and named people are summed over the years, so a person or outlet of two years
 * counts twice: an upper bound, as the high end is. A cumulative figure counts in the year it was published.
 */
public final class YearSpan {

  private YearSpan() {}

  /** True when a year label ("2016", or "undated") lies within [from, to] (null: open); undated never does. */
  public static boolean within(String year, Integer from, Integer to) {
    if (Months.UNDATED.equals(year)) {
      return false;
    }
    int y = Integer.parseInt(year);
    return (from == null || y >= from) && (to == null || y <= to);
  }

  /** The country's totals over the given years; {@code articles} and {@code updated} come from its all-time totals. */
  public static CountryTotals over(String country, Collection<MonthlyTotals.Month> years, long articles,
      Instant updated) {
    RoleTotals dest = RoleTotals.EMPTY;
    RoleTotals origin = RoleTotals.EMPTY;
    for (MonthlyTotals.Month m : years) {
      dest = plus(dest, m.asDestination());
      origin = plus(origin, m.asOrigin());
    }
    return new CountryTotals(country, Countries.name(country), dest, origin, articles, updated);
  }

  private static RoleTotals plus(RoleTotals a, RoleTotals b) {
    RoleTotals out = a;
    for (ClaimKind k : ClaimKind.values()) {
      out = out.with(k, plus(a.of(k), b.of(k)));
    }
    return out;
  }

  static Band plus(Band a, Band b) {
    boolean bLarger = b.low().compareTo(a.low()) > 0;
    return new Band(bLarger ? b.low() : a.low(), a.high().add(b.high()), a.claims() + b.claims(),
        a.sources() + b.sources(), a.namedPeople() + b.namedPeople(), bLarger ? b.largestClaim() : a.largestClaim());
  }
}
