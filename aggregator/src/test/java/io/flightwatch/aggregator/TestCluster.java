package io.flightwatch.aggregator;

import io.flightwatch.common.Claim;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.JsonSerde;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.flightwatch.common.service.StreamsServiceConfig;

/** Helpers shared by the integration tests: a real broker, aggregator instances, a producer and HTTP calls. */
final class TestCluster {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestCluster() {}

  static LocalKafka broker(Path dir) {
    LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), 0);
    kafka.createTopics(Topics.ALL);
    return kafka;
  }

  /** Settings of one instance on a free port, isolated from the environment. */
  static Settings settings(LocalKafka kafka, String applicationId, Path stateDir) {
    return settings(kafka, applicationId, stateDir, 100);
  }

  static Settings settings(LocalKafka kafka, String applicationId, Path stateDir, long commitIntervalMs) {
    return settings(kafka, applicationId, stateDir, commitIntervalMs, 0);
  }

  /** As above, on {@code httpPort} (a restarted instance answering where the page expects it). */
  static Settings settings(LocalKafka kafka, String applicationId, Path stateDir, long commitIntervalMs, int httpPort) {
    return Settings.load(AggregatorConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        StreamsServiceConfig.APPLICATION_ID, applicationId,
        StreamsServiceConfig.STATE_DIR, stateDir.toString(),
        StreamsServiceConfig.HTTP_PORT, String.valueOf(httpPort),
        StreamsServiceConfig.COMMIT_INTERVAL_MS, String.valueOf(commitIntervalMs)));
  }

  static void publish(LocalKafka kafka, Iterable<Claim> claims) {
    Properties p = KafkaDefaults.producer(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    // Not idempotent: a run of BoundedStateIT saw a second test producer get producer id 0 on the fresh broker and
    // retry OUT_OF_ORDER_SEQUENCE for ever; a resent claim is harmless here (the aggregator counts a claim per article
    // once).
    p.put(org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    try (KafkaProducer<String, Claim> producer = new KafkaProducer<>(p, new StringSerializer(),
        JsonSerde.of(Claim.class).serializer())) {
      for (Claim c : claims) {
        producer.send(new ProducerRecord<>(Topics.CLAIMS.name(), c.key(), c));
      }
      producer.flush();
    }
  }

  /** The latest value per country on country-totals (read_committed, from the beginning). */
  static Map<String, CountryTotals> latestTotals(LocalKafka kafka) {
    Properties p = KafkaDefaults.consumer(Map.of("bootstrap.servers", kafka.bootstrapServers()), null);
    p.put("enable.auto.commit", false);
    Map<String, CountryTotals> latest = new TreeMap<>();
    try (KafkaConsumer<String, CountryTotals> c = new KafkaConsumer<>(p, new StringDeserializer(),
        JsonSerde.of(CountryTotals.class).deserializer())) {
      List<TopicPartition> tps = c.partitionsFor(Topics.COUNTRY_TOTALS.name()).stream()
          .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, CountryTotals> r : c.poll(Duration.ofMillis(200))) {
          latest.put(r.key(), r.value());
        }
      }
    }
    return latest;
  }

  static HttpResponse<String> get(String baseUrl, String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path.substring(1))).timeout(Duration.ofSeconds(15)).GET()
        .build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
