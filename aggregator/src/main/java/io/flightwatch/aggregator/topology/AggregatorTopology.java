package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Case;
import io.flightwatch.common.Claim;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.CountryYear;
import io.flightwatch.common.JsonSerde;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.DlqHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The aggregator's topology: claims -> per-claim supports and summaries -> per-country totals and monthly totals.
 *
 * <pre>
 * claims ─ check ─┬─ invalid ─ reason headers ─> articles.dlq
 *                 └─ valid ─ claim-supports [claim-supports, claim-summaries, claim-outlets, claim-copies, claim-rank]
 *                      ─ one change per role ─ repartition by country (claims-by-country)
 *                      ─ country-ledger [country-claims, country-index, country-counts, country-totals, monthly-totals,
 *                                        yearly-totals]
 *                      ─┬─> country-totals
 *                       └─> country-years (the years a change touched)
 *                      ─ named claims ─ repartition by case (claims-by-case)
 *                      ─ case-ledger [case-events, cases] ─> cases
 * </pre>
 *
 * <p>The claims topic is keyed by canonical claim key, so every report of one statistic is on one partition and the
 * dedup needs no repartition; the country stage repartitions once. State is one store entry per (claim, article), per
 * (claim), per (country, role, claim) and per (country, month): no value and no record grows with the number of claims
 * or articles, and each claim record costs a constant number of store operations (see {@link ClaimSupports} and
 * {@link CountryLedger}). Every total is a function of the set of claims seen, so replays and a second instance agree.
 */
public final class AggregatorTopology {

  public static final String CLAIM_SUPPORTS_STORE = "claim-supports-store";
  public static final String CLAIM_SUMMARIES_STORE = "claim-summaries-store";
  public static final String CLAIM_OUTLETS_STORE = "claim-outlets-store";
  public static final String CLAIM_COPIES_STORE = "claim-copies-store";
  public static final String CLAIM_RANK_STORE = "claim-rank-store";
  public static final String COUNTRY_CLAIMS_STORE = "country-claims-store";
  public static final String COUNTRY_INDEX_STORE = "country-index-store";
  public static final String COUNTRY_COUNTS_STORE = "country-counts-store";
  public static final String COUNTRY_TOTALS_STORE = "country-totals-store";
  public static final String MONTHLY_TOTALS_STORE = "monthly-totals-store";
  public static final String YEARLY_TOTALS_STORE = "yearly-totals-store";
  public static final String CASE_EVENTS_STORE = "case-events-store";
  public static final String CASES_STORE = "cases-store";

  /** The repartition topic's name inside the application ({app-id}-claims-by-country-repartition). */
  public static final String BY_COUNTRY = "claims-by-country";

  /** The repartition topic's name inside the application ({app-id}-claims-by-case-repartition). */
  public static final String BY_CASE = "claims-by-case";

  public static final String SERVICE = "aggregator";

  /** Topic names, so tests and deployments can rename them; {@link #defaults()} is the contract of {@link Topics}. */
  public record Options(String claimsTopic, String totalsTopic, String yearsTopic, String casesTopic,
      String dlqTopic) {
    public static Options defaults() {
      return new Options(Topics.CLAIMS.name(), Topics.COUNTRY_TOTALS.name(), Topics.COUNTRY_YEARS.name(),
          Topics.CASES.name(), Topics.ARTICLES_DLQ.name());
    }
  }

  private AggregatorTopology() {}

  public static Topology build(Options options) {
    StreamsBuilder builder = new StreamsBuilder();
    JsonSerde<Claim> claimSerde = JsonSerde.of(Claim.class);
    builder.addStateStore(rangeStore(CLAIM_SUPPORTS_STORE, JsonSerde.of(Support.class)));
    builder.addStateStore(store(CLAIM_SUMMARIES_STORE, JsonSerde.of(ClaimSummary.class)));
    builder.addStateStore(store(CLAIM_OUTLETS_STORE, Serdes.Long()));
    builder.addStateStore(store(CLAIM_COPIES_STORE, Serdes.String()));
    builder.addStateStore(rangeStore(CLAIM_RANK_STORE, Serdes.String()));
    builder.addStateStore(store(COUNTRY_CLAIMS_STORE, JsonSerde.of(ClaimView.class)));
    builder.addStateStore(rangeStore(COUNTRY_INDEX_STORE, Serdes.String()));
    builder.addStateStore(store(COUNTRY_COUNTS_STORE, Serdes.Long()));
    builder.addStateStore(store(COUNTRY_TOTALS_STORE, JsonSerde.of(CountryTotals.class)));
    builder.addStateStore(rangeStore(MONTHLY_TOTALS_STORE, JsonSerde.of(MonthlyTotals.Month.class)));
    builder.addStateStore(rangeStore(YEARLY_TOTALS_STORE, JsonSerde.of(MonthlyTotals.Month.class)));
    builder.addStateStore(rangeStore(CASE_EVENTS_STORE, JsonSerde.of(ClaimView.class)));
    builder.addStateStore(rangeStore(CASES_STORE, JsonSerde.of(Case.class)));

    KStream<String, Claim> claims = builder.stream(options.claimsTopic(),
        Consumed.with(Serdes.String(), claimSerde).withName("claims-source"));

    Map<String, KStream<String, Claim>> branches = claims.split(Named.as("claim-check-"))
        .branch((k, c) -> ClaimChecks.problem(k, c).isPresent(), Branched.as("invalid"))
        .defaultBranch(Branched.as("valid"));

    branches.get("claim-check-invalid")
        .processValues(() -> new DeadLetter(options.claimsTopic()), Named.as("claim-dead-letter"))
        .to(options.dlqTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("claims-dlq-sink"));

    KStream<String, CountryChange> changes = branches.get("claim-check-valid")
        .process(ClaimSupports::new, Named.as("claim-supports"), CLAIM_SUPPORTS_STORE, CLAIM_SUMMARIES_STORE,
            CLAIM_OUTLETS_STORE, CLAIM_COPIES_STORE, CLAIM_RANK_STORE);

    changes
        .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CountryChange.class)).withName(BY_COUNTRY))
        .process(CountryLedger::new, Named.as("country-ledger"), COUNTRY_CLAIMS_STORE, COUNTRY_INDEX_STORE,
            COUNTRY_COUNTS_STORE, COUNTRY_TOTALS_STORE, MONTHLY_TOTALS_STORE, YEARLY_TOTALS_STORE)
        .split(Named.as("ledger-"))
        .branch((country, out) -> out.isTotals(), Branched.withConsumer(totals -> totals
            .mapValues(LedgerOutput::totals, Named.as("ledger-totals-value"))
            .to(options.totalsTopic(),
                Produced.with(Serdes.String(), JsonSerde.of(CountryTotals.class)).withName("country-totals-sink")),
            "totals"))
        .defaultBranch(Branched.withConsumer(years -> years
            .mapValues(LedgerOutput::year, Named.as("ledger-years-value"))
            .to(options.yearsTopic(),
                Produced.with(Serdes.String(), JsonSerde.of(CountryYear.class)).withName("country-years-sink")),
            "years"));

    changes
        .flatMap((country, change) -> caseChanges(change), Named.as("case-routing"))
        .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CaseChange.class)).withName(BY_CASE))
        .process(CaseLedger::new, Named.as("case-ledger"), CASE_EVENTS_STORE, CASES_STORE)
        .to(options.casesTopic(), Produced.with(Serdes.String(), JsonSerde.of(Case.class)).withName("cases-sink"));

    return builder.build();
  }

  /**
   * A persistent store with a string key; its changelog is compacted, so it stays as large as the state itself. Cached:
   * a key written many times within a commit interval (a busy country's totals) reaches RocksDB and the changelog once.
   */
  private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingEnabled();
  }

  /**
   * A store read by key ranges while it is written. Not cached: a range over a cached store copies every cached key in
   * the range first (Streams' {@code NamedCache}), so each read would cost as much as the cached part of the range.
   */
  private static <V> StoreBuilder<KeyValueStore<String, V>> rangeStore(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingDisabled();
  }

  /**
   * The case changes in one claim change: only claims that name a person, read once (from the destination role's copy
   * of the change, never moved between destinations); two when the person's reported origin, and so the case, changed.
   */
  static List<KeyValue<String, CaseChange>> caseChanges(CountryChange change) {
    if (change.role() != Role.DESTINATION || (change.before() == null && change.after() == null)) {
      return List.of();
    }
    String was = caseId(change.before());
    String now = caseId(change.after());
    if (was == null && now == null) {
      return List.of();
    }
    if (Objects.equals(was, now)) {
      return List.of(KeyValue.pair(now, new CaseChange(now, change.before(), change.after())));
    }
    List<KeyValue<String, CaseChange>> out = new ArrayList<>(2);
    if (was != null) {
      out.add(KeyValue.pair(was, new CaseChange(was, change.before(), null)));
    }
    if (now != null) {
      out.add(KeyValue.pair(now, new CaseChange(now, null, change.after())));
    }
    return out;
  }

  private static String caseId(ClaimView v) {
    return v == null || v.namedPerson() == null || v.namedPerson().isBlank() ? null
        : CaseRules.get().caseId(v.origin(), v.namedPerson());
  }

  /** Turns an unusable claim into a dead-letter record carrying the reason in headers. */
  static final class DeadLetter implements FixedKeyProcessor<String, Claim, byte[]> {
    private final String sourceTopic;
    private final JsonSerde<Claim> serde = JsonSerde.of(Claim.class);
    private FixedKeyProcessorContext<String, byte[]> context;

    DeadLetter(String sourceTopic) {
      this.sourceTopic = sourceTopic;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Claim> record) {
      String reason = ClaimChecks.problem(record.key(), record.value()).orElse("unknown");
      FixedKeyRecord<String, byte[]> out = record.withValue(serde.serialize(sourceTopic, record.value()));
      DlqHeaders.addReason(out.headers(), SERVICE, reason, sourceTopic, null);
      context.forward(out);
    }
  }
}
