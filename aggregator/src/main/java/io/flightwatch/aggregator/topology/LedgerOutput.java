package io.flightwatch.aggregator.topology;

import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.CountryYear;

/**
 * What the country stage emits: a country's new totals (for {@code country-totals}) or one of its years (for
 * {@code country-years}; both fields null = the year is empty now, a tombstone). Never serialized: the topology splits
 * it into the two topics right after the stage.
 */
record LedgerOutput(CountryTotals totals, CountryYear year) {

  static LedgerOutput of(CountryTotals totals) {
    return new LedgerOutput(totals, null);
  }

  static LedgerOutput ofYear(CountryYear year) {
    return new LedgerOutput(null, year);
  }

  boolean isTotals() {
    return totals != null;
  }
}
