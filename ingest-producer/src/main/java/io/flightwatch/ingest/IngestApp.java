package io.flightwatch.ingest;

import io.flightwatch.common.Article;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.FeedState;
import io.flightwatch.common.Settings;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.ingest.source.Emitter;
import io.flightwatch.ingest.source.Source;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer service: reads its sources and publishes their articles exactly once to {@code articles.raw}.
 *
 * <pre>{@code
 * try (IngestApp app = new IngestApp(settings, List.of(Sources.path(config, samples)))) {
 *   IngestSummary s = app.run();           // finite inputs (feeds polled once), then returns
 * }
 * IngestApp app = new IngestApp(settings, sources);
 * app.start();                             // finite inputs once, then feeds on their intervals, on a thread
 * app.close(Duration.ofSeconds(10));       // commits what is open and stops
 * }</pre>
 *
 * On first use the app creates its missing topics, registers its transactional id (aborting what a crashed predecessor
 * left open) and loads {@code ingest.seen} and {@code ingest.feeds}.
 */
public final class IngestApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngestApp.class);

  private final IngestConfig config;
  private final List<Source> sources;
  private final Producer<String, byte[]> producer;
  /** A producer with the same transactional id, for {@link ArticlePublisher}'s recovery; null for test producers. */
  private Supplier<Producer<String, byte[]>> renew;
  private final Supplier<SeenCache> seenLoader;
  private final Supplier<Map<String, FeedState>> feedLoader;
  private final Runnable topicCheck;
  private final IngestMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();

  private ArticlePublisher publisher;
  private Thread thread;
  private volatile boolean stopping;
  private volatile RuntimeException failure;
  private boolean closed;

  /** The app on a real cluster: {@code settings} from {@link IngestConfig#definition()}. */
  public IngestApp(Settings settings, List<Source> sources) {
    this(settings, sources, new SimpleMeterRegistry());
  }

  public IngestApp(Settings settings, List<Source> sources, MeterRegistry registry) {
    this(new IngestConfig(settings), sources, newProducer(settings, sources),
        () -> StateStore.loadSeen(CommonConfig.clientProps(settings), settings.getInt(IngestConfig.SEEN_MAX)),
        () -> StateStore.loadFeeds(CommonConfig.clientProps(settings)),
        () -> StateStore.ensureTopics(CommonConfig.clientProps(settings), CommonConfig.replicationFactor(settings)),
        registry);
    this.renew = () -> newProducer(settings, sources);
  }

  /** For tests: any producer (e.g. MockProducer) and state loaders. */
  IngestApp(IngestConfig config, List<Source> sources, Producer<String, byte[]> producer,
      Supplier<SeenCache> seenLoader, Supplier<Map<String, FeedState>> feedLoader, Runnable topicCheck,
      MeterRegistry registry) {
    this.config = config;
    this.sources = List.copyOf(sources);
    this.producer = producer;
    this.seenLoader = seenLoader;
    this.feedLoader = feedLoader;
    this.topicCheck = topicCheck;
    this.metrics = new IngestMetrics(registry);
  }

  private static Producer<String, byte[]> newProducer(Settings settings, List<Source> sources) {
    Properties p = KafkaDefaults.producer(CommonConfig.clientProps(settings));
    String id = ProducerIdentity.of(settings.getString(IngestConfig.TRANSACTIONAL_ID), sources);
    log.info("Transactional id {}", id);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, id);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private synchronized ArticlePublisher publisher() {
    if (publisher == null) {
      topicCheck.run();
      // Before loading: fences an older instance and aborts its open transaction, which would hold read_committed back.
      ArticlePublisher.initTransactions(producer);
      SeenCache seen = seenLoader.get();
      Map<String, FeedState> feeds = feedLoader.get();
      sources.forEach(s -> s.restore(feeds));
      publisher = new ArticlePublisher(producer, renew, seen, metrics, config.transactionMaxArticles(),
          config.sendAttempts());
    }
    return publisher;
  }

  /**
   * Reads every source once (a feed: one poll), commits, and returns the counts of this app so far. Throws
   * {@link IngestFatalException} when publishing cannot go on.
   */
  public IngestSummary run() {
    ArticlePublisher pub = publisher();
    for (Source s : sources) {
      try {
        emitOnce(s, pub, true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    pub.commit();
    IngestSummary summary = metrics.summary();
    log.info("Ingest summary: {}", summary.line());
    return summary;
  }

  /** Finite sources once, then continuous ones on their schedule, on a thread named flightwatch-ingest. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::loop, "flightwatch-ingest");
    thread.start();
  }

  private void loop() {
    try {
      ArticlePublisher pub = publisher();
      for (Source s : sources) {
        if (!s.continuous() && !stopping) {
          emitOnce(s, pub, true);
        }
      }
      pub.commit();
      if (sources.stream().anyMatch(Source::continuous)) {
        log.info("Polling {} feed(s)", sources.stream().filter(Source::continuous).count());
      } else {
        log.info("Ingest summary: {}", metrics.summary().line());
      }
      Instant nextSummary = Instant.now().plus(config.summaryInterval());
      while (!stopping && sources.stream().anyMatch(Source::continuous)) {
        if (!Instant.now().isBefore(nextSummary)) {
          log.info("Ingest summary: {}", metrics.summary().line()); // a long-running feed says how it is doing
          nextSummary = Instant.now().plus(config.summaryInterval());
        }
        Instant next = nextSummary;
        for (Source s : sources) {
          if (s.continuous() && !stopping) {
            if (!Instant.now().isBefore(s.nextPollAt())) {
              IngestSummary before = metrics.summary();
              emitOnce(s, pub, false);
              logPoll(s, before, metrics.summary());
            }
            Instant n = s.nextPollAt();
            next = n.isBefore(next) ? n : next;
          }
        }
        awaitUntil(next);
      }
    } catch (InterruptedException e) {
      log.info("Ingest interrupted; stopping");
    } catch (RuntimeException e) {
      failure = e;
      log.error("Ingest stopped: {}", e.getMessage(), e);
    }
  }

  /** One line per poll of a feed: what it gave and when it is asked next. */
  private static void logPoll(Source s, IngestSummary before, IngestSummary after) {
    long skipped = after.skipped().values().stream().mapToLong(Long::longValue).sum()
        - before.skipped().values().stream().mapToLong(Long::longValue).sum();
    log.info("Polled {} ({}): {} new, {} updated, {} duplicates, {} skipped; next poll {}", s.name(), s.lastOutcome(),
        after.published() - before.published(), after.updated() - before.updated(),
        after.duplicates() - before.duplicates(), skipped, s.nextPollAt());
  }

  private void awaitUntil(Instant next) throws InterruptedException {
    lock.lock();
    try {
      long nanos = Duration.between(Instant.now(), next).toNanos();
      while (!stopping && nanos > 0) {
        nanos = wake.awaitNanos(nanos); // a spurious wake-up waits out the rest
      }
    } catch (ArithmeticException e) {
      // 'next' is far away (Instant.MAX): wait for the stop only
      while (!stopping) {
        wake.await();
      }
    } finally {
      lock.unlock();
    }
  }

  private void emitOnce(Source s, ArticlePublisher pub, boolean allowProgress) throws InterruptedException {
    ProgressBar bar = allowProgress && !s.continuous() && progressWanted() ? progressBar(s) : null;
    Emitter out = new PublishingEmitter(pub, bar);
    IngestSummary before = s.continuous() ? metrics.summary() : null;
    try {
      s.emit(out);
    } catch (IngestFatalException | InterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      // A bug or an input nobody foresaw: counted and logged with its trace, and the other sources go on.
      log.error("Unexpected error reading {}", s.name(), e);
      metrics.skipped(s.name(), SkipReason.UNEXPECTED_ERROR, e.toString());
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    pub.commit();
    if (before != null) {
      metrics.polled(s.name(), s.lastOutcome(), before, metrics.summary());
    }
  }

  private boolean progressWanted() {
    return switch (config.progress()) {
      case "always" -> true;
      case "never" -> false;
      default -> System.console() != null;
    };
  }

  private static ProgressBar progressBar(Source s) {
    return new ProgressBarBuilder()
        .setTaskName(shorten(s.name()))
        .setInitialMax(s.estimatedCount())
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUnit(" items", 1)
        .showSpeed()
        .setUpdateIntervalMillis(250)
        .build();
  }

  private static String shorten(String name) {
    return name.length() <= 30 ? name : "..." + name.substring(name.length() - 27);
  }

  /** Counts so far. */
  public IngestSummary summary() {
    return metrics.summary();
  }

  public MeterRegistry meters() {
    return metrics.registry();
  }

  /** True while the {@link #start()} thread runs. */
  public boolean isRunning() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  /** The error that stopped the {@link #start()} thread, if any. */
  public RuntimeException failure() {
    return failure;
  }

  /** Waits for the {@link #start()} thread to end (finite inputs only, or after {@link #close}). */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    Thread t = thread;
    if (t == null) {
      return true;
    }
    t.join(Math.max(1, timeout.toMillis()));
    return !t.isAlive();
  }

  /** Stops polling, commits what is open, closes the producer; waits at most {@code timeout}. */
  public synchronized void close(Duration timeout) {
    if (closed) {
      return;
    }
    closed = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    stopping = true;
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    Thread t = thread;
    if (t != null) {
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (t.isAlive()) {
          t.interrupt();
          t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    if (publisher != null) {
      try {
        publisher.close(left);
      } catch (RuntimeException e) {
        log.error("Closing the producer failed: {}", e.getMessage(), e);
      }
    } else {
      producer.close(left);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /** Dedup + publish, skip counting, progress. */
  private final class PublishingEmitter implements Emitter {
    private final ArticlePublisher pub;
    private final ProgressBar bar;

    PublishingEmitter(ArticlePublisher pub, ProgressBar bar) {
      this.pub = pub;
      this.bar = bar;
    }

    @Override
    public void article(Article article) {
      try {
        pub.offer(article);
      } catch (SkipException e) {
        metrics.skipped(article.url() != null ? article.url() : article.source(), e.reason(), e.detail());
      }
      step();
    }

    @Override
    public void skipped(String origin, SkipReason reason, String detail) {
      metrics.skipped(origin, reason, detail);
      step();
    }

    @Override
    public void feedState(FeedState state) {
      pub.feedState(state);
    }

    @Override
    public void checkpoint() {
      pub.commit();
    }

    private void step() {
      if (bar != null) {
        bar.step();
      }
    }
  }
}
