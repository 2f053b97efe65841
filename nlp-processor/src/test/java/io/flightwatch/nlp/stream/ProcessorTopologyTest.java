package io.flightwatch.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.flightwatch.common.service.StreamsServiceConfig;

class ProcessorTopologyTest {

  private static final Instant FETCHED = Instant.parse("2025-02-03T10:00:00Z");

  @TempDir
  Path stateDir;

  private ProcessorMetrics metrics;
  private FakeAnnotator.CountingSupplier annotators;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> raw;
  private TestOutputTopic<String, AnnotatedArticle> annotated;
  private TestOutputTopic<String, Claim> claims;
  private TestOutputTopic<byte[], byte[]> dlq;

  /** The processor's own Streams properties (exactly-once, the DLQ handlers, the transaction timeout). */
  static Properties props(java.nio.file.Path stateDir, ProcessorMetrics metrics) {
    return ProcessorApp.streamsProps(io.flightwatch.common.Settings.load(ProcessorConfig.definition(), null,
        java.util.Map.of(), java.util.Map.of(io.flightwatch.common.CommonConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9",
            StreamsServiceConfig.APPLICATION_ID, "processor-topology-test", StreamsServiceConfig.STATE_DIR,
            stateDir.toString())),
        metrics);
  }

  @BeforeEach
  void start() {
    metrics = ProcessorMetrics.unregistered();
    annotators = new FakeAnnotator.CountingSupplier();
    Topology topology = ProcessorTopology.build(new ProcessorTopology.Options(metrics), annotators);
    driver = new TopologyTestDriver(topology, props(stateDir, metrics));
    raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
    annotated = driver.createOutputTopic(Topics.ARTICLES_ANNOTATED.name(),
        Topics.ARTICLES_ANNOTATED.keySerde().deserializer(), Topics.ARTICLES_ANNOTATED.valueSerde().deserializer());
    claims = driver.createOutputTopic(Topics.CLAIMS.name(), Topics.CLAIMS.keySerde().deserializer(),
        Topics.CLAIMS.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.ARTICLES_DLQ.name(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Article article(String id, String title, String body, String hash) {
    return new Article(id, "https://example.test/" + id, "test-feed", title, body, "en",
        Instant.parse("2025-02-01T08:00:00Z"), FETCHED, hash);
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(Article a) {
    return Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), a);
  }

  private void send(Article a) {
    raw.pipeInput(bytes(a.id()), json(a));
  }

  @Test
  void describePinsTheNamesOfEveryNodeAndStore() {
    TopologyDescription d = ProcessorTopology.build(ProcessorTopology.Options.defaults(),
        FakeAnnotator::new).describe();
    assertThat(d.subtopologies()).hasSize(1);
    assertThat(d.globalStores()).isEmpty();
    Set<String> nodes = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Node n : d.subtopologies().iterator().next().nodes()) {
      nodes.add(n.name());
      if (n instanceof TopologyDescription.Processor p) {
        stores.addAll(p.stores());
      }
      if (n instanceof TopologyDescription.Sink s) {
        assertThat(s.topic()).isEqualTo(switch (s.name()) {
          case ProcessorTopology.ANNOTATED_SINK -> "articles.annotated";
          case ProcessorTopology.CLAIMS_SINK -> "claims";
          case ProcessorTopology.DLQ_SINK -> "articles.dlq";
          default -> "unexpected sink " + s.name();
        });
      }
      if (n instanceof TopologyDescription.Source s) {
        assertThat(s.topicSet()).containsExactly("articles.raw");
      }
    }
    assertThat(nodes).containsExactly("article-processor", "articles-annotated-sink", "articles-dlq-sink",
        "articles-raw-source", "claims-sink");
    assertThat(stores).containsExactly("article-claims-store");
  }

  @Test
  void anArticleIsAnnotatedAndItsClaimsArePublishedUnderTheirCanonicalKeys() {
    send(article("art-1", "Two ministers gone", "They left. [fled CN>CA 3] Also [moved CN>US 5000000 USD].", "v1"));

    List<TestRecord<String, AnnotatedArticle>> out = annotated.readRecordsToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key()).isEqualTo("art-1");
    assertThat(out.get(0).value().articleVersion()).isEqualTo("v1");
    assertThat(out.get(0).value().claims()).hasSize(2);

    List<TestRecord<String, Claim>> cs = claims.readRecordsToList();
    assertThat(cs).extracting(r -> r.value().kind())
        .containsExactly(ClaimKind.OFFICIALS_FLED, ClaimKind.MONEY_MOVED_ABROAD);
    for (TestRecord<String, Claim> r : cs) {
      assertThat(r.key()).isEqualTo(ClaimKeys.canonical(r.value())).isEqualTo(r.value().key());
      assertThat(r.value().retracted()).isFalse();
      assertThat(r.value().articleId()).isEqualTo("art-1");
    }
    assertThat(cs.get(0).key()).isEqualTo("officials_fled|officials|CN|CA|3|-");
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(metrics.processedCount()).isEqualTo(1);
    assertThat(metrics.claimsCount()).isEqualTo(2);
    assertThat(metrics.offTopicCount()).isZero();
  }

  @Test
  void aClaimWithoutKeyGetsTheCanonicalKey() {
    send(article("art-2", "Aide leaves", "An aide left. [unkeyed CN>GB 1]", "v1"));

    TestRecord<String, Claim> r = claims.readRecord();
    assertThat(r.key()).isEqualTo("officials_fled|officials|CN|GB|1|-");
    assertThat(r.value().key()).isEqualTo(r.key());
    assertThat(annotated.readValue().claims().get(0).key()).isEqualTo(r.key());
  }

  @Test
  void theSameVersionTwiceEmitsItsClaimsOnce() {
    Article a = article("art-3", "Officials fled", "[fled CN>AU 12]", "v1");
    send(a);
    send(a);

    assertThat(claims.readRecordsToList()).hasSize(1);
    assertThat(annotated.readRecordsToList()).hasSize(1);
    assertThat(metrics.duplicateCount()).isEqualTo(1);
    assertThat(metrics.processedCount()).isEqualTo(1);
  }

  @Test
  void aNewVersionRetractsEveryEarlierClaimBeforeItsOwnClaims() {
    send(article("art-4", "Money moved", "[fled CN>CA 3] and [moved CN>US 5000000 USD]", "v1"));
    List<Claim> first = claims.readValuesToList();
    send(article("art-4", "Money moved (corrected)", "Correction: [fled CN>NZ 4]", "v2"));

    List<TestRecord<String, Claim>> second = claims.readRecordsToList();
    assertThat(second).hasSize(3);
    // the two retractions come first, with the keys and version of the claims they withdraw
    for (int i = 0; i < 2; i++) {
      Claim r = second.get(i).value();
      assertThat(r.retracted()).isTrue();
      assertThat(r.key()).isEqualTo(first.get(i).key()).isEqualTo(second.get(i).key());
      assertThat(r.articleVersion()).isEqualTo("v1");
    }
    Claim fresh = second.get(2).value();
    assertThat(fresh.retracted()).isFalse();
    assertThat(fresh.destination()).isEqualTo("NZ");
    assertThat(fresh.articleVersion()).isEqualTo("v2");
    assertThat(metrics.retractionsCount()).isEqualTo(2);

    KeyValueStore<String, ArticleClaimsState> store = driver.getKeyValueStore(ProcessorTopology.CLAIMS_STORE);
    assertThat(store.get("art-4").version()).isEqualTo("v2");
    assertThat(store.get("art-4").claims()).extracting(Claim::destination).containsExactly("NZ");

    // an old version redelivered after the new one is a change again (last processed wins, as the partition orders
    // them)
    send(article("art-4", "Money moved (corrected)", "Correction: [fled CN>NZ 4]", "v2"));
    assertThat(claims.isEmpty()).isTrue();
  }

  @Test
  void aTombstoneRetractsTheArticlesClaims() {
    send(article("art-5", "Fled", "[fled CN>TH 2]", "v1"));
    Claim c = claims.readValue();
    raw.pipeInput(bytes("art-5"), (byte[]) null);

    Claim r = claims.readValue();
    assertThat(r.retracted()).isTrue();
    assertThat(r.key()).isEqualTo(c.key());
    assertThat(claims.isEmpty()).isTrue();
    assertThat(annotated.readRecordsToList()).hasSize(1);
    assertThat(driver.<String, ArticleClaimsState>getKeyValueStore(ProcessorTopology.CLAIMS_STORE).get("art-5"))
        .isNull();
    // a tombstone for an article never seen does nothing
    raw.pipeInput(bytes("unknown"), (byte[]) null);
    assertThat(claims.isEmpty()).isTrue();
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void anAnnotatorFailureGoesToTheDlqAndTheNextRecordIsStillProcessed() {
    Article bad = article("art-6", "Breaks the pipeline", "[boom] [fled CN>CA 1]", "v1");
    byte[] badBytes = json(bad);
    RecordHeaders original = new RecordHeaders();
    original.add("trace-id", bytes("abc"));
    raw.pipeInput(new TestRecord<>(bytes("art-6"), badBytes, original));
    send(article("art-7", "Fine", "[fled CN>SG 2]", "v1"));

    TestRecord<byte[], byte[]> d = dlq.readRecord();
    assertThat(d.key()).isEqualTo(bytes("art-6"));
    assertThat(d.value()).isEqualTo(badBytes);
    assertThat(DlqHeaders.get(d.headers(), Topics.DLQ_REASON_HEADER)).isEqualTo("annotator_error");
    assertThat(DlqHeaders.get(d.headers(), Topics.DLQ_SERVICE_HEADER)).isEqualTo("nlp-processor");
    assertThat(DlqHeaders.get(d.headers(), Topics.DLQ_SOURCE_TOPIC_HEADER)).isEqualTo("articles.raw");
    assertThat(DlqHeaders.get(d.headers(), DlqHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
    assertThat(DlqHeaders.get(d.headers(), DlqHeaders.EXCEPTION_MESSAGE)).contains("fake annotator failure on art-6");
    assertThat(DlqHeaders.get(d.headers(), DlqHeaders.STACKTRACE)).contains("FakeAnnotator.annotate");
    assertThat(DlqHeaders.get(d.headers(), DlqHeaders.OFFSET)).isEqualTo("0");
    assertThat(DlqHeaders.get(d.headers(), "trace-id")).isEqualTo("abc");
    assertThat(dlq.isEmpty()).isTrue();

    assertThat(claims.readValuesToList()).extracting(Claim::articleId).containsExactly("art-7");
    assertThat(annotated.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("art-7");
    assertThat(metrics.dlqCount(DlqReason.ANNOTATOR_ERROR)).isEqualTo(1);
    // the failed version was not recorded: the same record arriving again (after a fix) is tried again
    assertThat(driver.<String, ArticleClaimsState>getKeyValueStore(ProcessorTopology.CLAIMS_STORE).get("art-6"))
        .isNull();
  }

  @Test
  void anArticleWithoutContentHashIsProcessedWithAWarning() {
    Article a = article("art-8", "No hash", "[fled CN>CA 1]", null);
    send(a);
    AnnotatedArticle out = annotated.readValue();
    assertThat(out.articleVersion()).hasSize(32);
    assertThat(out.processing().warnings()).contains("contentHash missing; computed from title and body");
    send(a);
    assertThat(claims.readValuesToList()).hasSize(1);
    assertThat(metrics.duplicateCount()).isEqualTo(1);
  }

  @Test
  void anOffTopicArticleIsPublishedWithoutClaimsAndCounted() {
    send(article("art-9", "Weather", "Rain is expected on Sunday across the coast.", "v1"));
    assertThat(annotated.readValue().processing().relevant()).isFalse();
    assertThat(claims.isEmpty()).isTrue();
    assertThat(metrics.offTopicCount()).isEqualTo(1);
  }

  @Test
  void oneAnnotatorServesEveryRecordOfTheThread() {
    for (int i = 0; i < 5; i++) {
      send(article("many-" + i, "Item " + i, "[fled CN>CA " + (i + 1) + "]", "v1"));
    }
    assertThat(claims.readRecordsToList()).hasSize(5);
    assertThat(annotators.built.get()).isEqualTo(1);
  }

  static Stream<Arguments> badInput() {
    String ok = "{\"id\":\"k1\",\"title\":\"A title\",\"body\":\"Some words here.\",\"contentHash\":\"h\"}";
    return Stream.of(
        Arguments.of("zero bytes", bytes("k1"), new byte[0], DlqReason.EMPTY_RECORD),
        Arguments.of("invalid UTF-8", bytes("k1"), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x41},
            DlqReason.BINARY),
        Arguments.of("control bytes", bytes("k1"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 0x7B}, DlqReason.BINARY),
        Arguments.of("not JSON", bytes("k1"), bytes("hello there"), DlqReason.INVALID_JSON),
        Arguments.of("truncated JSON", bytes("k1"), bytes("{\"id\":\"k1\",\"title\":\"A ti"), DlqReason.INVALID_JSON),
        Arguments.of("JSON array", bytes("k1"), bytes("[1,2,3]"), DlqReason.INVALID_JSON),
        Arguments.of("JSON null", bytes("k1"), bytes("null"), DlqReason.INVALID_JSON),
        Arguments.of("date of wrong format", bytes("k1"),
            bytes("{\"id\":\"k1\",\"title\":\"T\",\"body\":\"B\",\"publishedAt\":\"last Tuesday\"}"),
            DlqReason.INVALID_FIELD),
        Arguments.of("object as title", bytes("k1"), bytes("{\"id\":\"k1\",\"title\":{\"a\":1},\"body\":\"B\"}"),
            DlqReason.INVALID_FIELD),
        Arguments.of("no key", null, bytes(ok), DlqReason.MISSING_KEY),
        Arguments.of("blank key", bytes("  "), bytes(ok), DlqReason.MISSING_KEY),
        Arguments.of("key not UTF-8", new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes(ok), DlqReason.INVALID_KEY),
        Arguments.of("no id", bytes("k1"), bytes("{\"title\":\"A title\",\"body\":\"Some words.\"}"),
            DlqReason.MISSING_ID),
        Arguments.of("huge id", bytes("k1"), bytes("{\"id\":\"" + "x".repeat(300) + "\",\"title\":\"T\"}"),
            DlqReason.INVALID_ID),
        Arguments.of("id differs from key", bytes("k2"), bytes(ok), DlqReason.ID_MISMATCH),
        Arguments.of("empty title and body", bytes("k1"), bytes("{\"id\":\"k1\",\"title\":\" \",\"body\":\"\"}"),
            DlqReason.EMPTY_TEXT),
        Arguments.of("escaped binary body", bytes("k1"),
            bytes("{\"id\":\"k1\",\"title\":\"x\",\"body\":\"" + "\\u0001\\u0002\\u0003\\ufffd".repeat(50) + "\"}"),
            DlqReason.BINARY_TEXT));
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("badInput")
  void badInputGoesToTheDlqWithItsReasonAndOriginalBytes(String name, byte[] key, byte[] value, DlqReason reason) {
    raw.pipeInput(key, value);
    send(article("after-" + reason.wireName(), "Next", "[fled CN>CA 1]", "v1"));

    TestRecord<byte[], byte[]> d = dlq.readRecord();
    assertThat(DlqHeaders.get(d.headers(), Topics.DLQ_REASON_HEADER)).isEqualTo(reason.wireName());
    assertThat(DlqHeaders.get(d.headers(), Topics.DLQ_SERVICE_HEADER)).isEqualTo("nlp-processor");
    assertThat(DlqHeaders.get(d.headers(), Topics.DLQ_SOURCE_TOPIC_HEADER)).isEqualTo("articles.raw");
    assertThat(DlqHeaders.get(d.headers(), DlqHeaders.DETAIL)).isNotBlank();
    assertThat(DlqHeaders.get(d.headers(), DlqHeaders.TOPIC)).isEqualTo("articles.raw");
    assertThat(d.key()).isEqualTo(key);
    assertThat(d.value()).isEqualTo(value);
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(metrics.dlqCount(reason)).isEqualTo(1);
    // nothing of the bad record reached the outputs, and the next record went through
    assertThat(claims.readValuesToList()).extracting(Claim::articleId).containsExactly("after-" + reason.wireName());
    assertThat(annotated.readValuesToList()).hasSize(1);
  }
}
