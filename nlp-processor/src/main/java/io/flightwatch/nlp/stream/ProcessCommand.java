package io.flightwatch.nlp.stream;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.DiskGuard;
import io.flightwatch.common.Settings;
import io.flightwatch.common.kafka.BrokerCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private static final Logger log = LoggerFactory.getLogger(ProcessCommand.class);

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
    Path state = Path.of(settings.getString(ProcessorConfig.STATE_DIR));
    String low = DiskGuard.problem(state, CommonConfig.diskMinFreeBytes(settings));
    if (low != null) {
      spec.commandLine().getErr().println("process: " + low);
      return 2;
    }
    DiskGuard.exitWhenLow("process", state, CommonConfig.diskMinFreeBytes(settings));
    try {
      BrokerCheck.require(CommonConfig.clientProps(settings), CommonConfig.startupTimeout(settings));
    } catch (BrokerCheck.Unreachable e) {
      spec.commandLine().getErr().println("process: " + e.getMessage());
      return 1;
    }
    Duration timeout = ProcessorConfig.shutdownTimeout(settings);
    ProcessorApp app = ProcessorApp.create(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean shuttingDown = new AtomicBoolean();
    Thread hook = new Thread(() -> {
      shuttingDown.set(true);
      app.close(timeout);
      stopped.countDown();
    }, "flightwatch-processor-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      app.start();
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("processor did not start: " + e.getMessage());
      removeHook(hook);
      app.close(timeout);
      return 1;
    }
    spec.commandLine().getOut().println("processor running" + (app.httpUrl() == null ? ""
        : "; health " + app.httpUrl() + "/health, metrics " + app.httpUrl() + "/metrics") + ". Ctrl-C stops it.");
    // Wait for the shutdown hook; leave early (exit 1) if Kafka Streams gave up on its own (threads kept dying).
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      KafkaStreams.State s = app.state();
      if (!shuttingDown.get() && (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING)) {
        log.error("the processor's Kafka Streams client stopped by itself (state {}); exiting", s);
        removeHook(hook);
        app.close(timeout);
        return 1;
      }
    }
    return 0;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway and close() is idempotent
      log.debug("shutdown already in progress", e);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ProcessCommand()).execute(args));
  }
}
