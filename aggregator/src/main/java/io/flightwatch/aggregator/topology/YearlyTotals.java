package io.flightwatch.aggregator.topology;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A country's totals by year of first publication of each distinct claim ("2016"; "undated" for articles without a
 * date), as served by {@code /api/countries/{iso}/years}. Each year is a band of its own claims (its low end is the
 * year's largest claim), so a year's figures are not the sum of its months' low ends.
 */
public record YearlyTotals(String country, String name, SortedMap<String, MonthlyTotals.Month> years) {

  public YearlyTotals {
    years = years == null ? new TreeMap<>() : new TreeMap<>(years);
  }
}
