package io.flightwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one report of a bench run: turns the phases' result records into the sections of one {@link BenchTable} (a
 * Markdown table). Every label says what was measured on what; a folder's articles are called annotated and stopped,
 * never on- and off-topic, because a folder has no labels.
 */
public final class ReportWriter {

  private final BenchTable table = new BenchTable();

  public BenchTable table() {
    return table;
  }

  public ReportWriter title(String title) {
    table.title(title);
    return this;
  }

  /** The section of the two speed targets on one corpus. */
  public ReportWriter speed(SpeedResult r) {
    boolean folder = r.corpus().isFolder();
    String on = folder ? "annotated" : "on-topic";
    String off = folder ? "stopped" : "off-topic";
    PassCost offTopic = r.offTopic();
    table.section("speed targets, " + r.corpus().label() + " (JMH, one pass per operation): extractor vs CoreNLP "
        + "default per token on " + on + " articles; " + off + " vs " + on + " cost per article");
    table.row(Row.info("corpus", corpusLine(r, folder)));
    String perToken = "b/a  extractor vs CoreNLP default, per token, " + on + " articles";
    String perTokenTarget = ">= " + fmt(SpeedResult.PER_TOKEN_TARGET);
    if (r.defaultNer() != null && r.sample() != null) {
      table.cost("(a) CoreNLP default " + ArticleCostBenchmark.DEFAULT_ANNOTATORS + ", first " + r.sample().articles()
          + " " + on + " articles", r.defaultNer());
      table.cost("(b) extractor on the same articles", r.sample());
      table.ratio(perToken, r.perTokenRatio(), perTokenTarget, SpeedResult.PER_TOKEN_TARGET);
    } else {
      table.row(new Row(perToken, "not measured (--skip-default or no " + on + " article)", perTokenTarget, ""));
    }
    if (r.onTopic() != null) {
      table.cost("(b) extractor, all " + on + " articles", r.onTopic());
      table.row(Row.info(on + " article, mean cost",
          String.format(Locale.ROOT, "%.2f ms", r.onTopic().msPerArticle())));
    }
    if (offTopic != null) {
      table.row(Row.info(off + " article, mean cost", String.format(Locale.ROOT, "%.3f ms", offTopic.msPerArticle())
          + (folder ? " (stopped by the relevance gate or the cascade)" : offSplit(r))));
    }
    String ratioName = on + " / " + off + " article cost";
    if (folder) {
      // Not the off-topic target: the stopped articles of a folder may be on-topic ones the gate missed.
      table.row(Row.info(ratioName + " (a folder has no labels: not the off-topic target)", Double.isNaN(r.onOffRatio())
          ? "n/a: no " + (r.onTopic() == null ? on : off) + " article in this folder"
          : String.format(Locale.ROOT, "%.2fx", r.onOffRatio())));
    } else if (Double.isNaN(r.onOffRatio())) {
      table.row(new Row(ratioName, "n/a: no " + (r.onTopic() == null ? on : off) + " article in this corpus",
          ">= " + fmt(SpeedResult.OFF_TOPIC_TARGET), ""));
    } else {
      table.ratio(ratioName, r.onOffRatio(), ">= " + fmt(SpeedResult.OFF_TOPIC_TARGET), SpeedResult.OFF_TOPIC_TARGET);
    }
    return this;
  }

  private static String corpusLine(SpeedResult r, boolean folder) {
    long on = articles(r.onTopic());
    long off = articles(r.offTopic());
    if (folder) {
      return String.format(Locale.ROOT, "%d articles, no on-/off-topic labels: %d annotated whole by the extractor (%s "
          + "tokens each on average), %d stopped by its relevance gate or cascade (%s tokens)", on + off, on,
          tokensEach(r.onTopic()), off, tokensEach(r.offTopic()));
    }
    return String.format(Locale.ROOT, "%d articles: %d on-topic (%s tokens each on average), %d off-topic (%s tokens)",
        on + off, on, tokensEach(r.onTopic()), off, tokensEach(r.offTopic()));
  }

  private static String offSplit(SpeedResult r) {
    long total = articles(r.offTopic());
    PassCost annotated = r.offAnnotated();
    PassCost stopped = r.offStopped();
    return String.format(Locale.ROOT, "; %d of %d annotated whole (the gate and the cascade stopped the rest)%s",
        articles(annotated), total, annotated == null ? ""
            : String.format(Locale.ROOT, ": %.2f ms each, the other %d %.3f ms", annotated.msPerArticle(),
                articles(stopped), stopped == null ? 0 : stopped.msPerArticle()));
  }

  /** Throughput rows: the plain loop (JMH) and, when run, the processors through Kafka, and their ratios. */
  public ReportWriter throughput(SpeedResult loop, KafkaPhase.Result kafka, int timedPasses) {
    table.section("throughput (one thread unless said; plain loops under JMH, (c) in service JVMs)");
    PassCost b = loop.corpusPass();
    table.cost("(b) extractor, plain loop, whole corpus of " + loop.corpus().label(), b);
    if (loop.twoThreads() != null) {
      table.cost("(b) extractor, plain loop, 2 threads sharing the models", loop.twoThreads());
    }
    if (kafka != null) {
      table.rate("(c) processor via Kafka, 1 stream thread, sustained", kafka.oneThread());
      table.rate("(c) processor via Kafka, 2 stream threads, sustained", kafka.twoThreads());
    }
    if (kafka == null && loop.twoThreads() == null) {
      return this;
    }
    table.section("ratios");
    if (loop.twoThreads() != null) {
      table.ratio("plain loop 2 threads vs 1 (no broker on the cores)", loop.twoThreads().articlesPerSec()
          / b.articlesPerSec(), "(info)", Double.NaN);
    }
    if (kafka != null) {
      // Timed minutes apart on a machine whose speed drifts; the verdicts are on the paired ratios.
      table.ratio("c/b  processor (1 thread) vs extractor loop (JMH), minutes apart",
          kafka.oneThread().articlesPerSec() / b.articlesPerSec(), "(info)", Double.NaN);
      table.ratio("2 stream threads vs 1, median passes minutes apart", kafka.twoThreads().articlesPerSec()
          / kafka.oneThread().articlesPerSec(), "(info)", Double.NaN);
      table.ratio("c/b paired: processor (1 thread) vs a loop pass just before it, median of " + timedPasses,
          kafka.pairedOne(), ">= 0.9", 0.9);
      table.ratio("2 vs 1 stream threads paired: (c2/b) / (c1/b), each against its own loop passes",
          kafka.pairedTwo() / kafka.pairedOne(), ">= 1.8", 1.8);
    }
    return this;
  }

  /** JMH's own numbers behind the rows above: mean time per pass, its error and every measurement iteration. */
  public ReportWriter jmhScores(List<JmhScore> scores) {
    table.section("JMH scores: time per pass (one operation), mean ± 99.9 % error, and each measurement iteration");
    for (JmhScore s : scores) {
      StringBuilder its = new StringBuilder();
      s.iterationMs().forEach(x -> its.append(its.length() == 0 ? "" : ", ").append(ms(x)));
      table.row(Row.info(s.method() + " [" + CorpusSpec.decode(s.corpus()).label() + "]", String.format(Locale.ROOT,
          "%s ± %s (%s)", ms(s.msPerPass()), Double.isNaN(s.errorMs()) ? "n/a" : ms(s.errorMs()), its)));
    }
    return this;
  }

  /** The Kafka phase's passes, CPU, latency and service memory. */
  public ReportWriter kafkaDetails(KafkaPhase.Result kafka) {
    table.section("(c) passes: untimed warm-up until steady and the JIT settled, then timed; paired loop passes");
    kafka.passes().forEach(table::row);
    table.section("CPU seconds used in the timed window (user + system, all threads), and how busy the machine was");
    kafka.cpu().forEach(table::row);
    if (!kafka.latency().isEmpty()) {
      table.section("end-to-end latency, producer send -> country total on /api/stream (processor 1 thread)");
      kafka.latency().forEach(run -> table.row(run.row()));
    }
    return this;
  }

  /** Memory of the bench JVM and of every service JVM. */
  public ReportWriter memory(long benchHeapMb, List<ServiceMemory> services) {
    table.section("memory: peak heap used (GC log) / largest live heap after GC / resident set high-water (VmHWM)");
    table.row(Row.info("bench JVM: extractor loaded (heap after GC)", benchHeapMb + " MB"));
    services.forEach(m -> table.row(m.row()));
    return this;
  }

  public ReportWriter startup(StartupPhase.Result up) {
    table.section("start-up");
    table.row(Row.info("`up` (broker, aggregator, processor, producer in one JVM, -Xmx" + up.heap() + ", "
        + up.articles() + " articles) to first total", up.firstTotalMs() < 0 ? "no total within 3 min"
            : String.format(Locale.ROOT, "%.1f s", up.firstTotalMs() / 1e3)));
    table.row(up.memory().row());
    return this;
  }

  /** The aggregator under a growing state: one row per cumulative step, CPU per claim against the first step's. */
  public ReportWriter scale(List<AggregatorScale.Step> steps) {
    table.section("aggregator under a growing state (cumulative claims loaded)");
    AggregatorScale.Step first = steps.get(0);
    for (AggregatorScale.Step s : steps) {
      double ratio = s.cpuMicrosPerClaim() / first.cpuMicrosPerClaim();
      table.row(new Row(String.format(Locale.ROOT, "%,d claims", s.claims()), String.format(Locale.ROOT,
          "%,.0f claims/s; %.0f us CPU per claim (%.2fx the first step); update p50 %d ms, p99 %d ms; largest "
              + "totals record %,d B; live heap %d MB; RocksDB %d MB", s.claimsPerSec(), s.cpuMicrosPerClaim(),
          ratio, s.p50Ms(), s.p99Ms(), s.largestTotalsBytes(), s.liveHeapMb(), s.stateMb()),
          "CPU per claim <= 1.5x the first step", ratio <= 1.5 ? "ok" : "MISSED"));
    }
    return this;
  }

  /** The machine: cores, memory, JVM, the bench JVM's heap and the load average at the end. */
  public ReportWriter machine() {
    table.section("machine");
    table.row(Row.info(String.format(Locale.ROOT, "%d cores, %s, %s %s, bench JVM max heap %d MB",
        Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20), "load " + loadAverage()));
    return this;
  }

  public void print() {
    table.print();
  }

  private static long articles(PassCost c) {
    return c == null ? 0 : c.articles();
  }

  private static String tokensEach(PassCost c) {
    return c == null ? "-" : String.format(Locale.ROOT, "%.0f", c.tokensPerArticle());
  }

  private static String ms(double ms) {
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f ms", ms);
  }

  static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 20) + " GiB RAM";
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "RAM unknown (" + e.getMessage() + ")";
    }
    return "RAM unknown";
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
