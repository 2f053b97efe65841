package io.flightwatch.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.common.kafka.DlqHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import io.flightwatch.common.service.StreamsServiceConfig;

/** The processor on a real local broker, with the fake annotator: outputs, DLQ headers, health and metrics. */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessorIT {

  @TempDir
  static Path tmp;

  private LocalKafka kafka;
  private ProcessorApp app;
  private KafkaProducer<byte[], byte[]> producer;
  private final List<ConsumerRecord<byte[], byte[]>> claims = new CopyOnWriteArrayList<>();
  private final List<ConsumerRecord<byte[], byte[]>> dlq = new CopyOnWriteArrayList<>();
  private KafkaConsumer<byte[], byte[]> consumer;
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeAnnotator.CountingSupplier annotators = new FakeAnnotator.CountingSupplier();

  @BeforeAll
  void startBrokerAndProcessor() {
    kafka = LocalKafka.start(tmp.resolve("kafka"), 0);
    kafka.createTopics(Topics.ALL);
    Settings settings = Settings.load(ProcessorConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        StreamsServiceConfig.APPLICATION_ID, "processor-it",
        StreamsServiceConfig.STATE_DIR, tmp.resolve("state").toString(),
        StreamsServiceConfig.COMMIT_INTERVAL_MS, "100",
        StreamsServiceConfig.HTTP_PORT, "0",
        StreamsServiceConfig.NUM_STREAM_THREADS, "2"));
    app = new ProcessorApp(settings, annotators).start();
    Map<String, Object> client = Map.of(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    producer = new KafkaProducer<>(KafkaDefaults.producer(client), new ByteArraySerializer(),
        new ByteArraySerializer());
    Properties cp = KafkaDefaults.consumer(client, null);
    consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.assign(List.of());
    List<org.apache.kafka.common.TopicPartition> parts = new ArrayList<>();
    for (int p = 0; p < Topics.CLAIMS.partitions(); p++) {
      parts.add(new org.apache.kafka.common.TopicPartition(Topics.CLAIMS.name(), p));
    }
    parts.add(new org.apache.kafka.common.TopicPartition(Topics.ARTICLES_DLQ.name(), 0));
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
  }

  @AfterAll
  void stopEverything() {
    if (consumer != null) {
      consumer.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (app != null) {
      app.close(Duration.ofSeconds(30));
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private void poll() {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      (r.topic().equals(Topics.CLAIMS.name()) ? claims : dlq).add(r);
    }
  }

  private void send(String key, byte[] value) {
    producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), key == null ? null : bytes(key), value));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(Article a) {
    return Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), a);
  }

  private static Article article(String id, String body) {
    return new Article(id, "https://example.test/" + id, "it", "Report " + id, body, "en",
        Instant.parse("2025-03-01T12:00:00Z"), Instant.parse("2025-03-01T12:05:00Z"), "v1-" + id);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return DlqHeaders.get(r.headers(), name);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(app.httpUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void processesGoodRecordsRoutesBadOnesToTheDlqAndStaysRunning() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);

    send("good-1", json(article("good-1", "Two officials left. [fled CN>CA 2] [moved CN>US 7000000 USD]")));
    send("bad-json", bytes("{\"id\": \"bad-json\", \"title\": "));
    send("bad-binary", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0});
    send("no-id", bytes("{\"title\":\"A title without id\",\"body\":\"Some words.\"}"));
    send("boom-1", json(article("boom-1", "This one breaks the annotator [boom]")));
    send("good-2", json(article("good-2", "One more. [fled RU>AE 5]")));
    producer.flush();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      poll();
      assertThat(claims).hasSize(3);
      assertThat(dlq).hasSize(4);
    });

    for (ConsumerRecord<byte[], byte[]> r : claims) {
      Claim c = Topics.CLAIMS.valueSerde().deserializer().deserialize(r.topic(), r.value());
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(ClaimKeys.canonical(c));
    }
    assertThat(dlq).extracting(r -> header(r, Topics.DLQ_REASON_HEADER))
        .containsExactlyInAnyOrder("invalid_json", "binary", "missing_id", "annotator_error");
    for (ConsumerRecord<byte[], byte[]> r : dlq) {
      assertThat(header(r, Topics.DLQ_SERVICE_HEADER)).isEqualTo("nlp-processor");
      assertThat(header(r, Topics.DLQ_SOURCE_TOPIC_HEADER)).isEqualTo("articles.raw");
      assertThat(header(r, DlqHeaders.OFFSET)).isNotNull();
    }
    ConsumerRecord<byte[], byte[]> binary = dlq.stream()
        .filter(r -> "binary".equals(header(r, Topics.DLQ_REASON_HEADER))).findFirst().orElseThrow();
    assertThat(binary.value()).startsWith((byte) 0xFF, (byte) 0xD8);
    ConsumerRecord<byte[], byte[]> boom = dlq.stream()
        .filter(r -> "annotator_error".equals(header(r, Topics.DLQ_REASON_HEADER))).findFirst().orElseThrow();
    assertThat(header(boom, DlqHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());

    // the same version again produces nothing: once the next article's claim is visible, the duplicate was committed
    // too
    send("good-1", json(article("good-1", "Two officials left. [fled CN>CA 2] [moved CN>US 7000000 USD]")));
    producer.flush();
    await().atMost(Duration.ofSeconds(30)).until(() -> app.metrics().duplicateCount() == 1);
    send("good-3", json(article("good-3", "Later. [fled NG>GB 1]")));
    producer.flush();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      poll();
      assertThat(claims).hasSize(4);
    });
    assertThat(claims.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"good-1\"")))
        .hasSize(2);

    assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"state\":\"RUNNING\"").contains("\"status\":\"UP\"")
        .contains("\"threads\":2");
    // six partitions over two threads: one annotator per thread, not one per task (six)
    assertThat(annotators.built.get()).isEqualTo(2);

    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("flightwatch_processor_dlq_total{reason=\"binary\"} 1.0")
        .contains("flightwatch_processor_dlq_total{reason=\"annotator_error\"} 1.0")
        .contains("flightwatch_processor_claims_emitted_total 4.0")
        .contains("flightwatch_processor_articles_duplicate_total 1.0")
        .contains("kafka_stream_");
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);

    // The store's changelog, created by Streams, accepts the records our producers may send, not the broker's default.
    String changelog = "processor-it-" + ProcessorTopology.CLAIMS_STORE + "-changelog";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, changelog);
      Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
      ConfigEntry max = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      assertThat(max.value()).isEqualTo(String.valueOf(KafkaDefaults.MAX_RECORD_BYTES));
      // set on the topic itself: the local broker's own 16 MB default would not carry over to another cluster
      assertThat(max.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }
  }
}
