package io.flightwatch.common.service;

import io.flightwatch.common.Settings;
import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The keys every Kafka Streams service of flightwatch has (the processor and the aggregator), defined once: the same
 * names, types, ranges and meaning in both, with each service's own defaults. A service adds its own keys after these.
 */
public final class StreamsServiceConfig {

  public static final String APPLICATION_ID = "application.id";
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  public static final String STATE_DIR = "state.dir";
  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";

  /** {@code http.port} value that turns a service's HTTP server off, where the service allows it. */
  public static final int HTTP_OFF = -1;

  /**
   * A service's defaults: its application id and state folder, its port and what is served there, and whether the
   * port may be {@link #HTTP_OFF} (the processor's health and metrics may; the aggregator's REST API may not).
   */
  public record Defaults(String applicationId, String stateDir, int httpPort, String httpServes,
      boolean httpMayBeOff) {}

  private StreamsServiceConfig() {}

  /** Adds the shared keys to {@code def} with the service's defaults. */
  public static ConfigDef define(ConfigDef def, Defaults d) {
    return def
        .define(APPLICATION_ID, Type.STRING, d.applicationId(), new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Kafka Streams application id: the consumer group, the prefix of the internal topics and of the "
                + "transactional ids. Instances with the same id share the work and their state.")
        .define(NUM_STREAM_THREADS, Type.INT, 1, Range.between(1, 64), Importance.MEDIUM,
            "Stream threads of this instance. More than the partitions of its input topic (6) leaves threads idle.")
        .define(STATE_DIR, Type.STRING, d.stateDir(), new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Folder of the local state stores (RocksDB); each instance on one machine needs its own. Losing it is "
                + "safe: the stores are restored from their changelog topics.")
        .define(COMMIT_INTERVAL_MS, Type.LONG, 200L, Range.between(10L, 60_000L), Importance.MEDIUM,
            "How often the exactly-once transaction commits: results become visible to read_committed consumers only "
                + "at a commit, so this bounds the added latency; shorter means more transactions. At most 60 s, well "
                + "inside the transaction timeout.")
        .define(HTTP_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Interface the HTTP server (" + d.httpServes() + ") listens on: loopback by default, 0.0.0.0 for every "
                + "interface.")
        .define(HTTP_PORT, Type.INT, d.httpPort(), Range.between(d.httpMayBeOff() ? HTTP_OFF : 0, 65_535),
            Importance.MEDIUM, "Port of " + d.httpServes() + "; 0 picks a free port"
                + (d.httpMayBeOff() ? "; -1 turns HTTP off." : "."))
        .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(1_000L, 600_000L), Importance.LOW,
            "How long a stop waits for the stream threads to finish the record in hand and commit.");
  }

  public static Duration shutdownTimeout(Settings s) {
    return Duration.ofMillis(s.getLong(SHUTDOWN_TIMEOUT_MS));
  }
}
