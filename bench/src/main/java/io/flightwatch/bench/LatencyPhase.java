package io.flightwatch.bench;

import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.Topics;
import io.flightwatch.nlp.ArticleAnnotator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * End-to-end latency at fixed open-loop rates, shares of the 1-thread processor's measured peak: every tracked
 * article's time from {@code producer.send} to the SSE event on the aggregator's {@code /api/stream} in which its
 * destination's total rises. Run by {@link KafkaPhase} while the 1-thread processor and the aggregator are up.
 */
public final class LatencyPhase {

  /** One fixed-rate run: its load (percent of peak) and its row (the 50 % run is held to the p99 target). */
  public record Run(int loadPercent, Row row) {}

  private final KafkaProducer<String, Article> producer;
  private final LatencyTracker tracker;
  private final List<CorpusItem> corpus;
  private final double peak;

  public LatencyPhase(KafkaProducer<String, Article> producer, LatencyTracker tracker, List<CorpusItem> corpus,
      double peakArticlesPerSec) {
    this.producer = producer;
    this.tracker = tracker;
    this.corpus = corpus;
    this.peak = peakArticlesPerSec;
  }

  /** Open-loop sends at {@code loads} percent of peak, {@code seconds} each; one run per load. */
  public List<Run> run(List<Integer> loads, int seconds) throws InterruptedException {
    // Only articles whose effect can be matched are sent: tracked on-topic ones and off-topic ones (no claims).
    List<CorpusItem> sendable = corpus.stream().filter(i -> i.trackedDestination != null || !i.relevant).toList();
    List<Run> runs = new ArrayList<>();
    awaitQuiet(3_000, 60_000);
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
      long sendNanos = System.nanoTime() - t0;
      int lost = tracker.awaitPending(30_000);
      long[] samples = tracker.drain();
      String label = String.format(Locale.ROOT, "%d%% of peak: %.1f articles/s for %d s (sent in %.1f s)", load, rate,
          seconds, sendNanos / 1e9);
      runs.add(new Run(load, row(label, samples, lost, load == 50)));
      awaitQuiet(2_000, 30_000);
    }
    return runs;
  }

  static Row row(String label, long[] samples, int lost, boolean target) {
    if (samples.length == 0) {
      return Row.info(label, "no samples (" + lost + " not seen)");
    }
    Percentiles p = new Percentiles(samples);
    String value = String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s  max %s  (n=%d%s)", ms(p.percentile(50)),
        ms(p.percentile(95)), ms(p.percentile(99)), ms(p.max()), p.count(), lost > 0 ? ", " + lost + " not seen" : "");
    return new Row(label, value, target ? "p99 <= 2 s" : "",
        target ? (p.percentile(99) <= 2_000_000_000L && lost == 0 ? "ok" : "MISSED") : "");
  }

  /** Waits until the aggregator has pushed no totals for {@code quietMs}: earlier work is fully counted. */
  private void awaitQuiet(long quietMs, long maxMs) {
    long deadline = System.nanoTime() + maxMs * 1_000_000;
    while (System.nanoTime() < deadline && System.nanoTime() - tracker.lastEventNanos() < quietMs * 1_000_000) {
      LockSupport.parkNanos(100_000_000L);
    }
  }

  static String ms(long nanos) {
    return nanos >= 10_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9)
        : String.format(Locale.ROOT, "%d ms", nanos / 1_000_000);
  }

  /**
   * Chooses the articles whose effect the latency probe can see unambiguously: their claims name exactly one
   * destination (the intended one, for generated articles), and no claim of the corpus has that country as its origin.
   * Call after {@link BenchCorpus#classify}.
   */
  public static void markTracked(ArticleAnnotator annotator, List<CorpusItem> corpus) {
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
    }
    for (int i = 0; i < corpus.size(); i++) {
      CorpusItem it = corpus.get(i);
      Set<String> d = destsPerItem.get(i);
      if (d.size() == 1 && !d.contains("ZZ") && !origins.contains(d.iterator().next())
          && (it.intendedDestination == null || d.contains(it.intendedDestination))) {
        it.trackedDestination = d.iterator().next();
      }
    }
    long tracked = corpus.stream().filter(i -> i.trackedDestination != null).count();
    System.out.println("bench: " + tracked + " of " + corpus.stream().filter(i -> i.relevant).count()
        + " annotated articles can be tracked by the latency probe (their claims name one destination)");
  }
}
