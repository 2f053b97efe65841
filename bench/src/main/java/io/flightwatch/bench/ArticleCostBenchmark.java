package io.flightwatch.bench;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.extract.AnnotatorFactory;
import io.flightwatch.nlp.extract.ExtractorSettings;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The plain-loop passes of the two speed targets, as JMH benchmarks: one operation is one pass over a group of articles
 * ({@link CorpusGroups}), so the time per operation is a pass's wall time and the bench JVM turns it into tokens/s and
 * ms per article with the token counts it holds ({@link SpeedResult}). JMH does the warm-up and the measurement (its
 * iterations replace the bench's old "passes until steady" rule for these loops) and the dead-code guard (every result
 * goes to a {@link Blackhole}). Run from {@link ThroughputPhase}; the corpus is rebuilt in each fork from the
 * {@code corpus} parameter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArticleCostBenchmark {

  /** CoreNLP's default pipeline, the baseline of the per-token target. */
  public static final String DEFAULT_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";

  /**
   * The corpus of the {@code corpus} spec, split as the bench JVM split it ({@code relevant}), and the extractor that
   * runs the passes (not loaded in the fork of the default pipeline's benchmark, which does not use it).
   */
  @State(Scope.Benchmark)
  public static class Articles {
    /** {@link CorpusSpec#encode()}; set by {@link ThroughputPhase}. */
    @Param("generated:42:300:0.2")
    public String corpus;
    /** How many on-topic articles the default pipeline and the extractor are compared on. */
    @Param("40")
    public int sample;
    /**
     * The bench JVM's classification ({@link #encode}): one character per article, 1 when the extractor annotated it
     * whole. Passed in rather than redone so a fork times exactly the groups whose tokens the bench JVM counted; empty:
     * classify here.
     */
    @Param("")
    public String relevant;

    AnnotatorFactory factory;
    ArticleAnnotator annotator;
    List<CorpusItem> items;
    CorpusGroups groups;

    @Setup(Level.Trial)
    public void load(BenchmarkParams params) throws IOException {
      CorpusSpec spec = CorpusSpec.decode(corpus);
      items = BenchCorpus.untokenized(BenchCorpus.articles(spec));
      boolean extractor = !params.getBenchmark().endsWith(".defaultNerSample");
      if (extractor || relevant.isEmpty()) {
        factory = AnnotatorFactory.create(ExtractorSettings.defaults());
        annotator = factory.newAnnotator();
      }
      if (relevant.isEmpty()) {
        BenchCorpus.classify(annotator, items, spec.isFolder());
      } else {
        decode(relevant, items, spec.isFolder());
      }
      groups = CorpusGroups.of(items, sample);
    }

    /** The classification of {@code items} as the {@code relevant} parameter. */
    public static String encode(List<CorpusItem> items) {
      StringBuilder s = new StringBuilder(items.size());
      items.forEach(i -> s.append(i.relevant ? '1' : '0'));
      return s.toString();
    }

    static void decode(String relevant, List<CorpusItem> items, boolean folder) {
      if (relevant.length() != items.size()) {
        throw new IllegalStateException("classification of " + relevant.length() + " articles for a corpus of "
            + items.size() + ": the fork did not build the bench JVM's corpus");
      }
      for (int i = 0; i < items.size(); i++) {
        items.get(i).relevant = relevant.charAt(i) == '1';
      }
      if (folder) {
        BenchCorpus.labelFromExtractor(items);
      }
    }
  }

  /** CoreNLP's default pipeline (about 1 GB of models), loaded only in the fork of the benchmark that uses it. */
  @State(Scope.Benchmark)
  public static class DefaultNer {
    StanfordCoreNLP nlp;

    @Setup(Level.Trial)
    public void load() {
      Properties p = new Properties();
      p.setProperty("annotators", DEFAULT_ANNOTATORS);
      StanfordCoreNLP.clearAnnotatorPool();
      nlp = new StanfordCoreNLP(p);
    }

    @TearDown(Level.Trial)
    public void free() {
      StanfordCoreNLP.clearAnnotatorPool();
    }
  }

  /** One extractor per thread on the shared models, and which share of the corpus the thread annotates. */
  @State(Scope.Thread)
  public static class PerThread {
    ArticleAnnotator annotator;
    int index;
    int threads;

    @Setup(Level.Trial)
    public void load(Articles articles, ThreadParams params) {
      annotator = articles.factory.newAnnotator();
      index = params.getThreadIndex();
      threads = params.getThreadCount();
    }
  }

  /** (a) CoreNLP's default pipeline over the on-topic sample. */
  @Benchmark
  public void defaultNerSample(Articles a, DefaultNer ner, Blackhole bh) {
    for (CorpusItem it : a.groups.sample()) {
      CoreDocument doc = new CoreDocument(it.article.fullText());
      ner.nlp.annotate(doc);
      bh.consume(doc);
    }
  }

  /** (b) the extractor over the same sample as (a). */
  @Benchmark
  public void extractorSample(Articles a, Blackhole bh) {
    pass(a.annotator, a.groups.sample(), bh);
  }

  /** The extractor over every on-topic article. */
  @Benchmark
  public void extractorOnTopic(Articles a, Blackhole bh) {
    pass(a.annotator, a.groups.onTopic(), bh);
  }

  /** The extractor over the off-topic articles it stops early (gate or cascade). */
  @Benchmark
  public void extractorOffTopicStopped(Articles a, Blackhole bh) {
    pass(a.annotator, a.groups.offStopped(), bh);
  }

  /** The extractor over the off-topic articles it annotates whole anyway. */
  @Benchmark
  public void extractorOffTopicAnnotated(Articles a, Blackhole bh) {
    pass(a.annotator, a.groups.offAnnotated(), bh);
  }

  /**
   * Two threads sharing the models, each annotating its half of the whole corpus per operation: what the shared
   * pipeline does with two free cores (one operation of both threads together is one pass over the corpus).
   */
  @Benchmark
  @Threads(2)
  public void extractorCorpusTwoThreads(Articles a, PerThread t, Blackhole bh) {
    for (int i = t.index; i < a.items.size(); i += t.threads) {
      bh.consume(t.annotator.annotate(a.items.get(i).article));
    }
  }

  private static void pass(ArticleAnnotator annotator, List<CorpusItem> items, Blackhole bh) {
    for (CorpusItem it : items) {
      bh.consume(annotator.annotate(it.article));
    }
  }
}
