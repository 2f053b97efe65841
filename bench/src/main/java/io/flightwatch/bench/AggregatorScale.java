package io.flightwatch.bench;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The aggregator under a growing state (issue 13): loads generated claims ({@link ScaleClaims}) through a real broker
 * into an aggregator JVM in steps (10k, 100k, 1M by default; after 5,000 unreported warm-up claims) and measures, per
 * step: claims/s, the aggregator process's
 * CPU per claim over the step's last 10,000 claims, the latency of single updates once the step is loaded (p50/p99,
 * from publishing a claim to its country's totals on {@code country-totals}, read_committed), the largest
 * {@code country-totals} record, the aggregator's largest live heap after GC so far and its RocksDB size on disk.
 */
public final class AggregatorScale {

  /** One step's measurements. */
  public record Step(int claims, double claimsPerSec, double cpuMicrosPerClaim, long p50Ms, long p99Ms,
      int largestTotalsBytes, long liveHeapMb, long stateMb) {}

  static final int CHUNK = 10_000;
  static final int WARMUP = 5_000;
  private static final String PROBE_COUNTRY = "GL";
  private static final String APP_ID = "flightwatch-aggregator-scale";

  private final String mainClass;
  private final Path work;
  private final List<String> aggregatorOpts;
  private final ScaleClaims generator;
  private final Map<Long, Long> probeArrivals = new ConcurrentHashMap<>();
  private final AtomicInteger largestTotals = new AtomicInteger();

  public AggregatorScale(String mainClass, Path work, List<String> aggregatorOpts, long seed) {
    this.mainClass = mainClass;
    this.work = work;
    this.aggregatorOpts = aggregatorOpts;
    this.generator = new ScaleClaims(seed, 400, 5_000);
  }

  public List<Step> run(List<Integer> steps) throws Exception {
    int brokerPort = freePort();
    String bootstrap = "127.0.0.1:" + brokerPort;
    List<Step> out = new ArrayList<>();
    try (ChildJvm broker = ChildJvm.start(mainClass, "scale-broker", work, List.of("-Xmx768m", "-XX:+UseG1GC"),
        List.of("broker", "--data-dir", work.resolve("scale-kafka").toString(), "--port",
            String.valueOf(brokerPort)))) {
      broker.awaitOutput("Kafka broker running", Duration.ofMinutes(2));
      Path state = work.resolve("scale-agg-state");
      Path config = work.resolve("scale-aggregator.properties");
      Files.writeString(config, "application.id=" + APP_ID + "\n");
      try (ChildJvm agg = ChildJvm.start(mainClass, "scale-aggregator", work, aggregatorOpts, List.of("aggregate",
          "--bootstrap-servers", bootstrap, "--http-port", String.valueOf(freePort()), "--state-dir", state.toString(),
          "--config", config.toString()));
          Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
          KafkaProducer<String, Claim> producer = new KafkaProducer<>(
              KafkaDefaults.producer(Map.of("bootstrap.servers", bootstrap)), Topics.CLAIMS.keySerde().serializer(),
              Topics.CLAIMS.valueSerde().serializer())) {
        agg.awaitOutput("dashboard and REST at", Duration.ofMinutes(2));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread follower = new Thread(() -> follow(bootstrap, running), "scale-totals-follower");
        follower.start();
        try {
          // Unreported warm-up (JIT, RocksDB files, the first transactions): 5,000 claims, part of the state after.
          publish(producer, WARMUP);
          awaitDrained(admin);
          int loaded = 0;
          for (int target : steps) {
            long t0 = System.nanoTime();
            while (loaded < target - CHUNK) {
              int n = Math.min(CHUNK, target - CHUNK - loaded);
              publish(producer, n);
              loaded += n;
            }
            awaitDrained(admin);
            Duration cpu0 = agg.cpu();
            int tail = target - loaded;
            publish(producer, tail);
            loaded += tail;
            awaitDrained(admin);
            long end = System.nanoTime();
            double cpuMicros = (agg.cpu().minus(cpu0).toNanos() / 1_000.0) / Math.max(1, tail);
            long[] latency = probe(producer, 200);
            long[] heap = agg.heapFromGcLog();
            Step step = new Step(target, target / ((end - t0) / 1e9) * (out.isEmpty() ? 1
                : (target - out.get(out.size() - 1).claims()) / (double) target), cpuMicros, latency[0], latency[1],
                largestTotals.get(), heap[1], sizeMb(state));
            out.add(step);
            System.out.printf("scale: %,d claims loaded, %.0f claims/s, %.0f us CPU per claim (last %,d), update "
                + "p50 %d ms p99 %d ms%n", target, step.claimsPerSec(), cpuMicros, tail, latency[0], latency[1]);
          }
        } finally {
          running.set(false);
          follower.join(10_000);
        }
      }
    }
    return out;
  }

  private void publish(KafkaProducer<String, Claim> producer, int n) {
    for (int i = 0; i < n; i++) {
      Claim c = generator.next();
      producer.send(new ProducerRecord<>(Topics.CLAIMS.name(), c.key(), c));
    }
    producer.flush();
  }

  /** Until the aggregator has committed everything on its input topics (claims and its repartition topics). */
  private static void awaitDrained(Admin admin) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(APP_ID).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < Topics.CLAIMS.partitions(); p++) {
        latest.put(new TopicPartition(Topics.CLAIMS.name(), p), OffsetSpec.latest());
      }
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      boolean drained = true;
      for (var e : ends.entrySet()) {
        OffsetAndMetadata at = committed.get(e.getKey());
        if (e.getValue().offset() > 0 && (at == null || at.offset() < e.getValue().offset())) {
          drained = false;
          break;
        }
      }
      if (drained) {
        return;
      }
      Thread.sleep(200); // polling another process's progress; nothing to wait on in this JVM
    }
    throw new IllegalStateException("the aggregator did not drain its input within 30 minutes");
  }

  /** Single updates at 20 per second: each probe's time from publish to its country's totals on the topic. */
  private long[] probe(KafkaProducer<String, Claim> producer, int n) throws InterruptedException {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long sent = System.currentTimeMillis();
      Claim c = probeClaim(sent);
      producer.send(new ProducerRecord<>(Topics.CLAIMS.name(), null, sent, c.key(), c));
      producer.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!probeArrivals.containsKey(sent) && System.nanoTime() < deadline) {
        Thread.sleep(2); // the follower thread records the arrival
      }
      Long arrived = probeArrivals.get(sent);
      latencies.add(arrived == null ? 60_000 : arrived - sent);
      Thread.sleep(Math.max(0, 50 - (System.currentTimeMillis() - sent)));
    }
    Collections.sort(latencies);
    return new long[] {latencies.get(n / 2), latencies.get((int) Math.ceil(n * 0.99) - 1)};
  }

  private static Claim probeClaim(long sent) {
    String article = "probe-" + sent;
    Claim c = new Claim(article + "#0", null, article, "v1", ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "RU",
        PROBE_COUNTRY, List.of(), 1L + sent % 997, null, null, null, null, "some", null, null, null, null, null, null,
        false, false,
        null, "probe " + sent, null, null, false, null, "A probe sentence.", 0, 17, 0.9, null, "probe", "probe",
        Instant.ofEpochMilli(sent), "probe", null, false);
    return c.withKey(ClaimKeys.canonical(c));
  }

  /** Reads country-totals as a downstream consumer would: the largest record, and when each probe's totals arrive. */
  private void follow(String bootstrap, AtomicBoolean running) {
    Properties p = KafkaDefaults.consumer(Map.of("bootstrap.servers", bootstrap), null);
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> tps = c.partitionsFor(Topics.COUNTRY_TOTALS.name(), Duration.ofSeconds(30)).stream()
          .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      c.assign(tps);
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
          if (r.value() != null) {
            largestTotals.accumulateAndGet(r.value().length, Math::max);
          }
          if (PROBE_COUNTRY.equals(r.key())) {
            probeArrivals.putIfAbsent(r.timestamp(), System.currentTimeMillis());
          }
        }
      }
    }
  }

  private static long sizeMb(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // a file RocksDB removed while we walked
        }
      }).sum() >> 20;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
