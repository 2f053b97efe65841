package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Claim;
import io.flightwatch.common.Countries;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.JsonSerde;
import io.flightwatch.common.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The aggregator's topology: claims -> distinct claims -> per-country ledgers (as destination, as origin) -> country totals
 * and monthly totals.
 *
 * <pre>
 * claims ─ check ─┬─ invalid ─ reason headers ─> articles.dlq
 *                 └─ valid ─ stamp ─ groupByKey ─ aggregate [distinct-claims-store]
 *                                   ├─ groupBy destination ─ aggregate [destination-ledger-store] ─┐
 *                                   └─ groupBy origin ────── aggregate [origin-ledger-store] ──────┤
 *                                          outerJoin [country-totals-store] ─> country-totals      │
 *                                          outerJoin [monthly-totals-store] <──────────────────────┘
 * </pre>
 *
 * <p>The claims topic is keyed by canonical claim key, so every report of one statistic is on one partition and the
 * dedup needs no repartition. Grouping by country repartitions once per role. Every aggregate is a pure function of the
 * set of claims seen, so replays and a second instance give identical totals.
 */
public final class AggregatorTopology {

  public static final String DISTINCT_CLAIMS_STORE = "distinct-claims-store";
  public static final String DESTINATION_LEDGER_STORE = "destination-ledger-store";
  public static final String ORIGIN_LEDGER_STORE = "origin-ledger-store";
  public static final String COUNTRY_TOTALS_STORE = "country-totals-store";
  public static final String MONTHLY_TOTALS_STORE = "monthly-totals-store";

  public static final String SERVICE = "aggregator";

  /** Topic names, so tests and deployments can rename them; {@link #defaults()} is the contract of {@link Topics}. */
  public record Options(String claimsTopic, String totalsTopic, String dlqTopic) {
    public static Options defaults() {
      return new Options(Topics.CLAIMS.name(), Topics.COUNTRY_TOTALS.name(), Topics.ARTICLES_DLQ.name());
    }
  }

  private AggregatorTopology() {}

  public static Topology build(Options options) {
    StreamsBuilder builder = new StreamsBuilder();
    JsonSerde<Claim> claimSerde = JsonSerde.of(Claim.class);

    KStream<String, Claim> claims = builder.stream(options.claimsTopic(),
        Consumed.with(Serdes.String(), claimSerde).withName("claims-source"));

    Map<String, KStream<String, Claim>> branches = claims.split(Named.as("claim-check-"))
        .branch((k, c) -> ClaimChecks.problem(k, c).isPresent(), Branched.as("invalid"))
        .defaultBranch(Branched.as("valid"));

    branches.get("claim-check-invalid")
        .processValues(() -> new DeadLetter(options.claimsTopic()), Named.as("claim-dead-letter"))
        .to(options.dlqTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("claims-dlq-sink"));

    KTable<String, DistinctClaim> distinct = branches.get("claim-check-valid")
        .processValues(Stamp::new, Named.as("claim-stamp"))
        .groupByKey(Grouped.with("claims-by-key", Serdes.String(), JsonSerde.of(StampedClaim.class)))
        .aggregate(DistinctClaim::initial, (key, event, agg) -> agg.apply(key, event), Named.as("distinct-claims"),
            Materialized.<String, DistinctClaim, KeyValueStore<Bytes, byte[]>>as(DISTINCT_CLAIMS_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(DistinctClaim.class)));

    KTable<String, Ledger> byDestination = ledger(distinct, "destination", DESTINATION_LEDGER_STORE, true);
    KTable<String, Ledger> byOrigin = ledger(distinct, "origin", ORIGIN_LEDGER_STORE, false);

    KTable<String, CountryTotals> totals = byDestination.outerJoin(byOrigin, Totals::countryTotals,
        Named.as("country-totals-join"),
        Materialized.<String, CountryTotals, KeyValueStore<Bytes, byte[]>>as(COUNTRY_TOTALS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(CountryTotals.class)));
    totals.toStream(Named.as("country-totals-changes"))
        .to(options.totalsTopic(),
            Produced.with(Serdes.String(), JsonSerde.of(CountryTotals.class)).withName("country-totals-sink"));

    byDestination.outerJoin(byOrigin, Totals::monthlyTotals, Named.as("monthly-totals-join"),
        Materialized.<String, MonthlyTotals, KeyValueStore<Bytes, byte[]>>as(MONTHLY_TOTALS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(MonthlyTotals.class)));

    return builder.build();
  }

  /**
   * Groups the distinct claims by the country they count for in one role and keeps each country's ledger. A claim's
   * countries are part of its canonical key, so a row never moves between countries: the subtractor and adder of one update
   * always meet the same ledger.
   */
  private static KTable<String, Ledger> ledger(KTable<String, DistinctClaim> distinct, String role, String store,
      boolean destinationRole) {
    return distinct
        .groupBy((key, dc) -> KeyValue.pair(country(dc, destinationRole), dc),
            Grouped.with("distinct-by-" + role, Serdes.String(), JsonSerde.of(DistinctClaim.class)))
        .aggregate(Ledger::initial,
            (country, dc, ledger) -> ledger.put(country, dc.key(), LedgerEntry.of(dc)),
            (country, dc, ledger) -> ledger.remove(country, dc.key()),
            Named.as(role + "-ledger"),
            Materialized.<String, Ledger, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Ledger.class)));
  }

  /**
   * The country a distinct claim counts for; claims naming no single country go to "ZZ" (unspecified). The aggregate
   * forwards its fresh initial value (no claim yet) as the "old" row of a first update; it maps to no country (a null key,
   * which the repartition skips), so nothing is subtracted for it.
   */
  static String country(DistinctClaim dc, boolean destinationRole) {
    if (dc.representative() == null) {
      return null;
    }
    String iso = destinationRole ? dc.representative().destination() : dc.representative().origin();
    return iso == null ? Countries.UNSPECIFIED : iso;
  }

  /** Adds the event time: publication time, or the record timestamp for undated articles (both replay identically). */
  static final class Stamp implements FixedKeyProcessor<String, Claim, StampedClaim> {
    private FixedKeyProcessorContext<String, StampedClaim> context;

    @Override
    public void init(FixedKeyProcessorContext<String, StampedClaim> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Claim> record) {
      Claim c = record.value();
      Instant t = c.publishedAt() != null ? c.publishedAt() : Instant.ofEpochMilli(record.timestamp());
      context.forward(record.withValue(new StampedClaim(c, t)));
    }
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
      out.headers().remove(Topics.DLQ_REASON_HEADER).remove(Topics.DLQ_SERVICE_HEADER)
          .remove(Topics.DLQ_SOURCE_TOPIC_HEADER)
          .add(Topics.DLQ_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
          .add(Topics.DLQ_SERVICE_HEADER, SERVICE.getBytes(StandardCharsets.UTF_8))
          .add(Topics.DLQ_SOURCE_TOPIC_HEADER, sourceTopic.getBytes(StandardCharsets.UTF_8));
      context.forward(out);
    }
  }
}
