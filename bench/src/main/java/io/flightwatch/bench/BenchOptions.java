package io.flightwatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of {@code flightwatch bench}, apart from the command so the command stays a short list of phases. Fields
 * are set by picocli only; {@link BenchCommand} reads them.
 */
public final class BenchOptions {

  @Option(names = "--articles", defaultValue = "600",
      description = "Generated corpus size (default: ${DEFAULT-VALUE}: articles are 400-900 tokens, ~660 on average, "
          + "so about 400,000 tokens). With --input, the size of the generated corpus the two speed targets are also "
          + "measured on (0: none).")
  int articles;

  @Option(names = "--on-topic-share", defaultValue = "0.2",
      description = "Share of on-topic articles in the generated corpus, spread evenly (default: ${DEFAULT-VALUE}, "
          + "i.e. 1:4).")
  double onTopicShare;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--input", paramLabel = "DIR",
      description = "Read *.txt articles (title on the first line) from DIR instead of generating. A folder has no "
          + "on-/off-topic labels: its articles are split into those the extractor annotates whole and those its "
          + "relevance gate (or the cascade) stops, and reported under those names. The two speed targets are also "
          + "measured on the generated corpus (--articles, --seed, --on-topic-share).")
  Path input;

  @Option(names = "--default-articles", defaultValue = "40",
      description = "On-topic articles (the corpus' first; from a folder, the first annotated ones) that CoreNLP's "
          + "slow default NER, (a), and the extractor, (b), are compared on per token (default: ${DEFAULT-VALUE}).")
  int defaultArticles;

  @Option(names = "--jmh-forks", paramLabel = "N", defaultValue = "1",
      description = "JMH forks per throughput benchmark (default: ${DEFAULT-VALUE}; 0 runs them in this JVM).")
  int jmhForks;

  @Option(names = "--jmh-jvm-args", paramLabel = "OPTS", defaultValue = "-Xmx3g -XX:+UseG1GC",
      description = "JVM options of the JMH forks (default: ${DEFAULT-VALUE}; the default NER needs ~2 GB).")
  String jmhJvmArgs;

  @Option(names = "--jmh-warmup", paramLabel = "N",
      description = "JMH warm-up iterations per throughput benchmark (default: 5, with --quick 3).")
  Integer jmhWarmup;

  @Option(names = "--jmh-iterations", paramLabel = "N",
      description = "JMH measurement iterations per throughput benchmark (default: 5, with --quick 3).")
  Integer jmhIterations;

  @Option(names = "--jmh-seconds", paramLabel = "S",
      description = "Length of a JMH measurement iteration; a pass longer than that makes an iteration of one pass "
          + "(default: 10, with --quick 5).")
  Integer jmhSeconds;

  @Option(names = "--jmh-warmup-seconds", paramLabel = "S", defaultValue = "20",
      description = "Length of a JMH warm-up iteration (default: ${DEFAULT-VALUE}). The warm-up must be long in time, "
          + "not in passes: JIT-compiling CoreNLP keeps a core busy for tens of seconds, and with 2 warm-up iterations "
          + "of 5 s a pass of several seconds was measured while the JIT still worked (a run where 40 articles took "
          + "15-21 s a pass and 44 articles including them 5.5-9.7 s).")
  int jmhWarmupSeconds;

  @Option(names = "--warmup-passes", paramLabel = "N", defaultValue = "15",
      description = "Most untimed passes over the corpus before each processor JVM of (c), and the loop it is paired "
          + "with, are timed (default: ${DEFAULT-VALUE}). Warm-up stops earlier once two passes in a row are each "
          + "within --steady of the one before and the JIT compilers used at most --jit-settled cores in the last one.")
  int warmupPasses;

  @Option(names = "--jit-settled", paramLabel = "CORES", defaultValue = "0.05",
      description = "Warm-up of (c) also waits until the JIT compiler threads of the processor and the broker used at "
          + "most this many cores over a pass (default: ${DEFAULT-VALUE}).")
  double jitSettled;

  @Option(names = "--timed-passes", paramLabel = "N", defaultValue = "5",
      description = "Timed passes per processor, and paired passes per processor; the median is reported. A "
          + "processor's pass is sustained: the corpus published three times, timed from the n-th to the 2n-th output "
          + "(default: ${DEFAULT-VALUE}).")
  int timedPasses;

  @Option(names = "--steady", paramLabel = "FRACTION", defaultValue = "0.05",
      description = "A warm-up pass of (c) is a steady step when its wall time is within this fraction of the pass "
          + "before (default: ${DEFAULT-VALUE}).")
  double steady;

  @Option(names = "--latency-seconds", defaultValue = "30",
      description = "Duration of each fixed-rate latency run (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--latency-loads", defaultValue = "25,50,90", split = ",",
      description = "Send rates as percent of the measured 1-thread peak (default: ${DEFAULT-VALUE}).")
  List<Integer> latencyLoads = new ArrayList<>();

  @Option(names = "--service-heap", defaultValue = "1g",
      description = "-Xmx of each service JVM (default: ${DEFAULT-VALUE}: the issue's per-service budget).")
  String serviceHeap;

  @Option(names = "--up-heap", defaultValue = "2g",
      description = "-Xmx of the all-in-one `up` JVM for the start-up run (default: ${DEFAULT-VALUE}, as "
          + "./flightwatch).")
  String upHeap;

  @Option(names = "--service-java-opts", paramLabel = "OPTS", defaultValue = "-XX:+UseG1GC",
      description = "JVM options of the processor and aggregator JVMs besides -Xmx (default: ${DEFAULT-VALUE}).")
  String serviceJavaOpts;

  @Option(names = "--processor-set", paramLabel = "KEY=VALUE",
      description = "A processor configuration key for the (c) and latency runs, e.g. commit.interval.ms=100 "
          + "(repeatable).")
  Map<String, String> processorSet = new LinkedHashMap<>();

  @Option(names = "--jfr", paramLabel = "DIR",
      description = "Record the processor JVMs with Java Flight Recorder into DIR.")
  Path jfrDir;

  @Option(names = "--quick", description = "Only the two speed targets (JMH, fewer and shorter iterations): "
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
  List<Integer> aggregatorScale = new ArrayList<>();

  @Option(names = "--keep", description = "Keep the work folder (service logs, GC logs) instead of deleting it.")
  boolean keep;

  /** -Xmx and --service-java-opts of a service JVM. */
  List<String> serviceOpts() {
    return withHeap(serviceHeap, serviceJavaOpts);
  }

  /** The JMH settings, --quick's smaller defaults where not given. */
  ThroughputPhase.Settings throughputSettings() {
    return new ThroughputPhase.Settings(jmhForks, split(jmhJvmArgs), orDefault(jmhWarmup, quick ? 3 : 5),
        jmhWarmupSeconds, orDefault(jmhIterations, quick ? 3 : 5), orDefault(jmhSeconds, quick ? 5 : 10),
        defaultArticles, !skipDefault, !quick);
  }

  static List<String> withHeap(String heap, String opts) {
    List<String> out = new ArrayList<>(List.of("-Xmx" + heap));
    out.addAll(split(opts));
    return out;
  }

  static List<String> split(String opts) {
    List<String> out = new ArrayList<>();
    for (String o : opts.trim().split("\\s+")) {
      if (!o.isEmpty()) {
        out.add(o);
      }
    }
    return out;
  }

  private static int orDefault(Integer given, int otherwise) {
    return given == null ? otherwise : given;
  }
}
