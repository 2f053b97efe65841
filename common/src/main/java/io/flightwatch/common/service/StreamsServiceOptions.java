package io.flightwatch.common.service;

import io.flightwatch.common.CommonConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The command-line options of a Kafka Streams service (a picocli mixin of {@code process} and {@code aggregate}): each
 * sets one key of {@link StreamsServiceConfig} and wins over the {@code --config} file, the environment and the
 * defaults.
 */
public final class StreamsServiceOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (bootstrap.servers, default " + CommonConfig.DEFAULT_BOOTSTRAP + ").")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "Java properties file with configuration keys "
      + "(docs/configuration.md).")
  Path config;

  @Option(names = "--threads", paramLabel = "N", description = "Stream threads (num.stream.threads, default 1).")
  Integer threads;

  @Option(names = "--http-host", paramLabel = "HOST", description = "Interface of the HTTP server (http.host, "
      + "default 127.0.0.1; 0.0.0.0 = every interface).")
  String httpHost;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the HTTP server (http.port; 0 = any free "
      + "port; the default and whether -1 turns it off: docs/configuration.md).")
  Integer httpPort;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state folder (state.dir).")
  Path stateDir;

  /** The {@code --config} file, or null. */
  public Path config() {
    return config;
  }

  /** The keys given on the command line. */
  public Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    put(o, CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    put(o, StreamsServiceConfig.NUM_STREAM_THREADS, threads);
    put(o, StreamsServiceConfig.HTTP_HOST, httpHost);
    put(o, StreamsServiceConfig.HTTP_PORT, httpPort);
    put(o, StreamsServiceConfig.STATE_DIR, stateDir);
    return o;
  }

  private static void put(Map<String, String> o, String key, Object value) {
    if (value != null) {
      o.put(key, String.valueOf(value));
    }
  }
}
