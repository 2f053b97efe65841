package io.flightwatch.aggregator;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.service.ServiceShell;
import io.flightwatch.common.service.StreamsServiceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flightwatch aggregate}: runs one aggregator instance until Ctrl-C. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = {"Keep per-country totals of the claims (Kafka Streams, exactly-once), publish them to country-totals,",
        "and serve the REST API and the live dashboard. Start several with the same application.id, different",
        "--state-dir and --http-port to share the work; any instance answers for every country."})
public final class AggregateCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: config, env, else "
      + CommonConfig.DEFAULT_BOOTSTRAP + ").")
  String bootstrapServers;

  @Option(names = "--config", description = "Properties file with aggregator keys (see docs/aggregator.md).")
  Path config;

  @Option(names = "--http-port", description = "REST/dashboard port; 0 = a free port (default 8080).")
  Integer httpPort;

  @Option(names = "--http-host", description = "REST/dashboard interface (default 127.0.0.1).")
  String httpHost;

  @Option(names = "--state-dir", description = "Local state folder (default data/aggregator).")
  String stateDir;

  @Option(names = "--threads", description = "Stream threads (default 1).")
  Integer threads;

  /** Command-line values as config overrides (they win over file and environment). */
  Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    put(o, CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    put(o, AggregatorConfig.HTTP_PORT, httpPort);
    put(o, AggregatorConfig.HTTP_HOST, httpHost);
    put(o, AggregatorConfig.STATE_DIR, stateDir);
    put(o, AggregatorConfig.NUM_STREAM_THREADS, threads);
    return o;
  }

  private static void put(Map<String, String> o, String key, Object value) {
    if (value != null) {
      o.put(key, String.valueOf(value));
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings;
    try {
      settings = AggregatorConfig.load(config, overrides());
    } catch (ConfigException e) {
      System.err.println("aggregate: " + e.getMessage());
      return 2;
    }
    String clash = io.flightwatch.common.kafka.PortCheck.problem(settings.getString(AggregatorConfig.HTTP_HOST),
        settings.getInt(AggregatorConfig.HTTP_PORT));
    if (clash != null) {
      System.err.println("aggregate: " + clash + " (--http-port)");
      return 2;
    }
    java.nio.file.Path state = java.nio.file.Path.of(settings.getString(AggregatorConfig.STATE_DIR));
    ServiceShell shell = new ServiceShell("aggregate", new PrintWriter(System.out, true),
        new PrintWriter(System.err, true));
    int checked = shell.preflight(settings, state);
    if (checked != ServiceShell.OK) {
      return checked;
    }
    AggregatorApp app = new AggregatorApp(settings);
    return shell.run(app, StreamsServiceConfig.shutdownTimeout(settings), () -> "flightwatch aggregator: dashboard and REST at " + app.url()
        + "  (Ctrl-C stops it)");
  }

  /** The aggregator on its own (its container image runs this; {@code flightwatch aggregate} is the same command). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new AggregateCommand()).execute(args));
  }
}
