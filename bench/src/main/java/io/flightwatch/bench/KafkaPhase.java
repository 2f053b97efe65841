package io.flightwatch.bench;

import io.flightwatch.aggregator.AggregatorConfig;
import io.flightwatch.common.Article;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.nlp.ArticleAnnotator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * (c) the processor through a real broker, each service in its own JVM (broker, then a processor with 2 and one with 1
 * stream thread), timed at its sustained rate and in pairs with plain-loop passes in this JVM (the machine's speed
 * drifts by 10-30 % over minutes, so only paired ratios compare the two at one moment); with the 1-thread processor
 * still up, the aggregator and the latency runs ({@link LatencyPhase}); the memory of every service JVM.
 */
public final class KafkaPhase {

  /**
   * What the phase measured.
   *
   * @param oneThread  the 1-thread processor's median sustained pass
   * @param twoThreads the 2-thread processor's
   * @param pairedOne  median of (loop pass / 1-thread processor pass) over the paired passes
   * @param pairedTwo  the same for 2 threads
   * @param passes     warm-up, timed and paired passes per processor
   * @param cpu        CPU per process over each processor's timed window
   * @param memory     every service JVM's memory
   * @param latency    one row per fixed-rate run
   */
  public record Result(Rate oneThread, Rate twoThreads, double pairedOne, double pairedTwo, List<Row> passes,
      List<Row> cpu, List<ServiceMemory> memory, List<LatencyPhase.Run> latency) {}

  private final String mainClass;
  private final BenchOptions o;
  private final Path work;
  private final PassTimer timer;
  private final ArticleAnnotator loop;
  private final List<Row> cpuRows = new ArrayList<>();
  private final List<ServiceMemory> memory = new ArrayList<>();
  private final List<LatencyPhase.Run> latency = new ArrayList<>();
  private final List<Row> pairedRows = new ArrayList<>();
  private final double[] paired = new double[3];

  /** {@code loop} is this JVM's extractor, for the plain-loop passes the processors are paired with. */
  public KafkaPhase(String mainClass, BenchOptions options, Path work, ArticleAnnotator loop) {
    this.mainClass = mainClass;
    this.o = options;
    this.work = work;
    this.loop = loop;
    this.timer = new PassTimer(options.warmupPasses, options.steady, options.jitSettled, options.timedPasses);
  }

  @SuppressWarnings("try") // the broker JVM is only needed alive while the processors run
  public Result run(List<CorpusItem> corpus) throws Exception {
    int brokerPort = freePort();
    String bootstrap = "127.0.0.1:" + brokerPort;
    Rate c1;
    Rate c2;
    // The loop the processors are paired with is warmed like them, in this JVM.
    timer.warmUntilSteady("extractor loop (bench JVM, paired with the processors)", () -> plainPass(corpus),
        ProcessHandle.current().pid());
    try (ChildJvm broker = ChildJvm.start(mainClass, "broker", work, List.of("-Xmx512m", "-XX:+UseG1GC"),
        List.of("broker", "--data-dir", work.resolve("kafka").toString(), "--port", String.valueOf(brokerPort)))) {
      broker.awaitOutput("Kafka broker running", Duration.ofMinutes(2));
      try (KafkaProducer<String, Article> producer = new KafkaProducer<>(
          KafkaDefaults.producer(Map.of("bootstrap.servers", bootstrap)),
          Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer())) {
        // The aggregator is not running while (c) is timed, so it does not take a core from the processor. 2 threads
        // first, then 1: the 1-thread processor stays up for the latency runs at shares of its own rate.
        c2 = processorRun(bootstrap, broker, producer, 2, corpus, null);
        c1 = processorRun(bootstrap, broker, producer, 1, corpus, measured -> aggregatorAndLatency(bootstrap,
            producer, corpus, measured));
      }
      memory.add(ServiceMemory.of("broker (-Xmx512m)", broker, false));
    }
    List<Row> passes = new ArrayList<>(timer.rows().stream().map(r -> new Row(r[0], r[1], r[2], r[3])).toList());
    passes.addAll(pairedRows);
    return new Result(c1, c2, paired[1], paired[2], passes, cpuRows, memory, latency);
  }

  private interface AfterRun {
    void accept(Rate measured) throws Exception;
  }

  @SuppressWarnings("try") // the SSE probe only needs to live while the latency runs do
  private void aggregatorAndLatency(String bootstrap, KafkaProducer<String, Article> producer,
      List<CorpusItem> corpus, Rate measured) throws Exception {
    int aggPort = freePort();
    KafkaPasses.startAtEnd(bootstrap, AggregatorConfig.DEFAULT_APPLICATION_ID, Topics.CLAIMS);
    try (ChildJvm agg = ChildJvm.start(mainClass, "aggregator", work, o.serviceOpts(), List.of("aggregate",
        "--bootstrap-servers", bootstrap, "--http-port", String.valueOf(aggPort), "--state-dir",
        work.resolve("agg-state").toString()))) {
      agg.awaitOutput("dashboard and REST at", Duration.ofMinutes(2));
      if (!o.skipLatency) {
        LatencyTracker tracker = new LatencyTracker();
        try (SseProbe probe = new SseProbe("http://127.0.0.1:" + aggPort, tracker)) {
          LatencyPhase phase = new LatencyPhase(producer, tracker, corpus, measured.articlesPerSec());
          // The aggregator JVM was just started: an unreported 10 s run at 10 % of peak warms it (JIT, stores).
          phase.run(List.of(10), 10);
          latency.addAll(phase.run(o.latencyLoads, o.latencySeconds));
        }
      }
      memory.add(ServiceMemory.of("aggregator", agg, true));
    }
  }

  /**
   * Starts a processor JVM with a fresh application id, warms it up with passes over the corpus under new ids until
   * steady, times its sustained rate ({@link KafkaPasses#sustainedPass}) alone and paired with plain-loop passes; then
   * runs {@code after} while it is still up, and stops it.
   */
  @SuppressWarnings("try") // the processor JVM is closed early, in its try block, to read its memory
  private Rate processorRun(String bootstrap, ChildJvm broker, KafkaProducer<String, Article> producer, int threads,
      List<CorpusItem> corpus, AfterRun after) throws Exception {
    String name = "processor-" + threads + "t";
    Path config = work.resolve(name + ".properties");
    String appId = "bench-" + name;
    StringBuilder props = new StringBuilder("application.id=" + appId + "\n");
    o.processorSet.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    Files.writeString(config, props, StandardCharsets.UTF_8);
    KafkaPasses.startAtEnd(bootstrap, appId, Topics.ARTICLES_RAW);
    List<String> opts = new ArrayList<>(o.serviceOpts());
    if (o.jfrDir != null) {
      Files.createDirectories(o.jfrDir);
      opts.add("-XX:StartFlightRecording=filename=" + o.jfrDir.resolve(name + ".jfr").toAbsolutePath()
          + ",settings=profile");
    }
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        KafkaDefaults.consumer(Map.of("bootstrap.servers", bootstrap), null), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int p = 0; p < Topics.ARTICLES_ANNOTATED.partitions(); p++) {
        parts.add(new TopicPartition(Topics.ARTICLES_ANNOTATED.name(), p));
      }
      consumer.assign(parts);
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position);
      try (ChildJvm proc = ChildJvm.start(mainClass, name, work, opts, List.of("process", "--bootstrap-servers",
          bootstrap, "--threads", String.valueOf(threads), "--http-port", "0", "--config", config.toString(),
          "--state-dir", work.resolve(name + "-state").toString()))) {
        proc.awaitOutput("processor running", Duration.ofMinutes(3));
        int[] pass = {0};
        timer.warmUntilSteady(name, () -> {
          long s = System.nanoTime();
          int sent = KafkaPasses.publish(producer, corpus, "warm" + pass[0]++ + "-" + threads + "t-");
          return KafkaPasses.awaitOutputs(consumer, sent, name, work) - s;
        }, proc.pid(), broker.pid());
        Map<String, Supplier<Duration>> measured = new LinkedHashMap<>();
        measured.put("processor", proc::cpu);
        measured.put("broker", broker::cpu);
        measured.put("bench JVM (producer, consumer)", CpuMeter::self);
        // Compilers still busy in the timed window would mean warm-up ended early; shown so a reader can check.
        measured.put("of which JIT in the processor", () -> orZero(CpuMeter.jitCpu(proc.pid())));
        measured.put("JIT in the broker", () -> orZero(CpuMeter.jitCpu(broker.pid())));
        CpuMeter cpu = CpuMeter.start(measured);
        PassTimer.Timed median = timer.medianPass(name, () -> KafkaPasses.sustainedPass(consumer, producer, corpus,
            "timed" + pass[0]++ + "-" + threads + "t-", name, work));
        Rate r = Rate.wall(corpus, median.nanos());
        cpuRows.add(Row.info("during (c), " + threads + " stream thread" + (threads > 1 ? "s" : ""), cpu.stop()));
        paired[threads] = pairedRatio(consumer, producer, corpus, threads, name);
        if (after != null) {
          after.accept(r);
        }
        memory.add(ServiceMemory.of("processor, " + threads + " stream thread" + (threads > 1 ? "s" : ""), proc, true));
        return r;
      }
    }
  }

  /** The median of (loop pass / processor pass) over --timed-passes pairs, each loop pass right before its partner. */
  private double pairedRatio(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, Article> producer,
      List<CorpusItem> corpus, int threads, String name) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < o.timedPasses; i++) {
      long loopNanos = plainPass(corpus);
      long proc = KafkaPasses.sustainedPass(consumer, producer, corpus, "paired" + i + "-" + threads + "t-", name,
          work);
      ratios.add(loopNanos / (double) proc);
    }
    StringBuilder pairs = new StringBuilder();
    ratios.forEach(x -> pairs.append(pairs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x)));
    System.out.println("bench: " + name + " paired with loop passes, loop/processor: " + pairs);
    pairedRows.add(Row.info(name + ", paired (loop pass / processor)", pairs.toString()));
    List<Double> sorted = new ArrayList<>(ratios);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  /** One pass of the plain loop in this JVM; returns its wall time. */
  private long plainPass(List<CorpusItem> corpus) {
    long s = System.nanoTime();
    corpus.forEach(it -> loop.annotate(it.article));
    return System.nanoTime() - s;
  }

  private static Duration orZero(Duration d) {
    return d == null ? Duration.ZERO : d;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
