package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.aggregator.topology.AggregatorTopology.Options;
import io.flightwatch.aggregator.topology.ClaimSummary;
import io.flightwatch.aggregator.topology.MonthlyTotals;
import io.flightwatch.aggregator.topology.StoreKeys;
import io.flightwatch.aggregator.topology.Support;
import io.flightwatch.common.Band;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.CountryYear;
import io.flightwatch.common.JsonSerde;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.common.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.flightwatch.common.service.StreamsServiceConfig;

class AggregatorTopologyTest {

  private static final Instant MARCH = Instant.parse("2024-03-05T10:00:00Z");
  private static final Instant APRIL = Instant.parse("2024-04-20T16:45:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, Claim> claims;
  private TestOutputTopic<String, CountryTotals> totalsOut;
  private TestOutputTopic<String, byte[]> dlq;

  @TempDir
  static Path stateDirs;

  private static final AtomicInteger DRIVERS = new AtomicInteger();

  /** Each driver gets its own state folder, so two drivers can be open at once. */
  static Properties props() {
    return props(stateDirs.resolve("driver-" + DRIVERS.incrementAndGet()));
  }

  /**
   * The aggregator's own Streams properties (exactly-once, error handlers, bounds), for a driver in {@code stateDir}.
   */
  static Properties props(Path stateDir) {
    io.flightwatch.common.Settings settings = io.flightwatch.common.Settings.load(AggregatorConfig.definition(), null,
        java.util.Map.of(), java.util.Map.of(io.flightwatch.common.CommonConfig.BOOTSTRAP_SERVERS, "dummy:9092",
            StreamsServiceConfig.APPLICATION_ID, "aggregator-test", StreamsServiceConfig.STATE_DIR,
            stateDir.toString()));
    Properties p = AggregatorApp.streamsProps(settings, new org.apache.kafka.streams.state.HostInfo("127.0.0.1", 1));
    // Every update is forwarded, so each input's effect on the output is visible.
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return p;
  }

  @BeforeEach
  void setUp() {
    driver = new TopologyTestDriver(AggregatorTopology.build(Options.defaults()), props());
    claims = driver.createInputTopic(Topics.CLAIMS.name(), Serdes.String().serializer(),
        JsonSerde.of(Claim.class).serializer());
    totalsOut = driver.createOutputTopic(Topics.COUNTRY_TOTALS.name(), Serdes.String().deserializer(),
        JsonSerde.of(CountryTotals.class).deserializer());
    dlq = driver.createOutputTopic(Topics.ARTICLES_DLQ.name(), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(Claim c) {
    claims.pipeInput(c.key(), c, c.publishedAt() == null ? Instant.parse("2024-01-01T00:00:00Z") : c.publishedAt());
  }

  private CountryTotals totals(String iso) {
    return stored(AggregatorTopology.COUNTRY_TOTALS_STORE, iso);
  }

  private <V> V stored(String storeName, String key) {
    KeyValueStore<String, V> store = driver.getKeyValueStore(storeName);
    return store.get(key);
  }

  private MonthlyTotals.Month month(String iso, String month) {
    return stored(AggregatorTopology.MONTHLY_TOTALS_STORE, StoreKeys.join(iso, month));
  }

  private static Samples.ClaimBuilder fled(String article, String origin, String destination, long count) {
    return Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, origin, destination)
        .article(article, article + "-v1").count(count).valueText(String.valueOf(count))
        .quote("Officials said " + count + " people had left.").url("https://news.example.org/" + article)
        .outlet(article + ".example").publishedAt(MARCH);
  }

  @Test
  void sameStatisticFromThreeArticlesCountsOnceWithThreeSources() {
    for (String article : List.of("art-1", "art-2", "art-3")) {
      send(fled(article, "CN", "CA", 120).keyed());
    }

    CountryTotals ca = totals("CA");
    Band band = ca.asDestination().officialsFled();
    assertThat(band.claims()).isEqualTo(1);
    assertThat(band.sources()).isEqualTo(3);
    assertThat(band.low()).isEqualByComparingTo("120");
    assertThat(band.high()).isEqualByComparingTo("120");
    assertThat(ca.articles()).isEqualTo(3);
    assertThat(ca.name()).isEqualTo("Canada");
    assertThat(ca.updatedAt()).isEqualTo(MARCH);
    assertThat(ca.asOrigin().officialsFled()).isEqualTo(Band.EMPTY);

    String key = fled("art-1", "CN", "CA", 120).keyed().key();
    for (String article : List.of("art-1", "art-2", "art-3")) {
      Support s = stored(AggregatorTopology.CLAIM_SUPPORTS_STORE, StoreKeys.join(key, article));
      assertThat(s.claim().articleId()).isEqualTo(article);
    }
    ClaimSummary summary = stored(AggregatorTopology.CLAIM_SUMMARIES_STORE, key);
    assertThat(summary.view().articleCount()).isEqualTo(3);
    assertThat(summary.view().sourceCount()).isEqualTo(3);
    assertThat(summary.evidence()).containsExactly("art-1", "art-2", "art-3");
    assertThat(band.largestClaim()).isEqualTo(key);
  }

  @Test
  void stockAndFlowsGiveABandNotASum() {
    send(fled("art-stock", "CN", "AU", 4000).cumulative(true).period("since 1990").keyed());
    send(fled("art-flow-1", "CN", "AU", 100).keyed());
    send(fled("art-flow-2", "CN", "AU", 200).keyed());

    Band band = totals("AU").asDestination().officialsFled();
    assertThat(band.low()).isEqualByComparingTo("4000");
    assertThat(band.high()).isEqualByComparingTo("4300");
    assertThat(band.claims()).isEqualTo(3);
    assertThat(band.sources()).isEqualTo(3);
  }

  @Test
  void newArticleVersionReplacesItsEarlierClaim() {
    Claim v1 = fled("art-v", "CN", "US", 500).keyed();
    send(v1);
    send(fled("art-other", "CN", "US", 80).keyed());
    assertThat(totals("US").asDestination().officialsFled().high()).isEqualByComparingTo("580");

    // Version 2 of the article corrects the figure: the processor retracts the old claim and sends the new one.
    send(v1.asRetraction());
    send(fled("art-v", "CN", "US", 700).article("art-v", "art-v-v2").keyed());

    Band band = totals("US").asDestination().officialsFled();
    assertThat(band.low()).isEqualByComparingTo("700");
    assertThat(band.high()).isEqualByComparingTo("780");
    assertThat(band.claims()).isEqualTo(2);
    assertThat(band.sources()).isEqualTo(2);
    assertThat(totals("CN").asOrigin().officialsFled().high()).isEqualByComparingTo("780");
  }

  @Test
  void retractingTheOnlySupportDropsTheClaimToZero() {
    Claim only = fled("art-gone", "RU", "AE", 30).keyed();
    send(only);
    assertThat(totals("AE").asDestination().officialsFled().high()).isEqualByComparingTo("30");

    send(only.asRetraction());
    CountryTotals ae = totals("AE");
    assertThat(ae.asDestination().officialsFled()).isEqualTo(Band.EMPTY);
    assertThat(ae.articles()).isZero();
  }

  @Test
  void staleRetractionOfAnOlderVersionChangesNothing() {
    Claim v1 = fled("art-s", "CN", "NZ", 12).keyed();
    Claim v2 = fled("art-s", "CN", "NZ", 12).article("art-s", "art-s-v2").keyed();
    send(v1);
    send(v2);
    send(v1.asRetraction());
    assertThat(totals("NZ").asDestination().officialsFled().sources()).isEqualTo(1);
  }

  @Test
  void namedPeopleCountOncePerNormalisedName() {
    Consumer<String[]> named = a -> send(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, a[1], "CA")
        .article(a[0], a[0] + "-v1").count(1L).namedPerson(a[2]).valueText(a[2]).outlet(a[0] + ".example")
        .publishedAt(MARCH).keyed());
    named.accept(new String[] {"art-n1", "CN", "Lin  Baoyu"});
    named.accept(new String[] {"art-n2", "CN", "lin baoyu"});
    // Same person, origin not stated: another canonical key, but the same individual.
    named.accept(new String[] {"art-n3", null, "Lín Bǎoyù"});
    named.accept(new String[] {"art-n4", "CN", "Qiao Wenhua"});

    Band band = totals("CA").asDestination().officialsFled();
    assertThat(band.namedPeople()).isEqualTo(2);
    assertThat(band.low()).isEqualByComparingTo("2");
    assertThat(band.high()).isEqualByComparingTo("2");
    assertThat(band.claims()).isEqualTo(2);
    assertThat(band.sources()).isEqualTo(4);

    // An aggregate figure may include the named people: low is the larger of the two, high adds them.
    send(fled("art-n5", "CN", "CA", 40).keyed());
    Band withAggregate = totals("CA").asDestination().officialsFled();
    assertThat(withAggregate.low()).isEqualByComparingTo("40");
    assertThat(withAggregate.high()).isEqualByComparingTo("42");
  }

  @Test
  void claimWithoutDestinationCountsForUnspecifiedAndItsOrigin() {
    send(Samples.moneyMoved());

    CountryTotals zz = totals("ZZ");
    assertThat(zz.name()).isEqualTo("Unspecified (no single country)");
    assertThat(zz.asDestination().moneyMovedUsd().low()).isEqualByComparingTo("41700000.00");
    assertThat(zz.asDestination().moneyMovedUsd().claims()).isEqualTo(1);

    CountryTotals cn = totals("CN");
    assertThat(cn.asOrigin().moneyMovedUsd().high()).isEqualByComparingTo("41700000.00");
    assertThat(cn.asDestination().moneyMovedUsd()).isEqualTo(Band.EMPTY);
  }

  @Test
  void vagueMoneyRangeSpansTheBand() {
    send(Samples.claim(3, ClaimKind.MONEY_MOVED_ABROAD, Subject.OFFICIALS, "NG", "GB").article("art-m1", "v1")
        .amountRange(new BigDecimal("10000000000"), new BigDecimal("100000000000")).currency("USD")
        .usd(null, new BigDecimal("10000000000"),
            new BigDecimal("100000000000")).valueText("tens of billions of dollars")
        .approximate(true).publishedAt(MARCH).keyed());
    send(Samples.claim(4, ClaimKind.MONEY_MOVED_ABROAD, Subject.OFFICIALS, "NG", "GB").article("art-m2", "v1")
        .amount(new BigDecimal("2500000"), "GBP").usd(new BigDecimal("3175000.00"), null, null)
        .valueText("2.5 million pounds").publishedAt(MARCH).keyed());

    Band band = totals("GB").asDestination().moneyMovedUsd();
    assertThat(band.low()).isEqualByComparingTo("10000000000.00");
    assertThat(band.high()).isEqualByComparingTo("100003175000.00");
    assertThat(band.claims()).isEqualTo(2);
  }

  @Test
  void monthlyTotalsFollowTheMonthOfFirstPublication() {
    send(fled("art-march", "CN", "TH", 10).publishedAt(MARCH).keyed());
    send(fled("art-april", "CN", "TH", 25).publishedAt(APRIL).keyed());
    // The March statistic reported again in April stays in March.
    send(fled("art-april-2", "CN", "TH", 10).publishedAt(APRIL).keyed());

    assertThat(month("TH", "2024-03").asDestination().officialsFled().high()).isEqualByComparingTo("10");
    assertThat(month("TH", "2024-03").asDestination().officialsFled().sources()).isEqualTo(2);
    assertThat(month("TH", "2024-04").asDestination().officialsFled().high()).isEqualByComparingTo("25");
    assertThat(month("TH", "2024-05")).isNull();
    assertThat(month("CN", "2024-04").asOrigin().officialsFled().claims()).isEqualTo(1);
    // The year is a band of its own claims: low = its largest claim (25), high = their sum (35).
    MonthlyTotals.Month year = stored(AggregatorTopology.YEARLY_TOTALS_STORE, StoreKeys.join("TH", "2024"));
    assertThat(year.asDestination().officialsFled().low()).isEqualByComparingTo("25");
    assertThat(year.asDestination().officialsFled().high()).isEqualByComparingTo("35");
    assertThat(year.asDestination().officialsFled().claims()).isEqualTo(2);
    assertThat(totals("TH").updatedAt()).isEqualTo(APRIL);
  }

  @Test
  void twoCumulativeFiguresOfOneSeriesCountOnceAndFlowsOfOtherYearsAddUp() {
    java.time.LocalDate since = java.time.LocalDate.of(2014, 1, 1);
    // "3,000 have fled since 2014" (2016) and "4,000 have fled since 2014" (2018): one running total, reported twice.
    Claim in2016 = fled("art-c16", "CN", "AU", 3000).cumulative(true).period("since 2014")
        .periodDates(since, java.time.LocalDate.of(2016, 6, 1)).keyed();
    Claim in2018 = fled("art-c18", "CN", "AU", 4000).cumulative(true).period("since 2014")
        .periodDates(since, java.time.LocalDate.of(2018, 6, 1)).keyed();
    send(in2018);
    send(in2016);
    // Flows of single years add up.
    send(fled("art-f17", "CN", "AU", 100).periodDates(java.time.LocalDate.of(2017, 1, 1),
        java.time.LocalDate.of(2017, 12, 31)).keyed());
    send(fled("art-f19", "CN", "AU", 50).periodDates(java.time.LocalDate.of(2019, 1, 1),
        java.time.LocalDate.of(2019, 12, 31)).keyed());
    Band band = totals("AU").asDestination().officialsFled();
    assertThat(band.claims()).isEqualTo(4);
    assertThat(band.low()).isEqualByComparingTo("4000");
    assertThat(band.high()).isEqualByComparingTo("4150");
    assertThat(totals("CN").asOrigin().officialsFled().high()).isEqualByComparingTo("4150");

    // The latest figure withdrawn: the series falls back to the one before.
    send(in2018.asRetraction());
    band = totals("AU").asDestination().officialsFled();
    assertThat(band.high()).isEqualByComparingTo("3150");
    assertThat(band.low()).isEqualByComparingTo("3000");
    assertThat(band.claims()).isEqualTo(3);
  }

  @Test
  void aFigureForAStatedYearCountsInThatYearNotTheYearItWasPublished() {
    // "In 2016, 40 officials fled to Thailand", reported in an article of April 2024.
    send(fled("art-2016", "CN", "TH", 40).publishedAt(APRIL)
        .periodDates(java.time.LocalDate.of(2016, 1, 1), java.time.LocalDate.of(2016, 12, 31)).keyed());
    // "Since 2014, 900 have fled": a period across years counts in the year of publication.
    send(fled("art-since", "CN", "TH", 900).publishedAt(APRIL)
        .periodDates(java.time.LocalDate.of(2014, 1, 1), java.time.LocalDate.of(2024, 4, 20)).keyed());
    MonthlyTotals.Month y2016 = stored(AggregatorTopology.YEARLY_TOTALS_STORE, StoreKeys.join("TH", "2016"));
    MonthlyTotals.Month y2024 = stored(AggregatorTopology.YEARLY_TOTALS_STORE, StoreKeys.join("TH", "2024"));
    assertThat(y2016.asDestination().officialsFled().high()).isEqualByComparingTo("40");
    assertThat(y2024.asDestination().officialsFled().high()).isEqualByComparingTo("900");
    assertThat(month("TH", "2024-04").asDestination().officialsFled().high()).isEqualByComparingTo("940");
  }

  @Test
  void theYearsAChangeTouchesArePublishedOnTheCompactedTopicAndAnEmptiedYearIsATombstone() {
    TestOutputTopic<String, CountryYear> years = driver.createOutputTopic(Topics.COUNTRY_YEARS.name(),
        Serdes.String().deserializer(), JsonSerde.of(CountryYear.class).deserializer());
    Claim in2016 = fled("art-y16", "CN", "TH", 40).publishedAt(APRIL)
        .periodDates(java.time.LocalDate.of(2016, 1, 1), java.time.LocalDate.of(2016, 12, 31)).keyed();
    send(in2016);
    Map<String, CountryYear> latest = years.readKeyValuesToMap();
    assertThat(latest).containsOnlyKeys("TH/2016", "CN/2016");
    assertThat(latest.get("TH/2016").asDestination().officialsFled().high()).isEqualByComparingTo("40");
    assertThat(latest.get("CN/2016").asOrigin().officialsFled().high()).isEqualByComparingTo("40");
    assertThat(latest.get("CN/2016").year()).isEqualTo("2016");

    send(in2016.asRetraction());
    Map<String, CountryYear> after = years.readKeyValuesToMap();
    assertThat(after).containsOnlyKeys("TH/2016", "CN/2016");
    assertThat(after.get("TH/2016")).isNull();
    assertThat(after.get("CN/2016")).isNull();
  }

  @Test
  void invalidClaimsGoToTheDeadLetterTopicWithAReason() {
    Claim bad = fled("art-bad", "CN", "XQ", 3).keyed();
    send(bad);
    Claim absurd = fled("art-absurd", "CN", "CA", -5).keyed();
    send(absurd);
    send(fled("art-good", "CN", "CA", 7).keyed());

    List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(header(dead.get(0), Topics.DLQ_REASON_HEADER)).contains("unknown destination country code: XQ");
    assertThat(header(dead.get(0), Topics.DLQ_SERVICE_HEADER)).isEqualTo("aggregator");
    assertThat(header(dead.get(1), Topics.DLQ_REASON_HEADER)).contains("count out of range");
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).contains("art-bad");
    assertThat(totals("XQ")).isNull();
    assertThat(totals("CA").asDestination().officialsFled().high()).isEqualByComparingTo("7");
  }

  private static String header(TestRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void totalsArePublishedToTheCompactedTopic() {
    send(fled("art-p", "CN", "CA", 9).keyed());
    Map<String, CountryTotals> latest = totalsOut.readKeyValuesToMap();
    assertThat(latest).containsOnlyKeys("CA", "CN");
    assertThat(latest.get("CA")).isEqualTo(totals("CA"));
  }

  @Test
  void sameInputGivesByteIdenticalOutputInFreshDrivers() {
    List<Claim> input = new ArrayList<>();
    input.add(fled("art-d1", "CN", "CA", 300).keyed());
    input.add(fled("art-d2", "CN", "CA", 300).keyed());
    input.add(Samples.namedFled());
    input.add(Samples.moneyMoved());
    input.add(Samples.returnedSince2015());
    input.add(fled("art-d1", "CN", "CA", 300).keyed().asRetraction());
    input.add(fled("art-d3", null, null, 50).publishedAt(null).keyed());

    List<String> first = runAndDump(input);
    List<String> second = runAndDump(input);
    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  private static List<String> runAndDump(List<Claim> input) {
    try (TopologyTestDriver d = new TopologyTestDriver(AggregatorTopology.build(Options.defaults()), props())) {
      TestInputTopic<String, Claim> in = d.createInputTopic(Topics.CLAIMS.name(), Serdes.String().serializer(),
          JsonSerde.of(Claim.class).serializer());
      TestOutputTopic<String, byte[]> out = d.createOutputTopic(Topics.COUNTRY_TOTALS.name(),
          Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
      Instant t = Instant.parse("2024-06-01T00:00:00Z");
      for (Claim c : input) {
        in.pipeInput(c.key(), c, t);
        t = t.plusSeconds(60);
      }
      List<String> dump = new ArrayList<>();
      for (TestRecord<String, byte[]> r : out.readRecordsToList()) {
        dump.add(r.key() + "=" + new String(r.value(), StandardCharsets.UTF_8));
      }
      return dump;
    }
  }

  @Test
  void describePinsOperatorAndStoreNames() {
    TopologyDescription description = AggregatorTopology.build(Options.defaults()).describe();
    List<String> nodes = new ArrayList<>();
    List<String> stores = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        nodes.add(node.name());
        if (node instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        }
        if (node instanceof TopologyDescription.Sink s && s.topic() != null) {
          topics.add(s.topic());
        }
      }
    }
    assertThat(nodes).contains("claims-source", "claim-check-", "claim-check-invalid", "claim-check-valid",
        "claim-dead-letter", "claims-dlq-sink", "claim-supports", "claims-by-country-repartition-sink",
        "claims-by-country-repartition-source", "country-ledger", "ledger-totals", "ledger-years",
        "country-totals-sink", "country-years-sink", "case-routing",
        "claims-by-case-repartition-sink", "claims-by-case-repartition-source", "case-ledger", "cases-sink");
    assertThat(nodes).noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-"));
    assertThat(stores).containsExactlyInAnyOrder(AggregatorTopology.CLAIM_SUPPORTS_STORE,
        AggregatorTopology.CLAIM_SUMMARIES_STORE, AggregatorTopology.CLAIM_OUTLETS_STORE,
        AggregatorTopology.CLAIM_COPIES_STORE, AggregatorTopology.CLAIM_RANK_STORE,
        AggregatorTopology.COUNTRY_CLAIMS_STORE, AggregatorTopology.COUNTRY_INDEX_STORE,
        AggregatorTopology.COUNTRY_COUNTS_STORE, AggregatorTopology.COUNTRY_TOTALS_STORE,
        AggregatorTopology.MONTHLY_TOTALS_STORE, AggregatorTopology.YEARLY_TOTALS_STORE,
        AggregatorTopology.CASE_EVENTS_STORE, AggregatorTopology.CASES_STORE);
    assertThat(topics).contains("claims-by-country-repartition", "claims-by-case-repartition", Topics.CASES.name(),
        Topics.COUNTRY_TOTALS.name(), Topics.COUNTRY_YEARS.name(), Topics.ARTICLES_DLQ.name());
    // Claim stage on the claims partitions; the country and case stages on their own repartition topics.
    assertThat(description.subtopologies()).hasSize(3);
  }
}
