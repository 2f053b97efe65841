package io.flightwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.aggregator.AggregatorApp;
import io.flightwatch.aggregator.AggregatorConfig;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.Json;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.ingest.IngestApp;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.IngestSummary;
import io.flightwatch.ingest.source.Sources;
import io.flightwatch.nlp.stream.ProcessorApp;
import io.flightwatch.nlp.stream.ProcessorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import io.flightwatch.common.service.StreamsServiceConfig;

/**
 * The whole pipeline on a real broker: producer -> processor (real CoreNLP) -> aggregator, on team-written articles.
 * Two outlets print the same "more than 1,000 officials fled to the United States": it must count once, with two
 * sources.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PipelineIT {

  @TempDir
  static Path tmp;

  static LocalKafka kafka;
  static AggregatorApp aggregator;
  static ProcessorApp processor;

  @BeforeAll
  static void startPipeline() {
    kafka = LocalKafka.start(tmp.resolve("kafka"), 0);
    kafka.createTopics(Topics.ALL);
    String bootstrap = kafka.bootstrapServers();
    aggregator = new AggregatorApp(Settings.load(AggregatorConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, bootstrap,
        StreamsServiceConfig.HTTP_PORT, "0",
        StreamsServiceConfig.STATE_DIR, tmp.resolve("state-agg").toString()))).start();
    processor = ProcessorApp.create(Settings.load(ProcessorConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, bootstrap,
        StreamsServiceConfig.HTTP_PORT, "0",
        StreamsServiceConfig.STATE_DIR, tmp.resolve("state-proc").toString()))).start();
  }

  @AfterAll
  static void stopPipeline() {
    if (processor != null) {
      processor.close(Duration.ofSeconds(30));
    }
    if (aggregator != null) {
      aggregator.close(Duration.ofSeconds(30));
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void articlesBecomeDeduplicatedCountryTotalsOnTheTopicAndOverRest() throws Exception {
    Path articles = Paths.get(PipelineIT.class.getResource("/pipeline-articles").toURI());
    Settings ingestSettings = Settings.load(IngestConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
    IngestSummary summary;
    try (IngestApp ingest = new IngestApp(ingestSettings,
        List.of(Sources.path(new IngestConfig(ingestSettings), articles)))) {
      summary = ingest.run();
    }
    assertThat(summary.published()).isEqualTo(4);

    Map<String, CountryTotals> totals = new ConcurrentHashMap<>();
    try (KafkaConsumer<String, CountryTotals> consumer = new KafkaConsumer<>(
        KafkaDefaults.consumer(Map.of("bootstrap.servers", kafka.bootstrapServers()), null),
        Topics.COUNTRY_TOTALS.keySerde().deserializer(), Topics.COUNTRY_TOTALS.valueSerde().deserializer())) {
      consumer.assign(kafka.admin().describeTopics(List.of(Topics.COUNTRY_TOTALS.name())).allTopicNames().get()
          .get(Topics.COUNTRY_TOTALS.name()).partitions().stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(Topics.COUNTRY_TOTALS.name(), p.partition())).toList());
      consumer.seekToBeginning(consumer.assignment());
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        for (ConsumerRecord<String, CountryTotals> r : consumer.poll(Duration.ofMillis(200))) {
          totals.put(r.key(), r.value());
        }
        assertThat(totals).containsKeys("US", "CA", "CN");
        assertThat(totals.get("US").asDestination().officialsFled().sources()).isEqualTo(2);
      });
    }

    CountryTotals us = totals.get("US");
    assertThat(us.asDestination().officialsFled().claims()).isEqualTo(1);
    assertThat(us.asDestination().officialsFled().high()).isEqualByComparingTo("1000");
    assertThat(totals.get("CA").asDestination().officialsFled().namedPeople()).isEqualTo(1);
    assertThat(totals.get("CN").asOrigin().officialsFled().claims()).isEqualTo(2);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> rest = http.send(HttpRequest.newBuilder(URI.create(aggregator.url() + "api/countries/US"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).isEqualTo(200);
    JsonNode fled = Json.MAPPER.readTree(rest.body()).path("kinds").path("officials_fled").path("destination");
    assertThat(fled.path("sources").asInt()).isEqualTo(2);
    assertThat(fled.path("high").decimalValue()).isEqualByComparingTo("1000");
  }
}
