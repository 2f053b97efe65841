package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Band;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.CountryYear;
import io.flightwatch.common.RoleTotals;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The country-keyed stage: applies each {@link CountryChange} to the country's totals with a constant number of store
 * operations, and publishes the new totals and the new totals of each year it touched. One entry per (country, role,
 * claim), never one value per country that holds them all; {@code country-totals} records carry totals, counts and each
 * band's largest claim only.
 *
 * <ul>
 *   <li>{@code country-claims-store}: (country, role, claim key) -> {@link ClaimView}, what {@code /evidence}
 * lists;</li>
 *   <li>{@code country-index-store}: value-ordered entries for each band's low end ({@link BandBook}) and
 *       sources-ordered entries for the evidence list;</li>
 *   <li>{@code country-counts-store}: reference counts of named people per band and of articles per country;</li>
 *   <li>{@code country-totals-store}: country -> {@link CountryTotals};</li>
 *   <li>{@code monthly-totals-store}: (country, month) -> that month's totals in both roles;</li>
 *   <li>{@code yearly-totals-store}: (country, year) -> that year's, the same way (a band per year, not a sum of
 *       months: a year's low end is its largest claim).</li>
 * </ul>
 */
final class CountryLedger implements Processor<String, CountryChange, String, LedgerOutput> {

  private KeyValueStore<String, ClaimView> claims;
  private KeyValueStore<String, String> index;
  private KeyValueStore<String, CountryTotals> totals;
  private KeyValueStore<String, MonthlyTotals.Month> monthly;
  private KeyValueStore<String, MonthlyTotals.Month> yearly;
  private BandBook book;
  private ProcessorContext<String, LedgerOutput> context;
  /** The years this change touched, with their new totals (null: empty now), published after the country's. */
  private final Map<String, CountryYear> touchedYears = new LinkedHashMap<>();

  @Override
  public void init(ProcessorContext<String, LedgerOutput> context) {
    this.context = context;
    claims = context.getStateStore(AggregatorTopology.COUNTRY_CLAIMS_STORE);
    index = context.getStateStore(AggregatorTopology.COUNTRY_INDEX_STORE);
    totals = context.getStateStore(AggregatorTopology.COUNTRY_TOTALS_STORE);
    monthly = context.getStateStore(AggregatorTopology.MONTHLY_TOTALS_STORE);
    yearly = context.getStateStore(AggregatorTopology.YEARLY_TOTALS_STORE);
    book = new BandBook(index, context.getStateStore(AggregatorTopology.COUNTRY_COUNTS_STORE));
  }

  @Override
  public void process(Record<String, CountryChange> record) {
    CountryChange ch = record.value();
    String country = ch.country();
    Role role = ch.role();
    CountryTotals t = totals.get(country);
    RoleTotals rt = t == null ? RoleTotals.EMPTY : role == Role.DESTINATION ? t.asDestination() : t.asOrigin();
    long articles = t == null ? 0 : t.articles();
    Instant updated = t == null ? null : t.updatedAt();
    if (ch.before() != null) {
      ClaimView v = ch.before();
      ClaimKind kind = v.claimKind();
      claims.delete(StoreKeys.join(country, role.wireName(), v.key()));
      unrank(country, role, v);
      rt = rt.with(kind, book.remove(country, role, v, rt.of(kind)));
      month(country, role, v, false);
      year(country, role, v, false);
    }
    if (ch.after() != null) {
      ClaimView v = ch.after();
      ClaimKind kind = v.claimKind();
      claims.put(StoreKeys.join(country, role.wireName(), v.key()), v);
      rank(country, role, v);
      rt = rt.with(kind, book.add(country, role, v, rt.of(kind)));
      month(country, role, v, true);
      year(country, role, v, true);
    }
    if (ch.articleId() != null && ch.articleDelta() != 0) {
      articles += book.refer(StoreKeys.join("a", country, ch.articleId()), ch.articleDelta());
    }
    if (updated == null || ch.eventTime().isAfter(updated)) {
      updated = ch.eventTime();
    }
    RoleTotals dest = role == Role.DESTINATION ? rt : t == null ? RoleTotals.EMPTY : t.asDestination();
    RoleTotals origin = role == Role.ORIGIN ? rt : t == null ? RoleTotals.EMPTY : t.asOrigin();
    CountryTotals next = new CountryTotals(country, Countries.name(country), dest, origin, articles, updated);
    totals.put(country, next);
    context.forward(record.withValue(LedgerOutput.of(next)));
    for (Map.Entry<String, CountryYear> y : touchedYears.entrySet()) {
      context.forward(record.withKey(CountryYear.key(country, y.getKey()))
          .withValue(LedgerOutput.ofYear(y.getValue())));
    }
    touchedYears.clear();
  }

  private void month(String country, Role role, ClaimView v, boolean add) {
    String key = StoreKeys.join(country, v.month());
    period(monthly, key, key, role, v, add);
  }

  /**
   * The claim's year ({@link ClaimView#year()}: its stated period's, else its first publication's), kept like a month.
   */
  private void year(String country, Role role, ClaimView v, boolean add) {
    String year = v.year();
    MonthlyTotals.Month m = period(yearly, StoreKeys.join(country, year), StoreKeys.join(country, "year", year), role,
        v, add);
    touchedYears.put(year, m == null ? null
        : new CountryYear(country, Countries.name(country), year, m.asDestination(), m.asOrigin()));
  }

  /**
   * Adds or removes a claim's view in one period's totals (its bands keep their own index under {@code scope}); returns
   * the period's new totals, null when it is empty now.
   */
  private MonthlyTotals.Month period(KeyValueStore<String, MonthlyTotals.Month> store, String key, String scope,
      Role role,
      ClaimView v, boolean add) {
    MonthlyTotals.Month m = store.get(key);
    RoleTotals rt = m == null ? RoleTotals.EMPTY : role == Role.DESTINATION ? m.asDestination() : m.asOrigin();
    ClaimKind kind = v.claimKind();
    Band b = add ? book.add(scope, role, v, rt.of(kind)) : book.remove(scope, role, v, rt.of(kind));
    rt = rt.with(kind, b);
    RoleTotals dest = role == Role.DESTINATION ? rt : m == null ? RoleTotals.EMPTY : m.asDestination();
    RoleTotals origin = role == Role.ORIGIN ? rt : m == null ? RoleTotals.EMPTY : m.asOrigin();
    if (dest.equals(RoleTotals.EMPTY) && origin.equals(RoleTotals.EMPTY)) {
      store.delete(key);
      return null;
    }
    MonthlyTotals.Month next = new MonthlyTotals.Month(dest, origin);
    store.put(key, next);
    return next;
  }

  private void rank(String country, Role role, ClaimView v) {
    index.put(StoreKeys.countryRank(country, role.wireName(), StoreKeys.ALL_KINDS, v.sourceCount(), v.key()), "");
    index.put(StoreKeys.countryRank(country, role.wireName(), v.kind(), v.sourceCount(), v.key()), "");
  }

  private void unrank(String country, Role role, ClaimView v) {
    index.delete(StoreKeys.countryRank(country, role.wireName(), StoreKeys.ALL_KINDS, v.sourceCount(), v.key()));
    index.delete(StoreKeys.countryRank(country, role.wireName(), v.kind(), v.sourceCount(), v.key()));
  }
}
