package io.flightwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Article;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.FeedState;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.ingest.source.Source;
import io.flightwatch.ingest.source.Sources;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** The producer against a real local KRaft broker: exactly once across restarts, updates, continuous feed polling. */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class IngestIT {

  @TempDir
  static Path tmp;

  private static LocalKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = LocalKafka.start(tmp.resolve("kafka"), 0);
    kafka.createTopics(Topics.ALL);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Settings settings(String transactionalId) {
    return Settings.load(IngestConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        IngestConfig.TRANSACTIONAL_ID, transactionalId,
        IngestConfig.POLL_INTERVAL_MS, "1000",
        IngestConfig.PROGRESS, "never"));
  }

  private static IngestSummary runOnce(Settings s, List<Source> sources) {
    try (IngestApp app = new IngestApp(s, sources)) {
      return app.run();
    }
  }

  /** Every committed record of a topic, read with read_committed from the beginning to the last stable offset. */
  private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
    Properties p = KafkaDefaults.consumer(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        null);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream()
          .map(pi -> new TopicPartition(topic, pi.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        c.poll(Duration.ofMillis(100)).forEach(out::add);
        return parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
      });
    }
    return out;
  }

  /** Committed articles.raw records read from files under {@code dir} (the tests share one broker). */
  private static List<Article> rawFrom(Path dir) {
    return committed(Topics.ARTICLES_RAW.name()).stream()
        .map(r -> Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()))
        .filter(a -> a.source().startsWith(dir.toString()))
        .toList();
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void restartDoesNotRepublishAndAChangedFileIsExactlyOneNewVersion() throws IOException {
    Path dir = tmp.resolve("articles");
    write(dir.resolve("one.txt"), "Treasury official detained at border\nA senior treasury official was detained at"
        + " the northern border crossing with documents about foreign accounts.");
    write(dir.resolve("two.txt"), "Harbour master resigns\nThe harbour master resigned after auditors questioned"
        + " payments to a consulting firm based overseas.");
    write(dir.resolve("three.json"),
        "{\"title\": \"Governor's family leaves\", \"url\": \"https://n.example/gov?utm_source=x\","
        + " \"body\": \"The governor's family left for a neighbouring country on Sunday, officials said.\"}");
    write(dir.resolve("bad.jsonl"), "{not json}\n");
    Settings s = settings("ingest-it-dir");

    IngestSummary first = runOnce(s, List.of(Sources.path(new IngestConfig(s), dir)));
    assertThat(first.published()).isEqualTo(3);
    assertThat(first.skipped()).containsOnly(Map.entry("invalid_json", 1L));
    assertThat(rawFrom(dir)).hasSize(3);

    // A new process on the same input: everything is a duplicate, nothing is written.
    IngestSummary second = runOnce(s, List.of(Sources.path(new IngestConfig(s), dir)));
    assertThat(second.published()).isZero();
    assertThat(second.duplicates()).isEqualTo(3);
    assertThat(rawFrom(dir)).hasSize(3);

    // The JSON article (it has a URL) changes: one new version under the same id.
    write(dir.resolve("three.json"), "{\"title\": \"Governor's family leaves\", \"url\": \"https://n.example/gov\","
        + " \"body\": \"The governor's family left for a neighbouring country on Sunday night, officials said.\"}");
    IngestSummary third = runOnce(s, List.of(Sources.path(new IngestConfig(s), dir)));
    assertThat(third.updated()).isEqualTo(1);
    assertThat(third.published()).isZero();
    assertThat(third.duplicates()).isEqualTo(2);
    List<Article> raw = rawFrom(dir);
    assertThat(raw).hasSize(4);
    String govId = ArticleIds.hash("https://n.example/gov");
    List<Article> versions = raw.stream().filter(a -> a.id().equals(govId)).toList();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).body()).contains("Sunday night");

    // A text file without URL changes: its id is its path's, so it is one new version of the same article.
    write(dir.resolve("two.txt"), "Harbour master resigns\nThe harbour master resigned on Friday after auditors"
        + " questioned payments to a consulting firm based overseas.");
    IngestSummary fourth = runOnce(s, List.of(Sources.path(new IngestConfig(s), dir)));
    assertThat(fourth.published()).isZero();
    assertThat(fourth.updated()).isEqualTo(1);
    assertThat(rawFrom(dir)).hasSize(5);
    assertThat(rawFrom(dir).stream().filter(a -> a.id().equals(ArticleIds.localId("two.txt")))).hasSize(2);
    // ingest.seen remembers the last published version of each of the three ids (the compacted state).
    Map<String, String> seen = new java.util.HashMap<>();
    committed(Topics.INGEST_SEEN.name()).forEach(r -> seen.put(r.key(),
        Topics.INGEST_SEEN.valueSerde().deserializer().deserialize(r.topic(), r.value()).contentHash()));
    Map<String, String> latest = new java.util.HashMap<>();
    rawFrom(dir).forEach(a -> latest.put(a.id(), a.contentHash()));
    assertThat(latest).hasSize(3);
    assertThat(seen).containsAllEntriesOf(latest);
  }

  @Test
  void continuousPollingPublishesAFeedAndStoresItsState() {
    try (TestServer server = new TestServer()) {
      String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\" "
          + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
          + "<channel><title>Invented</title><link>https://inv.example/</link><description>d</description>"
          + "<item><title>Mining magnate's jet lands abroad</title><link>https://inv.example/jet</link>"
          + "<content:encoded><![CDATA[<p>A mining magnate under investigation landed abroad on Tuesday,"
          + " flight records showed.</p>]]></content:encoded></item></channel></rss>";
      server.route("/feed", ex -> {
        if ("\"f1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          ex.sendResponseHeaders(304, -1);
        } else {
          ex.getResponseHeaders().add("ETag", "\"f1\"");
          TestServer.send(ex, 200, "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8));
        }
      });
      Settings s = settings("ingest-it-feed");
      IngestApp app = new IngestApp(s, Sources.feeds(new IngestConfig(s), List.of(URI.create(server.url("/feed")))));
      try {
        app.start();
        // Two polls (interval 1 s): the second is conditional and answered 304.
        await().atMost(Duration.ofSeconds(30)).until(() -> server.requests("/feed").size() >= 2);
        assertThat(app.isRunning()).isTrue();
      } finally {
        app.close(Duration.ofSeconds(10));
      }
      assertThat(app.failure()).isNull();
      assertThat(app.summary().published()).isEqualTo(1);
      assertThat(server.requests("/feed").get(1).header("If-None-Match")).isEqualTo("\"f1\"");
      List<ConsumerRecord<String, byte[]>> raw = committed(Topics.ARTICLES_RAW.name());
      assertThat(raw).filteredOn(r -> r.key().equals(ArticleIds.hash("https://inv.example/jet"))).hasSize(1);
      List<FeedState> states = committed(Topics.INGEST_FEEDS.name()).stream()
          .filter(r -> r.key().equals(server.url("/feed")))
          .map(r -> Topics.INGEST_FEEDS.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
      assertThat(states).isNotEmpty();
      assertThat(states.get(states.size() - 1).etag()).isEqualTo("\"f1\"");
    }
  }
}
