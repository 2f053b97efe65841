package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Band;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The counting rules: from ledgers of distinct claims to bands and country totals. Pure functions. */
public final class Totals {

  private Totals() {}

  /**
   * One band from the distinct claims of one kind.
   *
   * <ul>
   *   <li>Named individuals count once each, by normalised name, however many claims name them.</li>
   *   <li>{@code low} = the largest single aggregate figure, but never less than the number of distinct named people
   *       (they are certainly different people; an aggregate may include them).</li>
   *   <li>{@code high} = the sum of every distinct aggregate figure plus the distinct named people (nothing overlaps).</li>
   *   <li>Money: named claims are amounts like any other, so low = the largest, high = the sum.</li>
   *   <li>{@code claims} = distinct claims (for officials, a named person is one claim however often named);
   *       {@code sources} = article supports behind them.</li>
   * </ul>
   */
  public static Band band(ClaimKind kind, Collection<LedgerEntry> all) {
    BigDecimal low = BigDecimal.ZERO;
    BigDecimal high = BigDecimal.ZERO;
    int claims = 0;
    int sources = 0;
    TreeSet<String> named = new TreeSet<>();
    for (LedgerEntry e : all) {
      if (e.kind() != kind || !e.isCounted()) {
        continue;
      }
      sources += e.sources();
      if (e.named() != null) {
        named.add(e.named());
      }
      if (kind.isMoney() || e.named() == null) {
        claims++;
        low = low.max(e.low());
        high = high.add(e.high());
      }
    }
    if (!kind.isMoney()) {
      BigDecimal people = BigDecimal.valueOf(named.size());
      low = low.max(people);
      high = high.add(people);
      claims += named.size();
    }
    if (claims == 0) {
      return Band.EMPTY;
    }
    return new Band(low, high, claims, sources, List.copyOf(named));
  }

  public static RoleTotals roleTotals(Collection<LedgerEntry> entries) {
    RoleTotals t = RoleTotals.EMPTY;
    for (ClaimKind kind : ClaimKind.values()) {
      t = t.with(kind, band(kind, entries));
    }
    return t;
  }

  private static Collection<LedgerEntry> entries(Ledger l, Predicate<LedgerEntry> filter) {
    if (l == null) {
      return List.of();
    }
    List<LedgerEntry> out = new ArrayList<>();
    for (LedgerEntry e : l.entries().values()) {
      if (filter.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** A country's totals from its two ledgers (either may be absent); null when neither exists. */
  public static CountryTotals countryTotals(Ledger asDestination, Ledger asOrigin) {
    if (asDestination == null && asOrigin == null) {
      return null;
    }
    String country = asDestination != null ? asDestination.country() : asOrigin.country();
    TreeSet<String> articles = new TreeSet<>();
    Instant updated = null;
    for (Ledger l : new Ledger[] {asDestination, asOrigin}) {
      if (l == null) {
        continue;
      }
      for (LedgerEntry e : l.entries().values()) {
        articles.addAll(e.articles());
      }
      updated = newest(updated, l.updatedAt());
    }
    return new CountryTotals(country, Countries.name(country), roleTotals(entries(asDestination, e -> true)),
        roleTotals(entries(asOrigin, e -> true)), articles.size(), updated);
  }

  /** A country's totals per month of first publication, both roles. */
  public static MonthlyTotals monthlyTotals(Ledger asDestination, Ledger asOrigin) {
    if (asDestination == null && asOrigin == null) {
      return null;
    }
    String country = asDestination != null ? asDestination.country() : asOrigin.country();
    TreeSet<String> months = new TreeSet<>();
    for (Ledger l : new Ledger[] {asDestination, asOrigin}) {
      if (l != null) {
        l.entries().values().stream().filter(LedgerEntry::isCounted).forEach(e -> months.add(e.month()));
      }
    }
    SortedMap<String, MonthlyTotals.Month> byMonth = new TreeMap<>();
    for (String m : months) {
      byMonth.put(m, new MonthlyTotals.Month(
          roleTotals(entries(asDestination, e -> m.equals(e.month()))),
          roleTotals(entries(asOrigin, e -> m.equals(e.month())))));
    }
    return new MonthlyTotals(country, Countries.name(country), byMonth);
  }

  private static Instant newest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
