package io.flightwatch.aggregator;

import io.flightwatch.common.Settings;
import io.flightwatch.common.service.ServiceShell;
import io.flightwatch.common.service.StreamsServiceConfig;
import io.flightwatch.common.service.StreamsServiceOptions;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;

/** {@code flightwatch aggregate}: runs one aggregator instance until Ctrl-C. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = {"Keep per-country totals of the claims (Kafka Streams, exactly-once), publish them to",
        "country-totals, and serve the REST API and the live dashboard. Start several with the same",
        "application.id, different --state-dir and --http-port to share the work; any instance answers for every",
        "country."})
public final class AggregateCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin
  StreamsServiceOptions options = new StreamsServiceOptions();

  /** Command-line values as config overrides (they win over file and environment). */
  Map<String, String> overrides() {
    return options.overrides();
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings;
    try {
      settings = AggregatorConfig.load(options.config(), overrides());
    } catch (ConfigException e) {
      System.err.println("aggregate: " + e.getMessage());
      return 2;
    }
    String clash = io.flightwatch.common.kafka.PortCheck.problem(settings.getString(StreamsServiceConfig.HTTP_HOST),
        settings.getInt(StreamsServiceConfig.HTTP_PORT));
    if (clash != null) {
      System.err.println("aggregate: " + clash + " (--http-port)");
      return 2;
    }
    Path state = Path.of(settings.getString(StreamsServiceConfig.STATE_DIR));
    ServiceShell shell = new ServiceShell("aggregate", new PrintWriter(System.out, true, Charset.defaultCharset()),
        new PrintWriter(System.err, true, Charset.defaultCharset()));
    int checked = shell.preflight(settings, state);
    if (checked != ServiceShell.OK) {
      return checked;
    }
    AggregatorApp app = new AggregatorApp(settings);
    return shell.run(app, StreamsServiceConfig.shutdownTimeout(settings),
        () -> "flightwatch aggregator: dashboard and REST at " + app.url()
        + "  (Ctrl-C stops it)");
  }

  /** The aggregator on its own (its container image runs this; {@code flightwatch aggregate} is the same command). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new AggregateCommand()).execute(args));
  }
}
