package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.kafka.KafkaDefaults;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link Topics} is the one definition of the topics; the compose file's topic-init service and the overview table of
 * docs/topics.md restate it, so they are checked against it here.
 */
class TopicsTest {

  static final Path ROOT = SchemaContractTest.DOCS.getParent();

  @Test
  void everyTopicConstantIsInAll() throws IllegalAccessException {
    List<TopicSpec<?, ?>> declared = new ArrayList<>();
    for (Field f : Topics.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == TopicSpec.class) {
        declared.add((TopicSpec<?, ?>) f.get(null));
      }
    }
    assertThat(Topics.ALL).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(Topics.ALL.stream().map(TopicSpec::name)).doesNotHaveDuplicates();
  }

  @Test
  void newTopicCarriesPartitionsReplicationAndCleanupPolicy() {
    NewTopic totals = Topics.COUNTRY_TOTALS.newTopic((short) 1);
    assertThat(totals.name()).isEqualTo("country-totals");
    assertThat(totals.numPartitions()).isEqualTo(Topics.PARTITIONS);
    assertThat(totals.replicationFactor()).isEqualTo((short) 1);
    assertThat(totals.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    NewTopic claims = Topics.CLAIMS.newTopic((short) 3);
    assertThat(claims.replicationFactor()).isEqualTo((short) 3);
    assertThat(claims.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
  }

  @Test
  void topicsAndStreamsInternalTopicsAcceptWhatOurProducersMaySend() {
    String max = String.valueOf(KafkaDefaults.MAX_RECORD_BYTES);
    for (TopicSpec<?, ?> t : List.of(Topics.ARTICLES_RAW, Topics.ARTICLES_ANNOTATED, Topics.CLAIMS,
        Topics.ARTICLES_DLQ)) {
      assertThat(t.newTopic((short) 1).configs()).as(t.name()).containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, max);
    }
    // Bounded by design: a larger record there is a bug, refused by the broker and dead-lettered by the aggregator.
    String bounded = String.valueOf(KafkaDefaults.BOUNDED_RECORD_BYTES);
    assertThat(Topics.COUNTRY_TOTALS.newTopic((short) 1).configs())
        .containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bounded);
    assertThat(KafkaDefaults.boundedStreams(Map.of(), "app", 1, "/tmp/x", 200))
        .containsEntry(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), bounded)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
            KafkaDefaults.BOUNDED_RECORD_BYTES);
    Properties streams = KafkaDefaults.streams(Map.of(), "app", 1, "/tmp/x", 200);
    assertThat(streams).containsEntry(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), max)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
            KafkaDefaults.MAX_RECORD_BYTES);
    assertThat(KafkaDefaults.producer(Map.of())).containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        KafkaDefaults.MAX_RECORD_BYTES);
  }

  @Test
  void theContractAsDocumented() {
    assertThat(Topics.COUNTRY_TOTALS.compacted()).isTrue();
    assertThat(Topics.INGEST_SEEN.compacted()).isTrue();
    assertThat(Topics.INGEST_FEEDS.compacted()).isTrue();
    assertThat(Topics.CLAIMS.compacted()).as("retractions are records, not tombstones; history matters").isFalse();
    assertThat(Topics.DLQ_REASON_HEADER).isEqualTo("flightwatch.reason");
    assertThat(Topics.DLQ_SERVICE_HEADER).isEqualTo("flightwatch.service");
    assertThat(Topics.DLQ_SOURCE_TOPIC_HEADER).isEqualTo("flightwatch.source.topic");
  }

  @Test
  void composeTopicInitCreatesEveryTopicAsDefined() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)\\s+(delete|compact)\\s*$").matcher(compose);
    Map<String, String> created = new LinkedHashMap<>();
    while (m.find()) {
      created.put(m.group(1), m.group(2) + " " + m.group(3));
    }
    assertThat(created).isEqualTo(expected());
    assertThat(compose).contains("KAFKA_AUTO_CREATE_TOPICS_ENABLE: \"false\"");
  }

  @Test
  void docsOverviewTableMatchesTopics() throws IOException {
    String md = Files.readString(ROOT.resolve("docs").resolve("topics.md"), StandardCharsets.UTF_8);
    // | `name` | key | value | partitions | cleanup | writers | readers |
    Matcher m = Pattern.compile("(?m)^\\| `([a-z.\\-]+)` \\|[^|]*\\|[^|]*\\| (\\d+) \\| \\**(delete|compact)\\** \\|")
        .matcher(md);
    Map<String, String> documented = new LinkedHashMap<>();
    while (m.find()) {
      documented.put(m.group(1), m.group(2) + " " + m.group(3));
    }
    assertThat(documented).isEqualTo(expected());
  }

  static Map<String, String> expected() {
    Map<String, String> out = new LinkedHashMap<>();
    for (TopicSpec<?, ?> t : Topics.ALL) {
      out.put(t.name(), t.partitions() + " " + (t.compacted() ? "compact" : "delete"));
    }
    return out;
  }
}
