package io.flightwatch.bench;

import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.nlp.extract.AnnotatorFactory;
import io.flightwatch.nlp.extract.ExtractorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flightwatch bench}: one run, one table. It only reads the options and calls the phases, each a small class
 * returning a record; {@link ReportWriter} prints them:
 *
 * <ol>
 *   <li>{@link ThroughputPhase}: the two speed targets, (b) the extractor against (a) CoreNLP's default pipeline per
 *       token on on-topic articles and an off-topic article's cost against an on-topic one's, as JMH benchmarks
 *       ({@link ArticleCostBenchmark}); with {@code --input}, on the folder and on the generated corpus;</li>
 *   <li>{@link KafkaPhase}: (c) the processor through a real broker, each service in its own JVM, at its sustained rate
 *       and paired with plain-loop passes; with it {@link LatencyPhase} (send to total on {@code /api/stream} at shares
 *       of the measured peak) and the memory of each service JVM;</li>
 *   <li>{@link StartupPhase}: {@code up} to its first total;</li>
 *   <li>{@code --aggregator-scale}: only {@link AggregatorScale}, the aggregator under a growing state.</li>
 * </ol>
 * Tokens are counted once with CoreNLP's tokenizer so all rows share one denominator. The service JVMs run the
 * launcher's main class (the root command this one is registered under), so this module does not depend on the
 * launcher.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Benchmark in one run, printing one table: this extractor vs CoreNLP's default NER per token on "
            + "on-topic articles, and an off-topic article's cost vs an on-topic one's (JMH, news-length "
            + "articles); the processor through Kafka with 1 and 2 stream threads (articles/s, tokens/s, ratios); "
            + "end-to-end latency (send -> total on /api/stream) at 25/50/90%% of the measured peak rate; peak heap "
            + "and RSS of each service JVM; start-up of `up` to the first total.",
        "Run with a large heap (the default NER needs ~2 GB): FLIGHTWATCH_JAVA_OPTS=-Xmx3g ./flightwatch bench. "
            + "--quick measures only the two speed targets. See BENCHMARKS.md."})
public final class BenchCommand implements Callable<Integer> {

  @Mixin
  BenchOptions o = new BenchOptions();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!o.aggregatorScale.isEmpty()) {
      return scale();
    }
    if (o.quick) {
      o.skipKafka = true;
      o.skipLatency = true;
      o.skipUp = true;
    }
    CorpusSpec main = o.input != null ? CorpusSpec.folder(o.input)
        : CorpusSpec.generated(o.seed, o.articles, o.onTopicShare);
    if (o.dumpCorpus != null) {
      List<CorpusGenerator.Item> items = BenchCorpus.articles(main);
      BenchCorpus.dump(items, o.dumpCorpus);
      System.out.println("bench: wrote " + items.size() + " articles to " + o.dumpCorpus);
      return 0;
    }
    AnnotatorFactory factory = AnnotatorFactory.create(ExtractorSettings.defaults());
    long heapAfterLoad = usedHeapAfterGc();
    List<ThroughputPhase.Corpus> corpora = new ArrayList<>();
    corpora.add(new ThroughputPhase.Corpus(main, classified(factory, main)));
    if (corpora.get(0).items().isEmpty()) {
      System.err.println("bench: empty corpus");
      return 2;
    }
    // With --input, the two speed targets are also measured on the generated corpus, in the same run.
    if (o.input != null && o.articles > 0) {
      CorpusSpec generated = CorpusSpec.generated(o.seed, o.articles, o.onTopicShare);
      corpora.add(new ThroughputPhase.Corpus(generated, classified(factory, generated)));
    }
    List<CorpusItem> corpus = corpora.get(0).items();
    ThroughputPhase.Result speed = new ThroughputPhase(o.throughputSettings()).run(corpora);

    ReportWriter report = new ReportWriter().title(title(corpora));
    speed.speeds().forEach(report::speed);
    Path work = Files.createTempDirectory("flightwatch-bench");
    List<ServiceMemory> memory = new ArrayList<>();
    try {
      KafkaPhase.Result kafka = null;
      if (!o.skipKafka || !o.skipUp) {
        // the latency runs send, and `up` is given, articles whose effect on one country's total can be seen
        LatencyPhase.markTracked(factory.newAnnotator(), corpus);
      }
      if (!o.skipKafka) {
        kafka = new KafkaPhase(mainClass(), o, work, factory.newAnnotator()).run(corpus);
        memory.addAll(kafka.memory());
      }
      report.throughput(speed.speeds().get(0), kafka, o.timedPasses).jmhScores(speed.scores());
      if (kafka != null) {
        report.kafkaDetails(kafka);
      }
      report.memory(heapAfterLoad, memory);
      if (!o.skipUp) {
        report.startup(new StartupPhase(mainClass(), work, o.upHeap).run(corpus));
      }
    } finally {
      cleanUp(work);
    }
    report.machine().print();
    return 0;
  }

  /** The corpus of {@code spec}, tokenized and split by what the extractor annotates ({@link BenchCorpus#classify}). */
  private static List<CorpusItem> classified(AnnotatorFactory factory, CorpusSpec spec) throws Exception {
    List<CorpusItem> items = BenchCorpus.tokenized(BenchCorpus.articles(spec));
    BenchCorpus.classify(factory.newAnnotator(), items, spec.isFolder());
    if (!spec.isFolder()) {
      long missed = items.stream().filter(i -> i.labelledOnTopic && !i.relevant).count();
      if (missed > 0) {
        System.err.println("bench: " + missed + " generated on-topic articles did not pass the relevance gate");
      }
    }
    return items;
  }

  private String title(List<ThroughputPhase.Corpus> corpora) {
    StringBuilder t = new StringBuilder("flightwatch bench  " + Instant.now().toString().substring(0, 19));
    for (ThroughputPhase.Corpus c : corpora) {
      long tokens = c.items().stream().mapToLong(i -> i.tokens).sum();
      t.append(String.format(Locale.ROOT, "  corpus: %s, %d articles, %,d tokens (%.0f per article);", c.spec().label(),
          c.items().size(), tokens, tokens / (double) c.items().size()));
    }
    ThroughputPhase.Settings s = o.throughputSettings();
    return t.append(String.format(Locale.ROOT, "  JMH: %d fork(s) (%s), %d warm-up iterations of %d s, %d measurement "
        + "iterations of %d s", s.forks(), String.join(" ", s.forkJvmArgs()), s.warmupIterations(), s.warmupSeconds(),
        s.measurementIterations(), s.iterationSeconds())).toString();
  }

  private int scale() throws Exception {
    Path work = Files.createTempDirectory("flightwatch-bench-scale");
    try {
      List<AggregatorScale.Step> steps = new AggregatorScale(mainClass(), work, o.serviceOpts(), o.seed)
          .run(o.aggregatorScale);
      new ReportWriter().title("flightwatch bench --aggregator-scale  " + Instant.now().toString().substring(0, 19)
          + "  generated claims, seed " + o.seed + ", aggregator " + String.join(" ", o.serviceOpts()))
          .scale(steps).print();
      return 0;
    } finally {
      cleanUp(work);
    }
  }

  /** The main class of the command line this command runs under: the service JVMs run its subcommands. */
  private String mainClass() {
    return spec.root().userObject().getClass().getName();
  }

  private void cleanUp(Path work) {
    if (o.keep) {
      System.out.println("bench: work folder kept: " + work);
    } else {
      LocalKafka.deleteRecursively(work);
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }
}
