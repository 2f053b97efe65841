package io.flightwatch.aggregator.topology;

import io.flightwatch.common.RoleTotals;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A country's totals by month of first publication of each distinct claim ("yyyy-MM", UTC; "undated" for articles
 * without a date), as served by {@code /api/countries/{iso}/monthly}. A statistic reported again in a later month stays
 * in the month it was first reported, so the months add up without counting it twice. Stored one entry per (country,
 * month).
 */
public record MonthlyTotals(String country, String name, SortedMap<String, Month> months) {

  public MonthlyTotals {
    months = months == null ? new TreeMap<>() : new TreeMap<>(months);
  }

  /** One month's totals in both roles. */
  public record Month(RoleTotals asDestination, RoleTotals asOrigin) {}
}
