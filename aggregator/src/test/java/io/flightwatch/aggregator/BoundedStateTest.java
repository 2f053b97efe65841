package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.aggregator.topology.AggregatorTopology.Options;
import io.flightwatch.aggregator.topology.ClaimSummary;
import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.aggregator.topology.StoreKeys;
import io.flightwatch.aggregator.topology.Support;
import io.flightwatch.common.Band;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.JsonSerde;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.common.TextFingerprint;
import io.flightwatch.common.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores that replaced the per-country ledger: what each holds, and that nothing grows with the supports. */
class BoundedStateTest {

  private static final Instant MAY = Instant.parse("2024-05-02T09:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, Claim> claims;
  private TestOutputTopic<String, byte[]> totalsOut;

  @TempDir
  Path stateDir;

  @BeforeEach
  void setUp() {
    driver = new TopologyTestDriver(AggregatorTopology.build(Options.defaults()),
        AggregatorTopologyTest.props(stateDir));
    claims = driver.createInputTopic(Topics.CLAIMS.name(), Serdes.String().serializer(),
        JsonSerde.of(Claim.class).serializer());
    totalsOut = driver.createOutputTopic(Topics.COUNTRY_TOTALS.name(), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(Claim c) {
    claims.pipeInput(c.key(), c, c.publishedAt() == null ? MAY : c.publishedAt());
  }

  private <V> V stored(String store, String key) {
    KeyValueStore<String, V> s = driver.getKeyValueStore(store);
    return s.get(key);
  }

  private CountryTotals totals(String iso) {
    return stored(AggregatorTopology.COUNTRY_TOTALS_STORE, iso);
  }

  private static Samples.ClaimBuilder fled(String article, String outlet, long count) {
    return Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "KE", "GB").article(article, article + "-v1")
        .count(count).valueText(String.valueOf(count)).quote("Some " + count + " officials have fled to Britain.")
        .url("https://" + outlet + "/story/" + article).outlet(null).publishedAt(MAY);
  }

  @Test
  void removingTheLargestClaimFallsBackToTheNextWithoutLosingTheSum() {
    Claim big = fled("art-big", "a.example", 900).keyed();
    send(big);
    send(fled("art-mid", "b.example", 300).keyed());
    send(fled("art-small", "c.example", 40).keyed());
    Band band = totals("GB").asDestination().officialsFled();
    assertThat(band.low()).isEqualByComparingTo("900");
    assertThat(band.high()).isEqualByComparingTo("1240");
    assertThat(band.largestClaim()).isEqualTo(big.key());

    send(big.asRetraction());
    band = totals("GB").asDestination().officialsFled();
    assertThat(band.low()).isEqualByComparingTo("300");
    assertThat(band.high()).isEqualByComparingTo("340");
    assertThat(band.claims()).isEqualTo(2);
    assertThat(band.largestClaim()).isEqualTo(fled("art-mid", "b.example", 300).keyed().key());
    assertThat(totals("GB").articles()).isEqualTo(2);
    assertThat(totals("KE").asOrigin().officialsFled().low()).isEqualByComparingTo("300");
  }

  @Test
  void articleUpdateReplacesTheRepresentativeInEveryStore() {
    Claim early = fled("art-early", "a.example", 120).approximate(true).keyed();
    Claim precise = fled("art-precise", "b.example", 120).publishedAt(MAY.plusSeconds(3600)).keyed();
    send(early);
    send(precise);
    ClaimSummary summary = stored(AggregatorTopology.CLAIM_SUMMARIES_STORE, early.key());
    // A precise figure represents the claim before an approximate one, whatever arrived first.
    assertThat(summary.evidence()).containsExactly("art-precise", "art-early");
    assertThat(summary.firstArticle()).isEqualTo("art-early");

    // The precise article's new version no longer makes the claim: its support is withdrawn everywhere.
    send(precise.asRetraction());
    summary = stored(AggregatorTopology.CLAIM_SUMMARIES_STORE, early.key());
    assertThat(summary.evidence()).containsExactly("art-early");
    assertThat(summary.view().approximate()).isTrue();
    assertThat(summary.view().articleCount()).isEqualTo(1);
    assertThat(summary.view().sourceCount()).isEqualTo(1);
    assertThat((Support) stored(AggregatorTopology.CLAIM_SUPPORTS_STORE, StoreKeys.join(early.key(), "art-precise")))
        .isNull();
    assertThat((Long) stored(AggregatorTopology.CLAIM_OUTLETS_STORE, StoreKeys.join(early.key(), "b.example")))
        .isNull();
    ClaimView row = stored(AggregatorTopology.COUNTRY_CLAIMS_STORE, StoreKeys.join("GB", "destination", early.key()));
    assertThat(row.sources()).extracting(ClaimView.Source::articleId).containsExactly("art-early");
    assertThat(totals("GB").asDestination().officialsFled().sources()).isEqualTo(1);
    assertThat(totals("GB").articles()).isEqualTo(1);

    send(early.asRetraction());
    assertThat((ClaimSummary) stored(AggregatorTopology.CLAIM_SUMMARIES_STORE, early.key())).isNull();
    assertThat((ClaimView) stored(AggregatorTopology.COUNTRY_CLAIMS_STORE,
        StoreKeys.join("GB", "destination", early.key()))).isNull();
    assertThat(totals("GB").asDestination().officialsFled()).isEqualTo(Band.EMPTY);
    assertThat(totals("GB").articles()).isZero();
  }

  @Test
  void oneOutletIsOneSourceAndASyndicatedCopyCountsWithItsOriginal() {
    // Article-length texts (about 600 words): a copy adds a wire credit and a headline; the independent report covers
    // the same event in its own words.
    String story = paragraphs("the finance ministry said", "officials had left for Britain");
    String copy = "Wire report, London. Ministry says officials left. " + story + " Copyright the wire service.";
    String independent = paragraphs("an opposition deputy told parliament",
        "clerks and their families had settled in London");
    assertThat(TextFingerprint.distance(TextFingerprint.of(story), TextFingerprint.of(copy)))
        .isLessThanOrEqualTo(TextFingerprint.COPY_DISTANCE);
    assertThat(TextFingerprint.distance(TextFingerprint.of(story), TextFingerprint.of(independent)))
        .isGreaterThan(TextFingerprint.COPY_DISTANCE);

    send(fled("art-wire", "wirenews.com", 300).fingerprint(TextFingerprint.of(story)).keyed());
    send(fled("art-syndicated", "www.dailyherald.co.uk", 300).fingerprint(TextFingerprint.of(copy)).keyed());
    send(fled("art-same-outlet", "mobile.wirenews.com", 300).keyed());
    Band band = totals("GB").asDestination().officialsFled();
    assertThat(band.claims()).isEqualTo(1);
    assertThat(band.sources()).isEqualTo(1);
    assertThat(totals("GB").articles()).isEqualTo(3);

    send(fled("art-own-words", "www.tribune.com.au", 300).fingerprint(TextFingerprint.of(independent)).keyed());
    assertThat(totals("GB").asDestination().officialsFled().sources()).isEqualTo(2);
  }

  private static String paragraphs(String who, String what) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      sb.append("In its statement number ").append(i).append(' ').append(who).append(" that ").append(i * 7 % 23)
          .append(' ').append(what).append(" during audit round ").append(i % 5).append(". ");
    }
    return sb.toString();
  }

  @Test
  void aNamedClaimWhoseOriginChangesMovesWithItsArticles() {
    Samples.ClaimBuilder named = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, null, "CA")
        .count(1L).namedPerson("Oren Valtice").valueText("Oren Valtice").publishedAt(MAY.plusSeconds(60));
    send(named.article("art-n1", "v1").outlet("one.example").keyed());
    send(named.article("art-n2", "v1").outlet("two.example").keyed());
    assertThat(totals("ZZ").asOrigin().officialsFled().namedPeople()).isEqualTo(1);
    assertThat(totals("ZZ").articles()).isEqualTo(2);

    // An earlier report names his home country: it becomes the representative and the claim's origin.
    send(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "RO", "CA").count(1L)
        .namedPerson("Oren Valtice").valueText("Oren Valtice").article("art-n0", "v1").outlet("three.example")
        .publishedAt(MAY).keyed());
    assertThat(totals("ZZ").asOrigin().officialsFled()).isEqualTo(Band.EMPTY);
    assertThat(totals("ZZ").articles()).isZero();
    assertThat(totals("RO").asOrigin().officialsFled().namedPeople()).isEqualTo(1);
    assertThat(totals("RO").articles()).isEqualTo(3);
    assertThat(totals("CA").asDestination().officialsFled().sources()).isEqualTo(3);
    assertThat(totals("CA").articles()).isEqualTo(3);
  }

  @Test
  void neitherStoreEntriesNorRecordsGrowWithTheSupportsOfOneStatistic() {
    String longQuote = "Officials fled to Britain. ".repeat(4_000); // about 108 KB
    int articles = 400;
    for (int i = 0; i < articles; i++) {
      send(fled("art-" + i, "outlet-" + i + ".example", 2_000).quote(longQuote).keyed());
    }
    String key = fled("art-0", "x", 2_000).keyed().key();
    ClaimSummary summary = stored(AggregatorTopology.CLAIM_SUMMARIES_STORE, key);
    assertThat(summary.view().articleCount()).isEqualTo(articles);
    assertThat(summary.view().sourceCount()).isEqualTo(articles);
    assertThat(summary.view().sources()).hasSize(ClaimView.EVIDENCE);
    assertThat(JsonSerde.of(ClaimSummary.class).serialize("t", summary).length).isLessThan(8_000);
    Support one = stored(AggregatorTopology.CLAIM_SUPPORTS_STORE, StoreKeys.join(key, "art-7"));
    assertThat(one.claim().quote().length()).isLessThanOrEqualTo(2_000);

    List<TestRecord<String, byte[]>> out = totalsOut.readRecordsToList();
    assertThat(out).hasSizeGreaterThanOrEqualTo(articles);
    int first = out.get(0).value().length;
    int largest = out.stream().mapToInt(r -> r.value().length).max().orElseThrow();
    assertThat(largest).isLessThan(first + 200).isLessThan(4_000);
    assertThat(totals("GB").asDestination().officialsFled().sources()).isEqualTo(articles);
  }
}
