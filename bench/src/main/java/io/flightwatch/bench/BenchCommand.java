package io.flightwatch.bench;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.flightwatch.aggregator.AggregatorConfig;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.extract.AnnotatorFactory;
import io.flightwatch.nlp.extract.ExtractCommand;
import io.flightwatch.nlp.extract.ExtractorSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flightwatch bench}: one run, one table. On one corpus (generated news-length on- and off-topic articles, or a
 * folder):
 *
 * <ol>
 *   <li>the two speed targets ({@link SpeedTargets}): (b) this extractor against (a) CoreNLP's default
 *       {@code tokenize,ssplit,pos,lemma,ner} per token on on-topic articles, and an off-topic article's cost against an
 *       on-topic one's, from plain loops in this JVM timed per article; with {@code --input}, also on the generated
 *       corpus;</li>
 *   <li>(c) the processor through a real broker, each service in its own JVM (broker, aggregator, processor with 2 then 1
 *       stream threads), at its sustained rate: the corpus published three times back to back, timed from the n-th
 *       to the 2n-th output;</li>
 *   <li>end-to-end latency at fixed open-loop rates (shares of the 1-thread processor's measured peak), from the producer's
 *       send to the country total changing on the aggregator's {@code /api/stream};</li>
 *   <li>peak heap (GC log) and resident set (VmHWM) of each service JVM; start-up of {@code up} to its first total.</li>
 * </ol>
 * Tokens are counted once with CoreNLP's tokenizer so all rows share one denominator. Every loop and processor is timed by
 * the same rule ({@link PassTimer}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Benchmark in one run, printing one table: this extractor vs CoreNLP's default NER per token on "
        + "on-topic articles, and an off-topic article's cost vs an on-topic one's (plain loops, news-length articles); "
        + "the processor through Kafka with 1 and 2 stream threads (articles/s, tokens/s, ratios); end-to-end latency "
        + "(send -> total on /api/stream) at 25/50/90%% of the measured peak rate; peak heap and RSS of each service "
        + "JVM; start-up of `up` to the first total.",
        "Run with a large heap (the default NER needs ~2 GB): FLIGHTWATCH_JAVA_OPTS=-Xmx3g ./flightwatch bench. "
            + "--quick measures only the two speed targets. See BENCHMARKS.md."})
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--articles", defaultValue = "600",
      description = "Generated corpus size (default: ${DEFAULT-VALUE}: articles are 400-900 tokens, ~660 on average, so "
          + "about 400,000 tokens). With --input, the size of the generated corpus the two speed targets are also "
          + "measured on (0: none).")
  int articles;

  @Option(names = "--on-topic-share", defaultValue = "0.2",
      description = "Share of on-topic articles in the generated corpus, spread evenly (default: ${DEFAULT-VALUE}, i.e. 1:4).")
  double onTopicShare;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--input", paramLabel = "DIR",
      description = "Read *.txt articles (title on the first line) from DIR instead of generating; on-topic = what the "
          + "extractor annotates (passes its relevance gate). The two speed targets are then measured on DIR and on the "
          + "generated corpus (--articles, --seed, --on-topic-share).")
  Path input;

  @Option(names = "--warmup-passes", paramLabel = "N", defaultValue = "15",
      description = "Most untimed passes over the corpus before the extractor loop and each processor JVM are timed "
          + "(default: ${DEFAULT-VALUE}). Warm-up stops earlier once two passes in a row are each within --steady of "
          + "the one before and the JIT compilers used at most --jit-settled cores in the last one: JIT-compiling "
          + "CoreNLP keeps a core busy for tens of seconds, which is start-up cost, not throughput; one steady step is "
          + "not enough, as the curve can flatten and then fall again.")
  int warmupPasses;

  @Option(names = "--jit-settled", paramLabel = "CORES", defaultValue = "0.05",
      description = "Warm-up also waits until the JIT compiler threads of the JVMs involved (the bench JVM for the plain "
          + "loop; the processor and the broker for (c)) used at most this many cores over a pass "
          + "(default: ${DEFAULT-VALUE}). A freshly started broker compiles for minutes: on 2 cores that is CPU taken "
          + "from whichever processor is measured first.")
  double jitSettled;

  @Option(names = "--timed-passes", paramLabel = "N", defaultValue = "5",
      description = "Timed passes per loop and processor, and paired passes per processor; the median is reported, the "
          + "CPU row covers the timed ones. A processor's pass is sustained: the corpus published three times, timed "
          + "from the n-th to the 2n-th output (default: ${DEFAULT-VALUE}).")
  int timedPasses;

  @Option(names = "--steady", paramLabel = "FRACTION", defaultValue = "0.05",
      description = "A warm-up pass is a steady step when its wall time is within this fraction of the pass before "
          + "(default: ${DEFAULT-VALUE}).")
  double steady;

  @Option(names = "--default-articles", defaultValue = "40",
      description = "On-topic articles (the corpus' first) that CoreNLP's slow default NER, (a), and the extractor are "
          + "compared on per token (default: ${DEFAULT-VALUE}).")
  int defaultArticles;

  @Option(names = "--latency-seconds", defaultValue = "30",
      description = "Duration of each fixed-rate latency run (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--latency-loads", defaultValue = "25,50,90", split = ",",
      description = "Send rates as percent of the measured 1-thread peak (default: ${DEFAULT-VALUE}).")
  List<Integer> latencyLoads;

  @Option(names = "--service-heap", defaultValue = "1g",
      description = "-Xmx of each service JVM (default: ${DEFAULT-VALUE}: the issue's per-service budget).")
  String serviceHeap;

  @Option(names = "--up-heap", defaultValue = "2g",
      description = "-Xmx of the all-in-one `up` JVM for the start-up run (default: ${DEFAULT-VALUE}, as ./flightwatch).")
  String upHeap;

  @Option(names = "--service-java-opts", paramLabel = "OPTS", defaultValue = "-XX:+UseG1GC",
      description = "JVM options of the processor and aggregator JVMs besides -Xmx (default: ${DEFAULT-VALUE}).")
  String serviceJavaOpts;

  @Option(names = "--processor-set", paramLabel = "KEY=VALUE",
      description = "A processor configuration key for the (c) and latency runs, e.g. commit.interval.ms=100 (repeatable).")
  Map<String, String> processorSet = new LinkedHashMap<>();

  @Option(names = "--jfr", paramLabel = "DIR", description = "Record the processor JVMs with Java Flight Recorder into DIR.")
  Path jfrDir;

  @Option(names = "--quick", description = "Only the two speed targets (extractor loop and CoreNLP's default NER): "
      + "--skip-kafka --skip-latency --skip-up, and no 2-thread loop.")
  boolean quick;

  @Option(names = "--skip-default", description = "Skip (a), CoreNLP's default NER (slow, ~2 GB heap).")
  boolean skipDefault;

  @Option(names = "--skip-kafka", description = "Skip everything that needs the broker: (c), latency, service memory.")
  boolean skipKafka;

  @Option(names = "--skip-latency", description = "Skip the fixed-rate latency runs.")
  boolean skipLatency;

  @Option(names = "--skip-up", description = "Skip the start-up time of `up`.")
  boolean skipUp;

  @Option(names = "--dump-corpus", paramLabel = "DIR",
      description = "Write the generated corpus to DIR as *.txt (title on the first line) and exit.")
  Path dumpCorpus;

  @Option(names = "--aggregator-scale", paramLabel = "N,N,...", split = ",",
      description = "Only the aggregator's scale rows: load generated claims in these cumulative steps (e.g. "
          + "10000,100000,1000000) through a broker and an aggregator JVM; claims/s, CPU per claim, update latency, "
          + "largest totals record, heap and RocksDB size per step.")
  List<Integer> aggregatorScale;

  @Option(names = "--keep", description = "Keep the work folder (service logs, GC logs) instead of deleting it.")
  boolean keep;

  private final BenchTable table = new BenchTable();
  private final List<String[]> cpuRows = new ArrayList<>();
  private PassTimer timer;
  private final Map<Integer, Double> pairedRatio = new HashMap<>();
  private ArticleAnnotator pairedAnnotator;
  private int brokerPort;

  @Override
  public Integer call() throws Exception {
    if (aggregatorScale != null && !aggregatorScale.isEmpty()) {
      return aggregatorScaleRows();
    }
    if (quick) {
      skipKafka = true;
      skipLatency = true;
      skipUp = true;
    }
    timer = new PassTimer(warmupPasses, steady, jitSettled, timedPasses);
    List<CorpusItem> corpus = loadCorpus();
    if (corpus == null) {
      return 0;
    }
    if (corpus.isEmpty()) {
      System.err.println("bench: empty corpus");
      return 2;
    }
    // With --input, the two speed targets are also measured on the generated corpus, in the same run.
    List<CorpusItem> generated = input != null && articles > 0
        ? tokenized(new CorpusGenerator(seed).generate(articles, onTopicShare, "bench")) : null;
    String generatedLabel = "generated corpus, seed " + seed;
    String corpusLabel = input == null ? generatedLabel : "folder " + input;
    long corpusTokens = corpus.stream().mapToLong(i -> i.tokens).sum();
    long on = corpus.stream().filter(i -> i.labelledOnTopic).count();
    table.title(String.format(Locale.ROOT, "flightwatch bench  %s  corpus: %s, %d articles (%s), "
            + "%,d tokens (%.0f per article)%s", Instant.now().toString().substring(0, 19),
        input == null ? "generated, seed " + seed : input.toString(), corpus.size(),
        input == null ? on + " on-topic, " + (corpus.size() - on) + " off-topic" : "on-topic = annotated by the extractor",
        corpusTokens, corpusTokens / (double) corpus.size(),
        generated == null ? "" : String.format(Locale.ROOT, "; speed targets also on the generated corpus (seed %d, %d "
            + "articles, %.0f tokens per article)", seed, generated.size(),
            generated.stream().mapToLong(i -> i.tokens).average().orElse(0))));

    AnnotatorFactory factory = AnnotatorFactory.create(ExtractorSettings.defaults());
    long heapAfterLoad = usedHeapAfterGc();
    SpeedTargets loops = new SpeedTargets(factory, timer);
    Rate b = loops.extractorLoop(corpus, "extractor loop");
    pairedAnnotator = factory.newAnnotator();
    Rate b2 = quick ? null : loops.extractorThreads(corpus, 2);
    markTracked(factory, corpus);
    Rate bGenerated = generated == null ? null : loops.extractorLoop(generated, "extractor loop, generated corpus");
    SpeedTargets.Comparison cmp = null;
    SpeedTargets.Comparison cmpGenerated = null;
    if (!skipDefault) {
      try (SpeedTargets.DefaultNer ner = new SpeedTargets.DefaultNer()) {
        cmp = compare(loops, ner, corpus, corpusLabel);
        cmpGenerated = generated == null ? null : compare(loops, ner, generated, generatedLabel);
      }
    }
    SpeedTargets.report(table, corpusLabel, input != null, b, cmp);
    if (generated != null) {
      SpeedTargets.report(table, generatedLabel, false, bGenerated, cmpGenerated);
    }

    table.section("throughput (one thread unless said; plain loops in this JVM, (c) in service JVMs)");
    table.rate("(b) extractor, plain loop (" + factory.pipelineDescription() + ")", b);
    if (b2 != null) {
      table.rate("(b) extractor, plain loop, 2 threads sharing the models", b2);
    }

    Path work = Files.createTempDirectory("flightwatch-bench");
    Rate c1 = null;
    Rate c2 = null;
    List<String[]> memory = new ArrayList<>();
    List<String[]> latency = new ArrayList<>();
    try {
      if (!skipKafka) {
        Rate[] c = kafkaPhases(work, corpus, memory, latency);
        c1 = c[0];
        c2 = c[1];
      }
      if (c1 != null) {
        table.rate("(c) processor via Kafka, 1 stream thread, sustained", c1);
      }
      if (c2 != null) {
        table.rate("(c) processor via Kafka, 2 stream threads, sustained", c2);
      }

      if (c1 != null || b2 != null) {
        table.section("ratios");
      }
      if (c1 != null) {
        // Timed minutes apart on a machine whose speed drifts; the verdict is on the paired ratio below.
        table.ratio("c/b  processor (1 thread) vs extractor loop, median passes minutes apart",
            c1.articlesPerSec() / b.articlesPerSec(), "(info)", Double.NaN);
      }
      if (b2 != null) {
        table.ratio("plain loop 2 threads vs 1 (no broker on the cores)", b2.articlesPerSec() / b.articlesPerSec(),
            "(info)", Double.NaN);
      }
      if (c1 != null && c2 != null) {
        table.ratio("2 stream threads vs 1, median passes minutes apart", c2.articlesPerSec() / c1.articlesPerSec(),
            "(info)", Double.NaN);
      }
      if (pairedRatio.containsKey(1)) {
        table.ratio("c/b paired: processor (1 thread) vs a loop pass just before it, median of " + timedPasses,
            pairedRatio.get(1), ">= 0.9", 0.9);
      }
      if (pairedRatio.containsKey(1) && pairedRatio.containsKey(2)) {
        table.ratio("2 vs 1 stream threads paired: (c2/b) / (c1/b), each against its own loop passes",
            pairedRatio.get(2) / pairedRatio.get(1), ">= 1.8", 1.8);
      }

      table.section("passes over the corpus: untimed warm-up until two in a row are within " + Math.round(steady * 100)
          + "% of the one before and the JIT used <= " + jitSettled + " cores (shown per pass), then " + timedPasses
          + " timed; CoreNLP default: warm-up until one pass is within " + Math.round(steady * 100)
          + "% of the one before (at most 3), then one timed");
      timer.rows().forEach(table::row);

      if (!cpuRows.isEmpty()) {
        table.section("CPU seconds used in the timed window (user + system, all threads), and how busy the machine was");
        cpuRows.forEach(table::row);
      }

      if (!latency.isEmpty()) {
        table.section("end-to-end latency, producer send -> country total on /api/stream (processor 1 thread)");
        latency.forEach(table::row);
      }

      table.section("memory: peak heap used (GC log) / largest live heap after GC / resident set high-water (VmHWM)");
      table.row("bench JVM: extractor loaded (heap after GC)", heapAfterLoad + " MB", "", "");
      memory.forEach(table::row);

      if (!skipUp) {
        table.section("start-up");
        upStartup(work, corpus);
      }
    } finally {
      if (keep) {
        System.out.println("bench: work folder kept: " + work);
      } else {
        LocalKafka.deleteRecursively(work);
      }
    }
    table.section("machine");
    table.row(String.format(Locale.ROOT, "%d cores, %s, %s %s, bench JVM max heap %d MB", Runtime.getRuntime()
            .availableProcessors(), memTotal(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20), "load " + loadAverage(), "", "");
    table.print();
    return 0;
  }

  /** (a) vs (b) on the corpus' first --default-articles on-topic articles; null when it has none. */
  private SpeedTargets.Comparison compare(SpeedTargets loops, SpeedTargets.DefaultNer ner, List<CorpusItem> corpus,
      String label) {
    List<CorpusItem> sample = SpeedTargets.onTopicSample(corpus, defaultArticles);
    return sample.isEmpty() ? null : loops.compare(ner, sample, label);
  }

  // ---------------------------------------------------------------------------------------------------------- corpus

  private List<CorpusItem> loadCorpus() throws IOException {
    List<CorpusGenerator.Item> items = new ArrayList<>();
    if (input != null) {
      try (Stream<Path> s = Files.list(input)) {
        for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
          items.add(new CorpusGenerator.Item(ExtractCommand.read(f), false, null)); // labelled by the extractor later
        }
      }
    } else {
      items = new CorpusGenerator(seed).generate(articles, onTopicShare, "bench");
    }
    if (dumpCorpus != null) {
      Files.createDirectories(dumpCorpus);
      for (CorpusGenerator.Item it : items) {
        Article a = it.article();
        Files.writeString(dumpCorpus.resolve(a.id() + ".txt"), a.title() + "\n" + a.body(), StandardCharsets.UTF_8);
      }
      System.out.println("bench: wrote " + items.size() + " articles to " + dumpCorpus);
      return null;
    }
    return tokenized(items);
  }

  /** Bench items with their token counts, counted once with CoreNLP's tokenizer: every row's denominator. */
  private static List<CorpusItem> tokenized(List<CorpusGenerator.Item> items) {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize");
    StanfordCoreNLP tok = new StanfordCoreNLP(p);
    List<CorpusItem> out = new ArrayList<>();
    for (CorpusGenerator.Item it : items) {
      CoreDocument d = new CoreDocument(it.article().fullText());
      tok.annotate(d);
      out.add(new CorpusItem(it.article(), it.onTopic(), it.destination(), d.tokens().size()));
    }
    return out;
  }

  /**
   * Chooses the articles whose effect the latency probe can see unambiguously: their claims name exactly one destination
   * (the intended one, for generated articles), and no claim of the corpus has that country as its origin.
   */
  private void markTracked(AnnotatorFactory factory, List<CorpusItem> corpus) {
    ArticleAnnotator annotator = factory.newAnnotator();
    Set<String> origins = new HashSet<>();
    List<Set<String>> destsPerItem = new ArrayList<>();
    for (CorpusItem it : corpus) {
      Set<String> d = new HashSet<>();
      if (it.relevant) {
        for (Claim c : annotator.annotate(it.article).claims()) {
          if (c.origin() != null) {
            origins.add(c.origin());
          }
          d.add(c.destination() == null ? "ZZ" : c.destination());
        }
      }
      destsPerItem.add(d);
      if (input == null && it.labelledOnTopic != it.relevant && it.labelledOnTopic) {
        System.err.println("bench: on-topic article " + it.article.id() + " did not pass the relevance gate");
      }
    }
    for (int i = 0; i < corpus.size(); i++) {
      CorpusItem it = corpus.get(i);
      Set<String> d = destsPerItem.get(i);
      if (d.size() == 1 && !d.contains("ZZ") && !origins.contains(d.iterator().next())
          && (it.intendedDestination == null || d.contains(it.intendedDestination))) {
        it.trackedDestination = d.iterator().next();
      }
      if (input != null) {
        // A folder has no labels: what the extractor finds relevant counts as on-topic.
        it.labelledOnTopic = it.relevant;
      }
    }
    long on = corpus.stream().filter(i -> i.labelledOnTopic).count();
    long tracked = corpus.stream().filter(i -> i.trackedDestination != null).count();
    System.out.println("bench: " + tracked + " of " + on + " on-topic articles can be tracked by the latency probe (their "
        + "claims name one destination" + (input == null ? ", the one they were written with)" : ")"));
  }

  // ----------------------------------------------------------------------------------------------------------- kafka

  @SuppressWarnings("try") // the SSE probe only needs to live while the latency runs do
  private Rate[] kafkaPhases(Path work, List<CorpusItem> corpus, List<String[]> memory, List<String[]> latency)
      throws Exception {
    brokerPort = freePort();
    int aggPort = freePort();
    String bootstrap = "127.0.0.1:" + brokerPort;
    List<String> svcOpts = serviceOpts();
    Rate[] result = new Rate[2];
    try (ChildJvm broker = ChildJvm.start("broker", work, List.of("-Xmx512m", "-XX:+UseG1GC"),
        List.of("broker", "--data-dir", work.resolve("kafka").toString(), "--port", String.valueOf(brokerPort)))) {
      broker.awaitOutput("Kafka broker running", Duration.ofMinutes(2));
      try (KafkaProducer<String, Article> producer = new KafkaProducer<>(
          KafkaDefaults.producer(Map.of("bootstrap.servers", bootstrap)),
          Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer())) {
        // Throughput (c) measures the processor: the aggregator is not running then, so it does not take a core from it.
        // 2 threads first, then 1: the 1-thread processor stays up for the latency runs at shares of its own rate,
        // for which the aggregator (whose live feed ends the latency measurement) is started.
        result[1] = processorRun(work, broker, producer, 2, corpus, memory, null);
        result[0] = processorRun(work, broker, producer, 1, corpus, memory, measured -> {
          KafkaPasses.startAtEnd(bootstrap, AggregatorConfig.DEFAULT_APPLICATION_ID, Topics.CLAIMS);
          try (ChildJvm agg = ChildJvm.start("aggregator", work, svcOpts, List.of("aggregate", "--bootstrap-servers",
              bootstrap, "--http-port", String.valueOf(aggPort), "--state-dir", work.resolve("agg-state").toString()))) {
            agg.awaitOutput("dashboard and REST at", Duration.ofMinutes(2));
            if (!skipLatency) {
              LatencyTracker tracker = new LatencyTracker();
              try (SseProbe probe = new SseProbe("http://127.0.0.1:" + aggPort, tracker)) {
                // The aggregator JVM was just started: an unreported 10 s run at 10 % of peak warms it (JIT, stores).
                latencyRuns(producer, tracker, corpus, measured.articlesPerSec(), new ArrayList<>(), List.of(10), 10);
                latencyRuns(producer, tracker, corpus, measured.articlesPerSec(), latency);
              }
            }
            memory.add(memRow("aggregator", agg));
          }
        });
      }
      memory.add(memRow("broker (-Xmx512m)", broker));
    }
    return result;
  }

  private interface AfterRun {
    void accept(Rate measured) throws Exception;
  }

  /**
   * Starts a processor JVM with a fresh application id, warms it up with passes over the corpus under new ids until
   * steady (the plain loop's rule), times its sustained rate ({@link KafkaPasses#sustainedPass}) alone and paired with
   * plain-loop passes; then runs {@code after} while it is still up, and stops it.
   */
  @SuppressWarnings("try") // the processor JVM is closed early, in its try block, to read its memory
  private Rate processorRun(Path work, ChildJvm broker, KafkaProducer<String, Article> producer, int threads,
      List<CorpusItem> corpus, List<String[]> memory, AfterRun after) throws Exception {
    String bootstrap = "127.0.0.1:" + brokerPort;
    String name = "processor-" + threads + "t";
    Path config = work.resolve(name + ".properties");
    String appId = "bench-" + name;
    StringBuilder props = new StringBuilder("application.id=" + appId + "\n");
    processorSet.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    Files.writeString(config, props, StandardCharsets.UTF_8);
    KafkaPasses.startAtEnd(bootstrap, appId, Topics.ARTICLES_RAW);
    List<String> opts = new ArrayList<>(serviceOpts());
    if (jfrDir != null) {
      Files.createDirectories(jfrDir);
      opts.add("-XX:StartFlightRecording=filename=" + jfrDir.resolve(name + ".jfr").toAbsolutePath()
          + ",settings=profile");
    }
    int n = corpus.size();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        KafkaDefaults.consumer(Map.of("bootstrap.servers", bootstrap), null), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      String outTopic = Topics.ARTICLES_ANNOTATED.name();
      List<TopicPartition> parts = new ArrayList<>();
      for (int p = 0; p < Topics.ARTICLES_ANNOTATED.partitions(); p++) {
        parts.add(new TopicPartition(outTopic, p));
      }
      consumer.assign(parts);
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position);
      try (ChildJvm proc = ChildJvm.start(name, work, opts, List.of("process", "--bootstrap-servers", bootstrap,
          "--threads", String.valueOf(threads), "--http-port", "0", "--config", config.toString(),
          "--state-dir", work.resolve(name + "-state").toString()))) {
        proc.awaitOutput("processor running", Duration.ofMinutes(3));
        int[] pass = {0};
        timer.warmUntilSteady(name, () -> {
          long s = System.nanoTime();
          int sent = KafkaPasses.publish(producer, corpus, "warm" + pass[0]++ + "-" + threads + "t-");
          long last = KafkaPasses.awaitOutputs(consumer, sent, name, work);
          return last - s;
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
        cpuRows.add(new String[] {"during (c), " + threads + " stream thread" + (threads > 1 ? "s" : ""), cpu.stop(),
            "", ""});
        // This machine's speed drifts by 10-30 % over minutes, more than the effects measured. So each processor is also
        // timed in pairs with the plain loop, a loop pass right before each processor pass; the median of the pairs'
        // ratios compares the two at the same moment, and (c2/b) / (c1/b) compares the processors across runs.
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < timedPasses; i++) {
          long loop = plainPass(corpus);
          long proc1 = KafkaPasses.sustainedPass(consumer, producer, corpus, "paired" + i + "-" + threads + "t-", name,
              work);
          ratios.add(loop / (double) proc1);
        }
        StringBuilder pairs = new StringBuilder();
        ratios.forEach(x -> pairs.append(pairs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x)));
        System.out.println("bench: " + name + " paired with loop passes, loop/processor: " + pairs);
        timer.rows().add(new String[] {name + ", paired (loop pass / processor)", pairs.toString(), "", ""});
        ratios.sort(null);
        pairedRatio.put(threads, ratios.get(ratios.size() / 2));
        if (after != null) {
          after.accept(r);
        }
        proc.close();
        memory.add(memRow("processor, " + threads + " stream thread" + (threads > 1 ? "s" : ""), proc));
        return r;
      }
    }
  }

  // --------------------------------------------------------------------------------------------------------- latency

  /** Open-loop sends at fixed rates; every tracked article's delay until its destination's total moves is a sample. */
  private void latencyRuns(KafkaProducer<String, Article> producer, LatencyTracker tracker, List<CorpusItem> corpus,
      double peak, List<String[]> rows) throws Exception {
    latencyRuns(producer, tracker, corpus, peak, rows, latencyLoads, latencySeconds);
  }

  private void latencyRuns(KafkaProducer<String, Article> producer, LatencyTracker tracker, List<CorpusItem> corpus,
      double peak, List<String[]> rows, List<Integer> loads, int seconds) throws Exception {
    // Only articles whose effect can be matched are sent: tracked on-topic ones and off-topic ones (no claims).
    List<CorpusItem> sendable = corpus.stream().filter(i -> i.trackedDestination != null || !i.relevant).toList();
    awaitQuiet(tracker, 3_000, 60_000);
    int k = 0;
    for (int load : loads) {
      double rate = peak * load / 100.0;
      long interval = (long) (1e9 / rate);
      long total = (long) (rate * seconds);
      tracker.drain();
      long t0 = System.nanoTime();
      for (long j = 0; j < total; j++) {
        long due = t0 + j * interval;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        CorpusItem it = sendable.get(k++ % sendable.size());
        Article a = it.article;
        Article copy = new Article("lat" + load + "-" + j + "-" + a.id(), a.url(), a.source(), a.title(), a.body(),
            a.language(), a.publishedAt(), a.fetchedAt(), a.contentHash());
        if (it.trackedDestination != null) {
          tracker.sent(it.trackedDestination, System.nanoTime());
        }
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), copy.id(), copy));
      }
      long sendSecs = (System.nanoTime() - t0);
      int lost = tracker.awaitPending(30_000);
      long[] samples = tracker.drain();
      String label = String.format(Locale.ROOT, "%d%% of peak: %.1f articles/s for %d s (sent in %.1f s)", load, rate,
          seconds, sendSecs / 1e9);
      if (samples.length == 0) {
        rows.add(new String[] {label, "no samples (" + lost + " not seen)", "", ""});
        continue;
      }
      Percentiles p = new Percentiles(samples);
      String value = String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s  max %s  (n=%d%s)", ms(p.percentile(50)),
          ms(p.percentile(95)), ms(p.percentile(99)), ms(p.max()), p.count(), lost > 0 ? ", " + lost + " not seen" : "");
      boolean target = load == 50;
      rows.add(new String[] {label, value, target ? "p99 <= 2 s" : "",
          target ? (p.percentile(99) <= 2_000_000_000L && lost == 0 ? "ok" : "MISSED") : ""});
      awaitQuiet(tracker, 2_000, 30_000);
    }
  }

  /** Waits until the aggregator has pushed no totals for {@code quietMs}: earlier work is fully counted. */
  private static void awaitQuiet(LatencyTracker tracker, long quietMs, long maxMs) {
    long deadline = System.nanoTime() + maxMs * 1_000_000;
    while (System.nanoTime() < deadline && System.nanoTime() - tracker.lastEventNanos() < quietMs * 1_000_000) {
      LockSupport.parkNanos(100_000_000L);
    }
  }

  private static String ms(long nanos) {
    return nanos >= 10_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9)
        : String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
  }

  // --------------------------------------------------------------------------------------------------------- startup

  /** Time from starting an `up` JVM (empty data folder) to the first country on GET /api/countries. */
  @SuppressWarnings("try") // the `up` JVM is closed early, in its try block, to read its GC log
  private void upStartup(Path work, List<CorpusItem> corpus) throws Exception {
    Path in = work.resolve("up-input");
    Files.createDirectories(in);
    int written = 0;
    for (CorpusItem it : corpus) {
      if (written < 10 && (it.trackedDestination != null || written >= 2)) {
        Files.writeString(in.resolve(it.article.id() + ".txt"), it.article.title() + "\n" + it.article.body(),
            StandardCharsets.UTF_8);
        written++;
      }
    }
    int http = freePort();
    int brokerPort = freePort();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/countries"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    try (ChildJvm up = ChildJvm.start("up", work, List.of("-Xms512m", "-Xmx" + upHeap, "-XX:+UseG1GC"),
        List.of("up", "--data-dir", work.resolve("up-data").toString(), "--input", in.toString(),
            "--http-port", String.valueOf(http), "--broker-port", String.valueOf(brokerPort)))) {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      long firstTotal = -1;
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200 && r.body().contains("\"country\"")) {
            firstTotal = System.nanoTime() - up.startNanos();
            break;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      String value = firstTotal < 0 ? "no total within 3 min" : String.format(Locale.ROOT, "%.1f s", firstTotal / 1e9);
      table.row("`up` (broker, aggregator, processor, producer in one JVM, -Xmx" + upHeap + ", " + written
          + " articles) to first total", value, "", "");
      up.close();
      long[] heap = up.heapFromGcLog();
      table.row("`up` JVM memory", String.format(Locale.ROOT, "heap %d / %d MB, RSS %d MB", heap[0], heap[1],
          up.rssHighWaterMb()), "", "");
    }
  }

  // ------------------------------------------------------------------------------------------------ aggregator scale

  private int aggregatorScaleRows() throws Exception {
    Path work = Files.createTempDirectory("flightwatch-bench-scale");
    try {
      List<AggregatorScale.Step> steps = new AggregatorScale(work, serviceOpts(), seed).run(aggregatorScale);
      table.title("flightwatch bench --aggregator-scale  " + Instant.now().toString().substring(0, 19)
          + "  generated claims, seed " + seed + ", aggregator " + String.join(" ", serviceOpts()));
      table.section("aggregator under a growing state (cumulative claims loaded)");
      AggregatorScale.Step first = steps.get(0);
      for (AggregatorScale.Step s : steps) {
        double ratio = s.cpuMicrosPerClaim() / first.cpuMicrosPerClaim();
        table.row(String.format(Locale.ROOT, "%,d claims", s.claims()), String.format(Locale.ROOT,
            "%,.0f claims/s; %.0f us CPU per claim (%.2fx the first step); update p50 %d ms, p99 %d ms; largest "
                + "totals record %,d B; live heap %d MB; RocksDB %d MB", s.claimsPerSec(), s.cpuMicrosPerClaim(),
            ratio, s.p50Ms(), s.p99Ms(), s.largestTotalsBytes(), s.liveHeapMb(), s.stateMb()),
            "CPU per claim <= 1.5x the first step", ratio <= 1.5 ? "ok" : "MISSED");
      }
      table.print();
      return 0;
    } finally {
      if (!keep) {
        LocalKafka.deleteRecursively(work);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------- memory

  private String[] memRow(String name, ChildJvm jvm) throws IOException, InterruptedException {
    long rss = jvm.rssHighWaterMb();
    jvm.close();
    long[] heap = jvm.heapFromGcLog();
    boolean isService = !name.startsWith("broker");
    return new String[] {name, String.format(Locale.ROOT, "heap %d / %d MB, RSS %d MB", heap[0], heap[1], rss),
        isService ? "heap <= 1 GB" : "", isService ? (heap[0] <= 1024 ? "ok" : "MISSED") : ""};
  }

  /** One untimed-by-itself pass of the plain loop, for the paired comparisons; returns its wall time. */
  private long plainPass(List<CorpusItem> corpus) {
    long s = System.nanoTime();
    corpus.forEach(it -> pairedAnnotator.annotate(it.article));
    return System.nanoTime() - s;
  }

  private static Duration orZero(Duration d) {
    return d == null ? Duration.ZERO : d;
  }

  private List<String> serviceOpts() {
    List<String> opts = new ArrayList<>(List.of("-Xmx" + serviceHeap));
    for (String o : serviceJavaOpts.trim().split("\\s+")) {
      if (!o.isEmpty()) {
        opts.add(o);
      }
    }
    return opts;
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 20) + " GiB RAM";
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "RAM unknown";
    }
    return "RAM unknown";
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
