package io.flightwatch.nlp.stream;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.nlp.extract.ExtractorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration keys of the stream processor: the common keys ({@code bootstrap.servers}, {@code kafka.*} passthrough),
 * the processor's own, and the extractor's ({@code nlp.*}, {@link ExtractorSettings#define}). Loaded with
 * {@link Settings#load}: command line > {@code --config FILE} > environment {@code FLIGHTWATCH_*} > defaults.
 */
public final class ProcessorConfig {

  public static final String APPLICATION_ID = "application.id";
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  public static final String STATE_DIR = "state.dir";
  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_HOST = "http.host";
  public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";

  public static final String DEFAULT_APPLICATION_ID = "flightwatch-processor";
  public static final int DEFAULT_HTTP_PORT = 8081;
  /** Next to the local broker's data ({@code data/kafka}); not the OS temp folder, which the OS may clean. */
  public static final String DEFAULT_STATE_DIR = "data/processor";
  /** HTTP off. */
  public static final int HTTP_OFF = -1;

  private static final ConfigDef DEFINITION = ExtractorSettings.define(CommonConfig.base()
      .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Kafka Streams application id: consumer group, prefix of the internal topics (the changelog of "
              + "article-claims-store) and of the transactional ids. Instances with the same id share the work.")
      .define(NUM_STREAM_THREADS, Type.INT, 1, Range.between(1, 64), Importance.HIGH,
          "Stream threads of this instance; each builds its own CoreNLP annotator over the shared models. More than the "
              + "partitions of articles.raw (6) leaves threads idle.")
      .define(STATE_DIR, Type.STRING, DEFAULT_STATE_DIR, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Folder for the local state (RocksDB copy of article-claims-store). Losing it is safe: the store is restored "
              + "from its changelog topic.")
      .define(COMMIT_INTERVAL_MS, Type.LONG, 200L, Range.between(10L, 60_000L), Importance.MEDIUM,
          "How often the exactly-once transaction commits. Results become visible to read_committed consumers only at a "
              + "commit, so this bounds the added latency; shorter means more transactions.")
      .define(HTTP_PORT, Type.INT, DEFAULT_HTTP_PORT, Range.between(HTTP_OFF, 65_535), Importance.MEDIUM,
          "Port of GET /health and GET /metrics (Prometheus). 0 picks a free port; -1 turns HTTP off.")
      .define(HTTP_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.LOW,
          "Address the health/metrics server binds to. Loopback by default; 0.0.0.0 to let a scraper on another host in.")
      .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(1_000L, 600_000L), Importance.LOW,
          "How long close waits for the stream threads to finish the record in hand and commit."));

  private ProcessorConfig() {}

  /** A fresh copy of the definition (ConfigDef is mutable; callers may add keys). */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }

  /** Loads the settings with the process environment. */
  public static Settings load(Path file, Map<String, String> overrides) {
    return Settings.load(definition(), file, overrides);
  }

  public static Duration shutdownTimeout(Settings s) {
    return Duration.ofMillis(s.getLong(SHUTDOWN_TIMEOUT_MS));
  }

}
