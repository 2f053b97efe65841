package io.flightwatch.nlp.stream;

import io.flightwatch.common.Settings;
import io.flightwatch.common.service.ServiceShell;
import io.flightwatch.common.service.StreamsServiceOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import io.flightwatch.common.service.StreamsServiceConfig;

/** {@code flightwatch process}: runs the stream processor until SIGTERM / Ctrl-C. */
@Command(name = "process", mixinStandardHelpOptions = true,
    description = {
        "Runs the NLP stream processor: articles.raw -> articles.annotated, claims, articles.dlq (exactly once).",
        "Loads the CoreNLP models once, then serves GET /health and GET /metrics. Stops cleanly on SIGTERM or Ctrl-C.",
        "Configuration: options > --config file > FLIGHTWATCH_* environment > defaults (docs/processor.md)."})
public final class ProcessCommand implements Callable<Integer> {

  @CommandLine.Mixin
  StreamsServiceOptions options = new StreamsServiceOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The keys given on the command line, which win over the file, the environment and the defaults. */
  Map<String, String> overrides() {
    return options.overrides();
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings;
    try {
      settings = ProcessorConfig.load(options.config(), overrides());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    ServiceShell shell = new ServiceShell("process", spec.commandLine().getOut(), spec.commandLine().getErr());
    int checked = shell.preflight(settings, Path.of(settings.getString(StreamsServiceConfig.STATE_DIR)));
    if (checked != ServiceShell.OK) {
      return checked;
    }
    ProcessorApp app = ProcessorApp.create(settings);
    return shell.run(app, ProcessorConfig.shutdownTimeout(settings),
        () -> "processor running" + (app.httpUrl() == null ? ""
        : "; health " + app.httpUrl() + "/health, metrics " + app.httpUrl() + "/metrics") + ". Ctrl-C stops it.");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ProcessCommand()).execute(args));
  }
}
