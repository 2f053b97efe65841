package io.flightwatch.aggregator;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The aggregator's configuration keys (plus the common ones and {@code kafka.*} passthrough). Every key can also come from
 * the environment as {@code FLIGHTWATCH_<KEY>} (e.g. {@code FLIGHTWATCH_HTTP_PORT}).
 */
public final class AggregatorConfig {

  public static final String APPLICATION_ID = "application.id";
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  public static final String STATE_DIR = "state.dir";
  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";

  public static final String DEFAULT_APPLICATION_ID = "flightwatch-aggregator";
  public static final int DEFAULT_HTTP_PORT = 8080;

  private AggregatorConfig() {}

  public static ConfigDef definition() {
    return CommonConfig.base()
        .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Kafka Streams application id: instances with the same id share the work and their state.")
        .define(NUM_STREAM_THREADS, Type.INT, 1, Range.between(1, 64), Importance.MEDIUM,
            "Stream threads in this instance.")
        .define(STATE_DIR, Type.STRING, "data/aggregator", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Folder of the local state stores (RocksDB); each instance on one machine needs its own.")
        .define(COMMIT_INTERVAL_MS, Type.LONG, 200L, Range.between(10, 600_000), Importance.LOW,
            "How often totals are committed (exactly-once: also how soon they become visible downstream).")
        .define(HTTP_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Interface the REST API and dashboard listen on (0.0.0.0 for every interface).")
        .define(HTTP_PORT, Type.INT, DEFAULT_HTTP_PORT, Range.between(0, 65535), Importance.MEDIUM,
            "Port of the REST API and dashboard; 0 = a free port.")
        .define(HTTP_ADVERTISED_HOST, Type.STRING, "", Importance.LOW,
            "Host name other instances use to reach this one (Kafka Streams application.server); empty = http.host, "
                + "or 127.0.0.1 when http.host is 0.0.0.0.");
  }

  /** Loads the aggregator's settings: command line over file over environment over defaults. */
  public static Settings load(Path file, Map<String, String> overrides) {
    return Settings.load(definition(), file, overrides);
  }

  /** The host of {@code application.server}. */
  static String advertisedHost(Settings s) {
    String advertised = s.getString(HTTP_ADVERTISED_HOST).strip();
    if (!advertised.isEmpty()) {
      return advertised;
    }
    String host = s.getString(HTTP_HOST);
    return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
  }
}
