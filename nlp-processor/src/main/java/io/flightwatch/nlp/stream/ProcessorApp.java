package io.flightwatch.nlp.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flightwatch.common.service.ServiceShell;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Json;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.StreamsRunner;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.extract.AnnotatorFactory;
import io.flightwatch.nlp.extract.ExtractorSettings;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.flightwatch.common.service.StreamsServiceConfig;

/**
 * The stream processor as a service: the annotator factory (models loaded once, before any stream thread starts), the
 * topology, a {@link StreamsRunner} with the pipeline's exactly-once defaults, and a small HTTP server with
 * {@code GET /health} and {@code GET /metrics}.
 *
 * <pre>{@code
 * try (ProcessorApp app = ProcessorApp.create(settings).start()) { ... }      // loads the CoreNLP models
 * ProcessorApp app = new ProcessorApp(settings, factory::newAnnotator);      // models already loaded (tests, bench,
 * up)
 * }</pre>
 */
public final class ProcessorApp implements AutoCloseable, ServiceShell.Service {

  private static final Logger log = LoggerFactory.getLogger(ProcessorApp.class);

  /**
   * A stream thread that dies is replaced this often before the client shuts down: bad records go to the DLQ, so a
   * thread that keeps dying has a problem no retry fixes.
   */
  static final int MAX_THREAD_REPLACEMENTS = 3;

  /**
   * An exactly-once transaction stays open while one article is annotated. CoreNLP's default profile can spend tens of
   * seconds on a capped 100 KB article, longer than Kafka Streams' 10 s default, after which the broker would abort the
   * transaction and the task would retry the same article forever.
   */
  static final int TRANSACTION_TIMEOUT_MS = 120_000;

  private final Settings settings;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ProcessorMetrics metrics;
  private final StreamsRunner runner;
  private KafkaStreamsMetrics streamsMetrics;
  private Javalin http;
  private boolean started;
  private boolean closed;

  /**
   * Builds the processor around annotators whose models are already loaded; nothing runs until {@link #start()}.
   *
   * @param settings   loaded with {@link ProcessorConfig#definition()}
   * @param annotators called once per stream thread; must share models (e.g. {@code factory::newAnnotator})
   */
  public ProcessorApp(Settings settings, Supplier<ArticleAnnotator> annotators) {
    this.settings = settings;
    this.metrics = new ProcessorMetrics(registry);
    Topology topology = ProcessorTopology.build(new ProcessorTopology.Options(metrics), annotators);
    this.runner = new StreamsRunner(DlqReason.SERVICE, topology, streamsProps(settings, metrics),
        MAX_THREAD_REPLACEMENTS);
    new JvmMemoryMetrics().bindTo(registry);
    log.info("processor configured: {}\n{}", settings.values(), topology.describe());
  }

  /** Loads the CoreNLP models and tables from the {@code nlp.*} keys (seconds), then builds the processor. */
  public static ProcessorApp create(Settings settings) {
    long t0 = System.nanoTime();
    AnnotatorFactory factory = AnnotatorFactory.create(ExtractorSettings.from(settings));
    log.info("annotator models loaded in {} ms: {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        factory.pipelineDescription());
    return new ProcessorApp(settings, factory::newAnnotator);
  }

  /** The Kafka Streams properties of this processor (exposed for tools and tests). */
  public static Properties streamsProps(Settings settings, ProcessorMetrics metrics) {
    Properties p = KafkaDefaults.streams(CommonConfig.clientProps(settings),
        settings.getString(StreamsServiceConfig.APPLICATION_ID),
        settings.getInt(StreamsServiceConfig.NUM_STREAM_THREADS), settings.getString(StreamsServiceConfig.STATE_DIR),
        settings.getLong(StreamsServiceConfig.COMMIT_INTERVAL_MS));
    p.putAll(ProcessorTopology.errorHandling(metrics));
    // The changelog of article-claims-store is replicated like the topics around it (3 on a three-broker cluster).
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) CommonConfig.replicationFactor(settings));
    p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), TRANSACTION_TIMEOUT_MS);
    return p;
  }

  /**
   * Checks that the topics exist (the processor never creates them), starts the stream threads and the HTTP server.
   *
   * @throws IllegalStateException when the cluster cannot be reached or a topic is missing
   */
  @Override
  public synchronized ProcessorApp start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    requireTopics();
    runner.start(); // may replace its client (corrupted local state), so the metrics bind after it
    streamsMetrics = new KafkaStreamsMetrics(runner.streams());
    streamsMetrics.bindTo(registry);
    registry.gauge("flightwatch.processor.state.repairs", runner, StreamsRunner::stateRepairs);
    int port = settings.getInt(StreamsServiceConfig.HTTP_PORT);
    if (port != StreamsServiceConfig.HTTP_OFF) {
      http = Javalin.create(cfg -> cfg.showJavalinBanner = false)
          .get("/health", this::health)
          .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()))
          .start(settings.getString(StreamsServiceConfig.HTTP_HOST), port);
      log.info("processor health and metrics on {}", httpUrl());
    }
    return this;
  }

  private void health(Context ctx) throws JsonProcessingException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", DlqReason.SERVICE);
    body.put("status", runner.isHealthy() ? "UP" : "DOWN");
    body.put("state", runner.state().name());
    body.put("threads", runner.streams().metadataForLocalThreads().size());
    body.put("threadReplacements", runner.threadReplacements());
    ctx.status(runner.isHealthy() ? 200 : 503).contentType("application/json")
        .result(Json.MAPPER.writeValueAsString(body));
  }

  private void requireTopics() {
    List<String> needed = List.of(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_ANNOTATED.name(), Topics.CLAIMS.name(),
        Topics.ARTICLES_DLQ.name());
    try (Admin admin = Admin.create(CommonConfig.clientProps(settings))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<String> missing = needed.stream().filter(t -> !existing.contains(t)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException("topics missing on " + settings.getString(CommonConfig.BOOTSTRAP_SERVERS) + ": "
            + missing + " (the processor does not create topics; 'flightwatch broker' or 'up' does)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot reach Kafka at " + settings.getString(CommonConfig.BOOTSTRAP_SERVERS), e);
    }
  }

  public StreamsRunner runner() {
    return runner;
  }

  @Override
  public KafkaStreams.State state() {
    return runner.state();
  }

  public boolean isHealthy() {
    return runner.isHealthy();
  }

  public ProcessorMetrics metrics() {
    return metrics;
  }

  /** The port the HTTP server listens on, or -1 when HTTP is off or not started. */
  public int httpPort() {
    return http == null ? StreamsServiceConfig.HTTP_OFF : http.port();
  }

  /** e.g. {@code http://127.0.0.1:8081}, or null when HTTP is off. */
  public String httpUrl() {
    return http == null ? null : "http://" + settings.getString(StreamsServiceConfig.HTTP_HOST) + ":" + http.port();
  }

  /**
   * Stops the HTTP server and the stream threads (each finishes its record and commits).
   *
   * @return whether the stream threads stopped within {@code timeout}
   */
  @Override
  public synchronized boolean close(Duration timeout) {
    if (closed) {
      return true;
    }
    closed = true;
    if (http != null) {
      http.stop();
    }
    boolean stopped = runner.close(timeout);
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    registry.close();
    log.info("processor stopped{}", stopped ? "" : " (timed out after " + timeout + ")");
    return stopped;
  }

  @Override
  public void close() {
    close(ProcessorConfig.shutdownTimeout(settings));
  }
}
