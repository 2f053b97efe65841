package io.flightwatch.bench;

import io.flightwatch.common.Article;
import io.flightwatch.common.TopicSpec;
import io.flightwatch.common.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The corpus through a real broker, for the processor runs of the bench: publishing it under new ids, waiting for the
 * processor's annotated outputs, timing a sustained pass, and starting a new application at the end of a topic.
 */
public final class KafkaPasses {

  private KafkaPasses() {}

  /**
   * Commits the end of {@code topic} as the new application's position, so a service sees only what is published after
   * it starts (a fresh Streams application would otherwise start from the earliest record: for the aggregator, the
   * claims of every earlier pass, whose catch-up would then be measured as latency).
   */
  public static void startAtEnd(String bootstrap, String groupId, TopicSpec<?, ?> topic)
      throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
      for (int p = 0; p < topic.partitions(); p++) {
        specs.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
      }
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      admin.listOffsets(specs).all().get(60, TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(groupId, ends).all().get(60, TimeUnit.SECONDS);
    }
  }

  public static int publish(KafkaProducer<String, Article> producer, List<CorpusItem> items, String idPrefix) {
    for (CorpusItem it : items) {
      Article a = it.article;
      Article copy = new Article(idPrefix + a.id(), a.url(), a.source(), a.title(), a.body(), a.language(),
          a.publishedAt(), a.fetchedAt(), a.contentHash());
      producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), copy.id(), copy));
    }
    producer.flush();
    return items.size();
  }

  /** Reads annotated outputs until {@code n} arrived; returns the arrival time of the last. */
  public static long awaitOutputs(KafkaConsumer<String, byte[]> consumer, int n, String name, Path work) {
    return awaitOutputs(consumer, new int[] {n}, name, work)[0];
  }

  /**
   * Reads annotated outputs until {@code marks[last]} have arrived; returns, for each mark, when the output count first
   * reached it (System.nanoTime of the poll that delivered it).
   */
  public static long[] awaitOutputs(KafkaConsumer<String, byte[]> consumer, int[] marks, String name, Path work) {
    long[] at = new long[marks.length];
    int next = 0;
    int seen = 0;
    int n = marks[marks.length - 1];
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while (seen < n && System.nanoTime() < deadline) {
      seen += consumer.poll(Duration.ofMillis(20)).count();
      long now = System.nanoTime();
      while (next < marks.length && seen >= marks[next]) {
        at[next++] = now;
      }
    }
    if (seen < n) {
      throw new IllegalStateException(name + " produced " + seen + " of " + n + " annotated articles in time; see "
          + work.resolve(name + ".out") + " (use --keep)");
    }
    return at;
  }

  /**
   * One corpus' worth of a processor's sustained throughput: publishes the corpus three times back to back (new ids
   * each time) and returns the time from the n-th to the 2n-th annotated output. A single pass over a finite corpus
   * would also time its start and its tail: the last commit interval, and the stream thread whose partitions drew more
   * of the costly on-topic articles finishing alone while the other has nothing left. A stream that does not run dry
   * has neither, and the tail costs two threads more than one (a larger share of a shorter pass), which biased the
   * 2-vs-1 ratio; here the first copy's start and the last copy's tail fall outside the interval.
   */
  public static long sustainedPass(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, Article> producer,
      List<CorpusItem> corpus, String idPrefix, String name, Path work) {
    int n = corpus.size();
    for (int copy = 0; copy < 3; copy++) {
      publish(producer, corpus, idPrefix + copy + "-");
    }
    long[] at = awaitOutputs(consumer, new int[] {n, 2 * n, 3 * n}, name, work);
    return at[1] - at[0];
  }
}
