package io.flightwatch.nlp.stream;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.service.StreamsServiceConfig;
import io.flightwatch.nlp.extract.ExtractorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Configuration keys of the stream processor: the common keys ({@code bootstrap.servers}, {@code kafka.*} passthrough),
 * the processor's own, and the extractor's ({@code nlp.*}, {@link ExtractorSettings#define}). Loaded with
 * {@link Settings#load}: command line > {@code --config FILE} > environment {@code FLIGHTWATCH_*} > defaults.
 */
public final class ProcessorConfig {

  public static final String DEFAULT_APPLICATION_ID = "flightwatch-processor";
  public static final int DEFAULT_HTTP_PORT = 8081;
  /** Next to the local broker's data ({@code data/kafka}); not the OS temp folder, which the OS may clean. */
  public static final String DEFAULT_STATE_DIR = "data/processor";

  private static final ConfigDef DEFINITION = ExtractorSettings.define(StreamsServiceConfig.define(CommonConfig.base(),
      new StreamsServiceConfig.Defaults(DEFAULT_APPLICATION_ID, DEFAULT_STATE_DIR, DEFAULT_HTTP_PORT,
          "GET /health and GET /metrics (Prometheus)", true)));

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
    return StreamsServiceConfig.shutdownTimeout(s);
  }

}
