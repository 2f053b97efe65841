package io.flightwatch.nlp.stream;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.service.ServiceShell;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flightwatch process}: runs the stream processor until SIGTERM / Ctrl-C. */
@Command(name = "process", mixinStandardHelpOptions = true,
    description = {
        "Runs the NLP stream processor: articles.raw -> articles.annotated, claims, articles.dlq (exactly once).",
        "Loads the CoreNLP models once, then serves GET /health and GET /metrics. Stops cleanly on SIGTERM or Ctrl-C.",
        "Configuration: options > --config file > FLIGHTWATCH_* environment > defaults (docs/processor.md)."})
public final class ProcessCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (default " + CommonConfig.DEFAULT_BOOTSTRAP + ").")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "Java properties file with configuration keys.")
  Path config;

  @Option(names = "--threads", paramLabel = "N", description = "Stream threads (num.stream.threads, default 1).")
  Integer threads;

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Port of /health and /metrics (http.port, default 8081; 0 = any free port; -1 = off).")
  Integer httpPort;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state folder (state.dir).")
  Path stateDir;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The keys given on the command line, which win over the file, the environment and the defaults. */
  Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      o.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    if (threads != null) {
      o.put(ProcessorConfig.NUM_STREAM_THREADS, threads.toString());
    }
    if (httpPort != null) {
      o.put(ProcessorConfig.HTTP_PORT, httpPort.toString());
    }
    if (stateDir != null) {
      o.put(ProcessorConfig.STATE_DIR, stateDir.toString());
    }
    return o;
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings;
    try {
      settings = ProcessorConfig.load(config, overrides());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    ServiceShell shell = new ServiceShell("process", spec.commandLine().getOut(), spec.commandLine().getErr());
    int checked = shell.preflight(settings, Path.of(settings.getString(ProcessorConfig.STATE_DIR)));
    if (checked != ServiceShell.OK) {
      return checked;
    }
    ProcessorApp app = ProcessorApp.create(settings);
    return shell.run(app, ProcessorConfig.shutdownTimeout(settings), () -> "processor running" + (app.httpUrl() == null ? ""
        : "; health " + app.httpUrl() + "/health, metrics " + app.httpUrl() + "/metrics") + ". Ctrl-C stops it.");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ProcessCommand()).execute(args));
  }
}
