package io.flightwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The plain-loop throughput phase: runs {@link ArticleCostBenchmark} through JMH's Runner, one run per corpus (so a
 * corpus' ratios come from one run), and turns the scores into {@link SpeedResult}s with the token counts the bench JVM
 * holds. Benchmarks over an empty group are left out rather than timed empty.
 */
public final class ThroughputPhase {

  /** How JMH runs the passes. */
  public record Settings(int forks, List<String> forkJvmArgs, int warmupIterations, int warmupSeconds,
      int measurementIterations, int iterationSeconds, int sampleSize, boolean defaultNer, boolean twoThreads) {}

  /** A corpus as the bench JVM built it: its spec and its tokenized, classified items. */
  public record Corpus(CorpusSpec spec, List<CorpusItem> items) {}

  /** The results by corpus, in the order given, and every raw JMH score. */
  public record Result(List<SpeedResult> speeds, List<JmhScore> scores) {}

  private final Settings settings;

  public ThroughputPhase(Settings settings) {
    this.settings = settings;
  }

  public Result run(List<Corpus> corpora) throws RunnerException {
    List<SpeedResult> speeds = new ArrayList<>();
    List<JmhScore> all = new ArrayList<>();
    for (Corpus c : corpora) {
      CorpusGroups groups = CorpusGroups.of(c.items(), settings.sampleSize());
      List<String> methods = methods(groups, settings);
      List<JmhScore> scores = JmhScore.of(new Runner(options(c, methods)).run());
      all.addAll(scores);
      speeds.add(SpeedResult.from(c.spec(), groups, c.items(), scores));
    }
    return new Result(speeds, all);
  }

  /** The benchmark methods worth running on {@code groups}. */
  static List<String> methods(CorpusGroups groups, Settings settings) {
    List<String> m = new ArrayList<>();
    if (!groups.sample().isEmpty()) {
      if (settings.defaultNer()) {
        m.add("defaultNerSample");
      }
      m.add("extractorSample");
    }
    if (!groups.onTopic().isEmpty()) {
      m.add("extractorOnTopic");
    }
    if (!groups.offStopped().isEmpty()) {
      m.add("extractorOffTopicStopped");
    }
    if (!groups.offAnnotated().isEmpty()) {
      m.add("extractorOffTopicAnnotated");
    }
    if (settings.twoThreads()) {
      m.add("extractorCorpusTwoThreads");
    }
    return m;
  }

  private Options options(Corpus corpus, List<String> methods) {
    TimeValue iteration = TimeValue.seconds(settings.iterationSeconds());
    return new OptionsBuilder()
        .include("^" + Pattern.quote(ArticleCostBenchmark.class.getName()) + "\\.(" + String.join("|", methods) + ")$")
        .param("corpus", corpus.spec().encode())
        .param("relevant", ArticleCostBenchmark.Articles.encode(corpus.items()))
        .param("sample", String.valueOf(settings.sampleSize()))
        .forks(settings.forks())
        .jvmArgs(settings.forkJvmArgs().toArray(String[]::new))
        .warmupIterations(settings.warmupIterations())
        .warmupTime(TimeValue.seconds(settings.warmupSeconds()))
        .measurementIterations(settings.measurementIterations())
        .measurementTime(iteration)
        .shouldFailOnError(true)
        .build();
  }
}
