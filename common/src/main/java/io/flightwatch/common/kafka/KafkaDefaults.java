package io.flightwatch.common.kafka;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Client settings the whole pipeline agrees on: nothing lost, nothing double. */
public final class KafkaDefaults {

  /**
   * Largest record any of our producers may send, and what every topic we create (the contract's and Streams' changelog
   * and repartition topics) accepts. A broker's default is 1 MB; without a topic-level override, a record the producer
   * allows (a long article, a busy country's ledger) would be refused by any cluster left at that default.
   */
  public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /**
   * Largest record where records are bounded by design (the aggregator's stores, repartition topic and country totals):
   * the usual broker default, set explicitly, so a record that grew by mistake is refused (and dead-lettered) instead
   * of accepted and carried along.
   */
  public static final int BOUNDED_RECORD_BYTES = 1024 * 1024;

  private KafkaDefaults() {}

  /**
   * Streams settings: exactly_once_v2 (transactional producers, read_committed consumers), the given application id,
   * threads, state dir and commit interval; {@code clientProps} (bootstrap servers and passthrough security settings)
   * are applied first so the pipeline's guarantees cannot be weakened by accident.
   */
  public static Properties streams(Map<String, ?> clientProps, String applicationId, int threads, String stateDir,
      long commitIntervalMs) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    // Large records end to end: the producer may send them and the internal topics Streams creates accept them.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
    p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(MAX_RECORD_BYTES));
    return p;
  }

  /**
   * Streams settings for an application whose records are bounded by design: as {@link #streams}, with the producer and
   * the internal topics limited to {@link #BOUNDED_RECORD_BYTES}.
   */
  public static Properties boundedStreams(Map<String, ?> clientProps, String applicationId, int threads,
      String stateDir, long commitIntervalMs) {
    Properties p = streams(clientProps, applicationId, threads, stateDir, commitIntervalMs);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), BOUNDED_RECORD_BYTES);
    p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(BOUNDED_RECORD_BYTES));
    return p;
  }

  /** Idempotent producer, acks=all, compressed. */
  public static Properties producer(Map<String, ?> clientProps) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
    return p;
  }

  /** read_committed consumer: sees only what committed transactions wrote. */
  public static Properties consumer(Map<String, ?> clientProps, String groupId) {
    Properties p = new Properties();
    p.putAll(clientProps);
    if (groupId != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return p;
  }
}
