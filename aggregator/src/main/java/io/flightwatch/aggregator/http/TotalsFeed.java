package io.flightwatch.aggregator.http;

import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.Json;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code country-totals} (read_committed: only totals of committed transactions) and pushes every change to the
 * dashboard's SSE clients. Kept outside the topology so the topology has no side effects; it reads the same topic any
 * downstream consumer would, from the end (the dashboard loads the current list over REST first).
 */
public final class TotalsFeed implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TotalsFeed.class);

  private final Map<String, Object> clientProps;
  private final String topic;
  private final SseHub hub;
  private final Counter changes;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private final AtomicBoolean running = new AtomicBoolean();
  /** Guards the back-off wait, so close() can end it at once. */
  private final Object backOff = new Object();
  private final AtomicBoolean live = new AtomicBoolean();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  public TotalsFeed(Map<String, Object> clientProps, String topic, SseHub hub, MeterRegistry registry) {
    this.clientProps = clientProps;
    this.topic = topic;
    this.hub = hub;
    this.changes = Counter.builder("flightwatch.aggregator.totals.changes")
        .description("country-totals records pushed to the dashboard").register(registry);
    registry.gauge("flightwatch.aggregator.totals.feed.live", live, b -> b.get() ? 1 : 0);
  }

  public synchronized void start() {
    Properties p = KafkaDefaults.consumer(clientProps, null);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    running.set(true);
    thread = new Thread(this::run, "aggregator-totals-feed");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Follows the topic until closed. A failure (the broker not there yet, the topic not created yet, a lost connection)
   * is retried forever with a back-off from 1 s to 60 s: the live feed never gives up while the service runs.
   */
  private void run() {
    KafkaConsumer<String, byte[]> c = consumer;
    Duration backoff = Duration.ofSeconds(1);
    try {
      while (running.get()) {
        try {
          follow(c);
        } catch (WakeupException e) {
          if (running.get()) {
            log.warn("totals feed woken up unexpectedly; following {} again", topic);
          }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
          live.set(false);
          log.warn("totals feed on {} failed ({}); retrying in {} s", topic, e.toString(), backoff.toSeconds());
          pause(backoff);
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
      }
    } finally {
      live.set(false);
      c.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void follow(KafkaConsumer<String, byte[]> c) throws com.fasterxml.jackson.core.JsonProcessingException {
    List<PartitionInfo> partitions = c.partitionsFor(topic, Duration.ofSeconds(30));
    if (partitions == null || partitions.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " has no partitions yet");
    }
    List<TopicPartition> tps = partitions.stream().map(pi -> new TopicPartition(topic, pi.partition())).toList();
    c.assign(tps);
    c.seekToEnd(tps);
    live.set(true);
    log.info("totals feed following {} ({} partitions)", topic, tps.size());
    while (running.get()) {
      for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
        if (r.value() == null) {
          hub.broadcast("removed", Json.MAPPER.writeValueAsString(Map.of("country", String.valueOf(r.key()),
              "removed", true)), StreamFilter.About.anyKind(String.valueOf(r.key())));
        } else {
          totals(r.key(), r.value());
        }
        changes.increment();
      }
    }
  }

  /**
   * Sends a totals record as the REST answers show it ({@link KindViews.Country}: the bands under the kinds' wire
   * names) to the clients following its country and kinds; a record that does not parse goes as it is to every
   * follower of the country.
   */
  private void totals(String key, byte[] value) throws com.fasterxml.jackson.core.JsonProcessingException {
    CountryTotals t;
    try {
      t = Json.MAPPER.readValue(value, CountryTotals.class);
    } catch (java.io.IOException e) {
      log.warn("totals record for {} does not parse ({}); sent to every client following {}", key, e.getMessage(), key);
      hub.broadcast("totals", new String(value, StandardCharsets.UTF_8),
          StreamFilter.About.anyKind(String.valueOf(key)));
      return;
    }
    hub.broadcast("totals", Json.MAPPER.writeValueAsString(KindViews.Country.of(t)), StreamFilter.About.of(t));
  }

  /** Waits out a back-off; close() ends it early. */
  private void pause(Duration d) {
    synchronized (backOff) {
      try {
        if (running.get()) {
          backOff.wait(d.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.set(false);
      }
    }
  }

  /** True while the feed follows the topic (for /health and the dashboard's badge). */
  public boolean live() {
    return live.get();
  }

  @Override
  public synchronized void close() {
    synchronized (backOff) {
      running.set(false);
      backOff.notifyAll();
    }
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
