package io.flightwatch.aggregator;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.service.StreamsServiceConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The aggregator's configuration keys (plus the common ones and {@code kafka.*} passthrough). Every key can also come
 * from the environment as {@code FLIGHTWATCH_<KEY>} (e.g. {@code FLIGHTWATCH_HTTP_PORT}).
 */
public final class AggregatorConfig {

  public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";

  public static final String DEFAULT_APPLICATION_ID = "flightwatch-aggregator";
  public static final int DEFAULT_HTTP_PORT = 8080;

  private AggregatorConfig() {}

  public static ConfigDef definition() {
    return StreamsServiceConfig.define(CommonConfig.base(), new StreamsServiceConfig.Defaults(DEFAULT_APPLICATION_ID,
            "data/aggregator", DEFAULT_HTTP_PORT, "the REST API and the dashboard", false))
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
    String host = s.getString(StreamsServiceConfig.HTTP_HOST);
    return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
  }
}
