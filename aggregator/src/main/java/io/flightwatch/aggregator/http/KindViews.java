package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.flightwatch.aggregator.topology.MonthlyTotals;
import io.flightwatch.common.Band;
import io.flightwatch.common.Case;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one vocabulary of the HTTP API. A request names a claim kind by its wire name ({@code kind=officials_fled},
 * {@code officials_returned}, {@code money_moved_abroad}, {@code money_recovered}) and a role by {@code destination}
 * or {@code origin}; every answer uses the same words. The Kafka records keep their own field names (the topic
 * contract: {@code asDestination.officialsFled}, {@code moneyMovedUsd}, a case's {@code moneyMovedLowUsd}), so the
 * answers present their figures through these views:
 *
 * <pre>
 *   totals  "kinds": {"officials_fled": {"destination": Band, "origin": Band}, ..., "money_recovered": {...}}
 *   case    "money": {"money_moved_abroad": {"low": .., "high": ..}, "money_recovered": {"low": .., "high": ..}}
 * </pre>
 *
 * <p>The records' own names stay beside them for one release as deprecated aliases (docs/aggregator.md, "Vocabulary").
 */
final class KindViews {

  private KindViews() {}

  /** One kind's bands in the two roles. */
  record Roles(Band destination, Band origin) {}

  /** A low-high pair in US dollars: a named person's money of one kind. */
  record Money(BigDecimal low, BigDecimal high) {}

  /** Both roles' bands keyed by kind wire name, in {@link ClaimKind} order; every kind is present. */
  static Map<String, Roles> byKind(RoleTotals destination, RoleTotals origin) {
    Map<String, Roles> out = new LinkedHashMap<>();
    for (ClaimKind k : ClaimKind.values()) {
      out.put(k.wireName(), new Roles(band(destination, k), band(origin, k)));
    }
    return out;
  }

  private static Band band(RoleTotals role, ClaimKind kind) {
    Band b = role == null ? null : role.of(kind);
    return b == null ? Band.EMPTY : b;
  }

  /**
   * A country's totals as answered: {@code kinds} and the record's fields; {@code asDestination} and {@code asOrigin}
   * are the deprecated aliases.
   */
  record Country(String country, String name, Map<String, Roles> kinds, long articles, Instant updatedAt,
      RoleTotals asDestination, RoleTotals asOrigin) {

    static Country of(CountryTotals t) {
      return new Country(t.country(), t.name(), byKind(t.asDestination(), t.asOrigin()), t.articles(), t.updatedAt(),
          t.asDestination(), t.asOrigin());
    }

    /**
     * Back to the record (another instance's part of a list): from {@code kinds}, else from the aliases (an instance of
     * the release before answers without {@code kinds}).
     */
    CountryTotals totals() {
      RoleTotals destination = asDestination == null ? RoleTotals.EMPTY : asDestination;
      RoleTotals origin = asOrigin == null ? RoleTotals.EMPTY : asOrigin;
      if (kinds != null) {
        for (ClaimKind k : ClaimKind.values()) {
          Roles r = kinds.get(k.wireName());
          if (r != null) {
            destination = destination.with(k, r.destination() == null ? Band.EMPTY : r.destination());
            origin = origin.with(k, r.origin() == null ? Band.EMPTY : r.origin());
          }
        }
      }
      return new CountryTotals(country, name, destination, origin, articles, updatedAt);
    }
  }

  /** One month's or year's totals: {@code kinds}, and the deprecated aliases. */
  record Period(Map<String, Roles> kinds, RoleTotals asDestination, RoleTotals asOrigin) {

    static Period of(MonthlyTotals.Month m) {
      return new Period(byKind(m.asDestination(), m.asOrigin()), m.asDestination(), m.asOrigin());
    }
  }

  /** {@code /api/countries/{iso}/monthly}. */
  record Months(String country, String name, SortedMap<String, Period> months) {

    static Months of(String country, String name, Map<String, MonthlyTotals.Month> months) {
      return new Months(country, name, periods(months));
    }
  }

  /** {@code /api/countries/{iso}/years}. */
  record Years(String country, String name, SortedMap<String, Period> years) {

    static Years of(String country, String name, Map<String, MonthlyTotals.Month> years) {
      return new Years(country, name, periods(years));
    }
  }

  private static SortedMap<String, Period> periods(Map<String, MonthlyTotals.Month> in) {
    SortedMap<String, Period> out = new TreeMap<>();
    in.forEach((period, m) -> out.put(period, Period.of(m)));
    return out;
  }

  /**
   * A named person as answered: the record's fields and {@code money} keyed by the money kinds; the record's
   * {@code moneyMovedLowUsd} ... {@code moneyRecoveredHighUsd} are the deprecated aliases.
   */
  record CaseView(@JsonUnwrapped Case record, Map<String, Money> money) {

    static CaseView of(Case c) {
      Map<String, Money> money = new LinkedHashMap<>();
      money.put(ClaimKind.MONEY_MOVED_ABROAD.wireName(), new Money(c.moneyMovedLowUsd(), c.moneyMovedHighUsd()));
      money.put(ClaimKind.MONEY_RECOVERED.wireName(), new Money(c.moneyRecoveredLowUsd(), c.moneyRecoveredHighUsd()));
      return new CaseView(c, money);
    }
  }
}
