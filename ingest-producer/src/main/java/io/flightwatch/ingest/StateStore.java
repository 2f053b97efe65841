package io.flightwatch.ingest;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.FeedState;
import io.flightwatch.common.SeenArticle;
import io.flightwatch.common.TopicSpec;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the producer's durable state back from its compacted topics (read_committed) and makes sure topics exist. */
public final class StateStore {

  private static final Logger log = LoggerFactory.getLogger(StateStore.class);
  private static final Duration LOAD_DEADLINE = Duration.ofMinutes(2);

  /** The topics the producer writes. */
  public static final List<TopicSpec<?, ?>> TOPICS = List.of(Topics.ARTICLES_RAW, Topics.INGEST_SEEN,
      Topics.INGEST_FEEDS);

  private StateStore() {}

  /**
   * Creates the producer's topics that are missing (with the contract's partitions and cleanup policy, and
   * {@code replicationFactor} replicas, -1 = the cluster's default), so {@code produce} works against a fresh cluster;
   * the broker never auto-creates.
   */
  public static void ensureTopics(Map<String, Object> clientProps, short replicationFactor) {
    try (Admin admin = Admin.create(clientProps)) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (TopicSpec<?, ?> t : TOPICS) {
        if (!existing.contains(t.name())) {
          Optional<Short> replicas = replicationFactor == CommonConfig.BROKER_DEFAULT_REPLICATION
              ? Optional.empty() : Optional.of(replicationFactor);
          missing.add(new NewTopic(t.name(), Optional.of(t.partitions()), replicas)
              .configs(t.newTopic((short) 1).configs()));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestFatalException("interrupted while checking topics", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException e) {
      throw new IngestFatalException("cannot check or create the producer's topics " + TOPICS.stream()
          .map(TopicSpec::name).toList() + ": " + e, e);
    }
  }

  /** Every committed id -> content hash of {@code ingest.seen}, into a cache bounded by {@code max}. */
  public static SeenCache loadSeen(Map<String, Object> clientProps, int max) {
    SeenCache cache = new SeenCache(max);
    readAll(clientProps, Topics.INGEST_SEEN.name(), (key, value) -> {
      if (value == null) {
        cache.remove(key);
        return;
      }
      SeenArticle s = Topics.INGEST_SEEN.valueSerde().deserializer().deserialize(Topics.INGEST_SEEN.name(), value);
      cache.put(key, s.contentHash());
    });
    log.info("Loaded {} seen article ids from {} ({} beyond {}={} forgotten)", cache.size(), Topics.INGEST_SEEN.name(),
        cache.evicted(), IngestConfig.SEEN_MAX, max);
    return cache;
  }

  /** Latest committed state per feed URL of {@code ingest.feeds}. */
  public static Map<String, FeedState> loadFeeds(Map<String, Object> clientProps) {
    Map<String, FeedState> feeds = new HashMap<>();
    readAll(clientProps, Topics.INGEST_FEEDS.name(), (key, value) -> {
      if (value == null) {
        feeds.remove(key);
        return;
      }
      feeds.put(key, Topics.INGEST_FEEDS.valueSerde().deserializer().deserialize(Topics.INGEST_FEEDS.name(), value));
    });
    return feeds;
  }

  private static void readAll(Map<String, Object> clientProps, String topic, BiConsumer<String, byte[]> sink) {
    Properties p = KafkaDefaults.consumer(clientProps, null);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo pi : consumer.partitionsFor(topic, Duration.ofSeconds(60))) {
        parts.add(new TopicPartition(topic, pi.partition()));
      }
      if (parts.isEmpty()) {
        throw new IngestFatalException("topic " + topic + " does not exist", null);
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      // Under read_committed the end offsets are the last stable offsets: exactly what committed transactions wrote.
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + LOAD_DEADLINE.toNanos();
      long bad = 0;
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IngestFatalException("could not read " + topic + " to its end within " + LOAD_DEADLINE, null);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          try {
            sink.accept(r.key(), r.value());
          } catch (SerializationException e) {
            bad++;
            log.warn("Ignored unreadable state record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                e.getMessage());
          }
        }
      }
      if (bad > 0) {
        log.warn("{} unreadable records in {} were ignored", bad, topic);
      }
    } catch (KafkaException e) {
      throw new IngestFatalException("cannot read state topic " + topic + ": " + e, e);
    }
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
