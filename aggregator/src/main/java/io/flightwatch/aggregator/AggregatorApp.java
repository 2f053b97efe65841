package io.flightwatch.aggregator;

import io.flightwatch.aggregator.http.RestApi;
import io.flightwatch.aggregator.http.SseHub;
import io.flightwatch.aggregator.http.StoreQueries;
import io.flightwatch.aggregator.http.TotalsFeed;
import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.common.service.ServiceShell;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.OversizeToDeadLetter;
import io.flightwatch.common.kafka.StreamsRunner;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.flightwatch.common.service.StreamsServiceConfig;

/**
 * One aggregator instance: the Kafka Streams topology, the REST API + dashboard, and the live feed of changed totals.
 *
 * <p>The HTTP server starts first so that, with {@code http.port=0}, the bound port is known before Kafka Streams is
 * created with {@code application.server} = this instance's address (other instances forward queries there).
 */
public final class AggregatorApp implements AutoCloseable, ServiceShell.Service {

  private static final Logger log = LoggerFactory.getLogger(AggregatorApp.class);

  /** A dying stream thread is replaced this many times before the client shuts down. */
  private static final int MAX_THREAD_REPLACEMENTS = 3;

  private final Settings settings;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SseHub hub = new SseHub(registry);
  private volatile StreamsRunner runner;
  private volatile StoreQueries queries;
  private RestApi api;
  private TotalsFeed feed;
  private KafkaStreamsMetrics streamsMetrics;
  private volatile String url;

  /** @param settings loaded with {@link AggregatorConfig#definition()} (see {@link AggregatorConfig#load}) */
  public AggregatorApp(Settings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized AggregatorApp start() {
    if (api != null) {
      throw new IllegalStateException("already started");
    }
    String host = settings.getString(StreamsServiceConfig.HTTP_HOST);
    api = new RestApi(() -> queries, () -> runner != null && runner.isHealthy(),
        () -> runner == null ? "CREATED" : runner.state().name(), hub, registry)
        .start(host, settings.getInt(StreamsServiceConfig.HTTP_PORT));
    HostInfo self = new HostInfo(AggregatorConfig.advertisedHost(settings), api.port());
    url = "http://" + ("0.0.0.0".equals(host) ? "localhost" : self.host()) + ":" + self.port() + "/";

    Map<String, Object> clientProps = CommonConfig.clientProps(settings);
    StreamsRunner r = new StreamsRunner("aggregator", AggregatorTopology.build(AggregatorTopology.Options.defaults()),
        streamsProps(settings, self), MAX_THREAD_REPLACEMENTS);
    r.start(); // may replace its client (corrupted local state), so metrics and queries bind after it
    streamsMetrics = new KafkaStreamsMetrics(r.streams());
    streamsMetrics.bindTo(registry);
    registry.gauge("flightwatch.aggregator.stream.thread.replacements", r, StreamsRunner::threadReplacements);
    registry.gauge("flightwatch.aggregator.state.repairs", r, StreamsRunner::stateRepairs);
    queries = new StoreQueries(r.streams(), self);
    runner = r;

    feed = new TotalsFeed(clientProps, Topics.COUNTRY_TOTALS.name(), hub, registry);
    feed.start();
    log.info("aggregator serving {} (application.server {}:{}, state {})", url, self.host(), self.port(),
        settings.getString(StreamsServiceConfig.STATE_DIR));
    return this;
  }

  /** The Kafka Streams properties of this aggregator, answering queries as {@code self} (exposed for tests). */
  public static Properties streamsProps(Settings settings, HostInfo self) {
    Properties p = KafkaDefaults.boundedStreams(CommonConfig.clientProps(settings),
        settings.getString(StreamsServiceConfig.APPLICATION_ID),
        settings.getInt(StreamsServiceConfig.NUM_STREAM_THREADS), settings.getString(StreamsServiceConfig.STATE_DIR),
        settings.getLong(StreamsServiceConfig.COMMIT_INTERVAL_MS));
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    // The stores' changelogs and the repartition topic are replicated like the topics around them.
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) CommonConfig.replicationFactor(settings));
    // Unreadable records and records that fail in processing go to the DLQ with the exception in headers (KIP-1034);
    // invalid-but-readable claims are routed there by the topology itself with a reason header.
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ARTICLES_DLQ.name());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizeToDeadLetter.class);
    return p;
  }

  /** The dashboard / REST base URL, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    if (url == null) {
      throw new IllegalStateException("not started");
    }
    return url;
  }

  public int port() {
    return api.port();
  }

  @Override
  public KafkaStreams.State state() {
    StreamsRunner r = runner;
    return r == null ? KafkaStreams.State.CREATED : r.state();
  }

  public boolean isRunning() {
    StreamsRunner r = runner;
    return r != null && r.isRunning();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Stops the feed, the HTTP server and the streams client (which commits and closes its stores). */
  @Override
  public synchronized boolean close(Duration timeout) {
    boolean closed = true;
    if (feed != null) {
      feed.close();
      feed = null;
    }
    if (api != null) {
      api.close();
    }
    if (runner != null) {
      closed = runner.close(timeout);
    }
    if (streamsMetrics != null) {
      streamsMetrics.close();
      streamsMetrics = null;
    }
    registry.close();
    return closed;
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
