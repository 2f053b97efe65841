package io.flightwatch.bench;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.extract.AnnotatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The plain loops in the bench JVM and the two speed targets they decide, on one corpus:
 *
 * <ul>
 *   <li>the extractor loop over the whole corpus, every article timed ({@link #extractorLoop}); from its median pass, the
 *       cost of an off-topic article against an on-topic one (mean wall time per article; target
 *       {@value #OFF_TOPIC_TARGET}x);</li>
 *   <li>CoreNLP's default {@code tokenize,ssplit,pos,lemma,ner} against the extractor per token on on-topic articles
 *       ({@link #compare}; target {@value #PER_TOKEN_TARGET}x): the default pipeline on the corpus' first on-topic
 *       articles, and the extractor on the same articles in passes right before and right after it, so the ratio is
 *       taken at one moment on a machine whose speed drifts by 10-30 % over minutes.</li>
 * </ul>
 */
public final class SpeedTargets {

  public static final double PER_TOKEN_TARGET = 6;
  public static final double OFF_TOPIC_TARGET = 100;
  public static final String DEFAULT_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";
  /** Most untimed passes of the default pipeline over its sample: it is too slow for the full warm-up rule. */
  private static final int DEFAULT_WARMUP_PASSES = 3;

  private final AnnotatorFactory factory;
  private final PassTimer timer;

  public SpeedTargets(AnnotatorFactory factory, PassTimer timer) {
    this.factory = factory;
    this.timer = timer;
  }

  // ----------------------------------------------------------------------------------------------------------- loops

  /**
   * The extractor in a plain loop over {@code corpus} until steady, then timed passes; the median pass's per-article times
   * go into the items ({@link CorpusItem#extractorNanos}), with whether each was annotated ({@link CorpusItem#relevant}).
   */
  public Rate extractorLoop(List<CorpusItem> corpus, String what) throws Exception {
    ArticleAnnotator annotator = factory.newAnnotator();
    timer.warmUntilSteady(what, () -> {
      long s = System.nanoTime();
      corpus.forEach(it -> annotator.annotate(it.article));
      return System.nanoTime() - s;
    }, ProcessHandle.current().pid());
    List<long[]> perArticle = new ArrayList<>();
    PassTimer.Timed median = timer.medianPass(what, () -> {
      long[] nanos = new long[corpus.size()];
      long t0 = System.nanoTime();
      for (int i = 0; i < corpus.size(); i++) {
        CorpusItem it = corpus.get(i);
        long s = System.nanoTime();
        AnnotatedArticle out = annotator.annotate(it.article);
        nanos[i] = System.nanoTime() - s;
        it.relevant = out.processing().relevant();
      }
      long total = System.nanoTime() - t0;
      perArticle.add(nanos);
      return total;
    });
    long[] nanos = perArticle.get(median.index());
    for (int i = 0; i < corpus.size(); i++) {
      corpus.get(i).extractorNanos = nanos[i];
    }
    return new Rate(corpus, nanos, median.nanos());
  }

  /** The corpus split between {@code threads} annotators on the shared models, each on its own thread; wall time. */
  public Rate extractorThreads(List<CorpusItem> corpus, int threads) throws Exception {
    return Rate.wall(corpus, timer.medianPass("extractor loop, " + threads + " threads",
        () -> threadsPass(corpus, threads)).nanos());
  }

  private long threadsPass(List<CorpusItem> corpus, int threads) throws Exception {
    List<Thread> workers = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int first = t;
      Thread w = new Thread(() -> {
        ArticleAnnotator annotator = factory.newAnnotator();
        for (int i = first; i < corpus.size(); i += threads) {
          annotator.annotate(corpus.get(i).article);
        }
      }, "bench-extractor-" + t);
      w.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a bench extractor thread failed", failure.get());
    }
    return System.nanoTime() - t0;
  }

  // ------------------------------------------------------------------------------------------------- CoreNLP default

  /** CoreNLP's default pipeline (~1 GB of models), loaded once for the run; closing frees them for what follows. */
  public static final class DefaultNer implements AutoCloseable {
    private final StanfordCoreNLP nlp;

    public DefaultNer() {
      Properties p = new Properties();
      p.setProperty("annotators", DEFAULT_ANNOTATORS);
      StanfordCoreNLP.clearAnnotatorPool();
      nlp = new StanfordCoreNLP(p);
    }

    /** One pass over {@code items}; per-article times into {@code nanos} when not null; returns the wall time. */
    long pass(List<CorpusItem> items, long[] nanos) {
      long t0 = System.nanoTime();
      for (int i = 0; i < items.size(); i++) {
        long s = System.nanoTime();
        nlp.annotate(new CoreDocument(items.get(i).article.fullText()));
        if (nanos != null) {
          nanos[i] = System.nanoTime() - s;
        }
      }
      return System.nanoTime() - t0;
    }

    @Override
    public void close() {
      StanfordCoreNLP.clearAnnotatorPool();
    }
  }

  /**
   * (a) and (b) per token on the same on-topic articles: {@code a} the default pipeline's timed pass, {@code b} the
   * extractor's median pass of those right before and right after it, and the ratio against the median of each side.
   */
  public record Comparison(Rate a, Rate b, double ratio, double ratioBefore, double ratioAfter) {}

  /**
   * The default pipeline on {@code sample} (the corpus' first on-topic articles): untimed passes until one is within
   * --steady of the pass before (at most {@value #DEFAULT_WARMUP_PASSES}), then one timed pass, bracketed by
   * --timed-passes extractor passes over the same articles right before and right after it. Call after
   * {@link #extractorLoop} on the corpus, so the extractor is warm.
   */
  public Comparison compare(DefaultNer ner, List<CorpusItem> sample, String label) {
    String what = "CoreNLP default, " + sample.size() + " on-topic articles of " + label;
    List<Long> warm = new ArrayList<>();
    for (int i = 0; i < DEFAULT_WARMUP_PASSES; i++) {
      warm.add(ner.pass(sample, null));
      long last = warm.get(warm.size() - 1);
      if (i > 0 && Math.abs(last - warm.get(i - 1)) <= timer.steady() * warm.get(i - 1)) {
        break;
      }
    }
    ArticleAnnotator annotator = factory.newAnnotator();
    List<Long> before = extractorPasses(annotator, sample);
    long[] aNanos = new long[sample.size()];
    long aWall = ner.pass(sample, aNanos);
    List<Long> after = extractorPasses(annotator, sample);
    timer.note(what, "warm-up " + PassTimer.seconds(warm) + "; timed " + PassTimer.seconds(List.of(aWall)));
    timer.note("extractor on the same articles, " + label, "before (a) " + PassTimer.seconds(before) + "; after (a) "
        + PassTimer.seconds(after) + " (median of all used)");
    List<Long> all = new ArrayList<>(before);
    all.addAll(after);
    Rate a = new Rate(sample, aNanos, aWall);
    Rate b = Rate.wall(sample, median(all));
    return new Comparison(a, b, a.wallNanos / (double) b.wallNanos, aWall / (double) median(before),
        aWall / (double) median(after));
  }

  private List<Long> extractorPasses(ArticleAnnotator annotator, List<CorpusItem> sample) {
    List<Long> out = new ArrayList<>();
    for (int p = 0; p < timer.timedPasses(); p++) {
      long s = System.nanoTime();
      sample.forEach(it -> annotator.annotate(it.article));
      out.add(System.nanoTime() - s);
    }
    return out;
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  /** The first {@code n} on-topic articles of the corpus. */
  public static List<CorpusItem> onTopicSample(List<CorpusItem> corpus, int n) {
    return corpus.stream().filter(i -> i.labelledOnTopic).limit(n).toList();
  }

  // ---------------------------------------------------------------------------------------------------------- report

  /**
   * The section of the two targets for one corpus: (a) vs (b) per token on on-topic articles ({@code cmp} null when (a)
   * was skipped), and the cost per article off- vs on-topic from the extractor loop's median pass {@code loop}.
   */
  public static void report(BenchTable table, String label, boolean labelsFromExtractor, Rate loop, Comparison cmp) {
    Rate on = loop.onTopicOnly();
    Rate off = loop.offTopicOnly();
    table.section("speed targets, " + label + ": extractor vs CoreNLP default per token on on-topic articles; "
        + "off-topic vs on-topic cost per article");
    table.row("corpus", String.format(Locale.ROOT, "%d articles: %d on-topic%s (%s tokens each on average), %d off-topic "
            + "(%s tokens)", loop.articles, on.articles, labelsFromExtractor ? " (= annotated by the extractor)" : "",
        tokensEach(on), off.articles, tokensEach(off)), "", "");
    if (cmp != null) {
      table.rate("(a) CoreNLP default " + DEFAULT_ANNOTATORS + ", first " + cmp.a().articles + " on-topic articles",
          cmp.a());
      table.rate("(b) extractor on the same articles, passes right before and after (a), median", cmp.b());
      table.ratio("b/a  extractor vs CoreNLP default, per token, on-topic articles", cmp.ratio(),
          String.format(Locale.ROOT, " (against the passes before (a) %.2fx, after %.2fx)", cmp.ratioBefore(),
              cmp.ratioAfter()), ">= " + fmt(PER_TOKEN_TARGET), PER_TOKEN_TARGET);
    } else {
      table.row("b/a  extractor vs CoreNLP default, per token, on-topic articles", "not measured (--skip-default or "
          + "no on-topic article)", ">= " + fmt(PER_TOKEN_TARGET), "");
    }
    if (on.articles > 0) {
      table.rate("(b) extractor loop, all on-topic articles of the corpus (median pass)", on);
      table.row("on-topic article, extractor loop (mean wall time)", String.format(Locale.ROOT, "%.2f ms",
          on.msPerArticle()), "", "");
    }
    if (off.articles > 0) {
      Rate gated = off.relevant(false);
      Rate annotated = off.relevant(true);
      String split = labelsFromExtractor ? "" : String.format(Locale.ROOT, "; %d of %d annotated whole (the gate and the cascade stopped the rest)%s",
          annotated.articles, off.articles, annotated.articles == 0 ? ""
              : String.format(Locale.ROOT, ": %.2f ms each, the other %d %.3f ms", annotated.msPerArticle(),
                  gated.articles, gated.articles == 0 ? 0 : gated.msPerArticle()));
      table.row("off-topic article, extractor loop (mean wall time)", String.format(Locale.ROOT, "%.3f ms%s",
          off.msPerArticle(), split), "", "");
    }
    String target = ">= " + fmt(OFF_TOPIC_TARGET);
    if (on.articles > 0 && off.articles > 0) {
      table.ratio("off-topic article cheaper than on-topic: on-topic / off-topic mean cost", on.msPerArticle()
          / off.msPerArticle(), target, OFF_TOPIC_TARGET);
    } else {
      table.row("off-topic article cheaper than on-topic: on-topic / off-topic mean cost", "n/a: no "
          + (on.articles == 0 ? "on" : "off") + "-topic article in this corpus", target, "");
    }
  }

  private static String tokensEach(Rate r) {
    return r.articles == 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.tokensPerArticle());
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
