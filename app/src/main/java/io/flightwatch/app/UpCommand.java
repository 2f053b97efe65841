package io.flightwatch.app;

import io.flightwatch.aggregator.AggregatorApp;
import io.flightwatch.aggregator.AggregatorConfig;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.DiskGuard;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.ingest.IngestApp;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.IngestSummary;
import io.flightwatch.ingest.source.Source;
import io.flightwatch.ingest.source.Sources;
import io.flightwatch.nlp.stream.ProcessorApp;
import io.flightwatch.nlp.stream.ProcessorConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.flightwatch.common.service.StreamsServiceConfig;

/**
 * {@code flightwatch up}: the whole pipeline in one process — local broker (unless a cluster is named), topics,
 * aggregator with REST and dashboard, processor, and the producer on the sample articles. Ctrl-C closes everything in
 * reverse order.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline locally: a real KRaft broker (data in --data-dir), the aggregator (REST + "
            + "live dashboard), the NLP processor and the producer on the bundled samples, then print the dashboard "
            + "URL.",
        "A second run resumes from the kept data: nothing is published or counted twice."})
public final class UpCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(UpCommand.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
      description = "Use this Kafka cluster instead of starting the local broker.")
  String bootstrapServers;

  @Option(names = "--input", paramLabel = "DIR", defaultValue = "samples",
      description = "Folder of articles to ingest (.txt with the title on the first line, .html, .json, .jsonl; "
          + "default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "Dashboard and REST port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--data-dir", defaultValue = "data",
      description = "Broker data and service state (default: ${DEFAULT-VALUE}); kept between runs.")
  Path dataDir;

  @Option(names = "--broker-port", defaultValue = "9092",
      description = "Local broker port (default: ${DEFAULT-VALUE}).")
  int brokerPort;

  @Option(names = "--feed", paramLabel = "URL",
      description = "An RSS or Atom feed to poll as well, until Ctrl-C (repeatable).")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--feed-list", paramLabel = "FILE", description = "A file of feed URLs to poll, one per line.")
  Path feedList;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with keys of any service; each service takes the keys it knows.")
  Path configFile;

  @Option(names = "--threads", defaultValue = "1",
      description = "Stream threads of the processor (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (!java.nio.file.Files.exists(input)) {
      // checked before a broker starts: a typo must not give an empty dashboard
      System.err.println("up: no such input: " + input.toAbsolutePath() + " (--input DIR)");
      return 2;
    }
    String clash = io.flightwatch.common.kafka.PortCheck.problem("127.0.0.1", httpPort);
    if (clash == null && bootstrapServers == null) {
      clash = io.flightwatch.common.kafka.PortCheck.problem("127.0.0.1", brokerPort);
    }
    if (clash != null) {
      System.err.println("up: " + clash + " (--http-port / --broker-port)");
      return 2;
    }
    List<java.net.URI> feedUrls = new ArrayList<>();
    try {
      for (String f : feeds) {
        feedUrls.add(Sources.feedUrl(f));
      }
      if (feedList != null) {
        feedUrls.addAll(Sources.readFeedList(feedList));
      }
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("up: " + e.getMessage());
      return 2;
    }
    Deque<AutoCloseable> running = new ArrayDeque<>();
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      closeAll(running);
      stop.countDown();
    }, "flightwatch-up-shutdown-hook");
    Runtime.getRuntime().addShutdownHook(hook);

    Map<String, String> fileKeys = readConfigFile(configFile,
        List.of(AggregatorConfig.definition(), ProcessorConfig.definition(), IngestConfig.definition()));

    long minFree = CommonConfig.diskMinFreeBytes(Settings.load(CommonConfig.base(), null,
        layered(fileKeys, CommonConfig.base(), Map.of())));
    String low = DiskGuard.problem(dataDir, minFree);
    if (low != null) {
      System.err.println("up: " + low);
      return 2;
    }
    // A broker whose log folder fills up halts this JVM without closing anything: stop everything first, in order.
    running.push(DiskGuard.exitWhenLow("up", dataDir, minFree));

    String bootstrap = bootstrapServers;
    if (bootstrap == null) {
      LocalKafka kafka = LocalKafka.start(dataDir.resolve("kafka"), brokerPort);
      running.push(kafka);
      bootstrap = kafka.bootstrapServers();
      kafka.createTopics(Topics.ALL);
    } else {
      // On a real cluster: topic.replication.factor (file or environment), by default the broker's default (-1).
      Settings common = Settings.load(CommonConfig.base(), null, layered(fileKeys, CommonConfig.base(), Map.of()));
      LocalKafka.createTopics(bootstrap, Map.of(), Topics.ALL, CommonConfig.replicationFactor(common));
    }

    Settings aggregatorSettings = Settings.load(AggregatorConfig.definition(), null, layered(fileKeys,
        AggregatorConfig.definition(), Map.of(CommonConfig.BOOTSTRAP_SERVERS, bootstrap,
            StreamsServiceConfig.HTTP_PORT, String.valueOf(httpPort),
            StreamsServiceConfig.STATE_DIR, dataDir.resolve("state").toString())));
    AggregatorApp aggregator = new AggregatorApp(aggregatorSettings).start();
    running.push(aggregator);

    Settings processorSettings = Settings.load(ProcessorConfig.definition(), null, layered(fileKeys,
        ProcessorConfig.definition(), Map.of(CommonConfig.BOOTSTRAP_SERVERS, bootstrap,
            StreamsServiceConfig.STATE_DIR, dataDir.resolve("state").toString(),
            StreamsServiceConfig.NUM_STREAM_THREADS, String.valueOf(threads),
            StreamsServiceConfig.HTTP_PORT, "0")));
    System.out.println("flightwatch: loading CoreNLP models...");
    ProcessorApp processor = ProcessorApp.create(processorSettings).start();
    running.push(processor);

    Map<String, String> ingestKeys = new HashMap<>(Map.of(CommonConfig.BOOTSTRAP_SERVERS, bootstrap));
    // The services' logs share the terminal with the producer: no progress bar unless the config file asks for one.
    ingestKeys.put(IngestConfig.PROGRESS, fileKeys.getOrDefault(IngestConfig.PROGRESS, "never"));
    Settings ingestSettings = Settings.load(IngestConfig.definition(), null,
        layered(fileKeys, IngestConfig.definition(), ingestKeys));
    IngestConfig ingestConfig = new IngestConfig(ingestSettings);
    List<Source> sources = new ArrayList<>();
    sources.add(Sources.path(ingestConfig, input));
    sources.addAll(Sources.feeds(ingestConfig, feedUrls));
    // the producer's counters (per feed too) on the dashboard's /metrics
    IngestApp ingest = new IngestApp(ingestSettings, sources, aggregator.registry());
    running.push(ingest);

    System.out.println();
    System.out.println("  flightwatch is up.  Dashboard and REST: " + dashboardUrl(aggregator));
    System.out.println("  Kafka: " + bootstrap + "   processor health: " + processor.httpUrl() + "/health");
    System.out.println("  Ingesting " + input.toAbsolutePath() + " ...  (Ctrl-C stops everything)");
    System.out.println();

    if (!feedUrls.isEmpty()) {
      // the folder once, then every feed on its schedule, until Ctrl-C; one log line per poll
      ingest.start();
      System.out.println("flightwatch: polling " + feedUrls.size() + " feed(s) every "
          + ingestConfig.pollInterval().toMinutes() + " min (ingest.poll.interval.ms); totals update live at "
          + dashboardUrl(aggregator) + "  (Ctrl-C stops)");
      stop.await();
      return 0;
    }
    IngestSummary summary = ingest.run();
    System.out.println("flightwatch: producer finished: " + summary.line());
    System.out.println("flightwatch: totals update live at " + dashboardUrl(aggregator) + "  (Ctrl-C stops)");
    stop.await();
    return 0;
  }

  private String dashboardUrl(AggregatorApp aggregator) {
    return "http://localhost:" + aggregator.port() + "/";
  }

  /** File keys known to this service, then the command line's own values on top. */
  static Map<String, String> layered(Map<String, String> fileKeys, ConfigDef def, Map<String, String> cli) {
    Map<String, String> out = new HashMap<>();
    fileKeys.forEach((k, v) -> {
      if (def.names().contains(k) || k.startsWith(Settings.KAFKA_PREFIX)) {
        out.put(k, v);
      }
    });
    out.putAll(cli);
    return out;
  }

  /** Reads a config file shared by all services; a key no service knows is an error (a typo must not pass silently). */
  static Map<String, String> readConfigFile(Path file, List<ConfigDef> defs) throws IOException {
    if (file == null) {
      return Map.of();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Set<String> unknown = new TreeSet<>();
    Map<String, String> out = new HashMap<>();
    for (String k : p.stringPropertyNames()) {
      boolean known = k.startsWith(Settings.KAFKA_PREFIX) || defs.stream().anyMatch(d -> d.names().contains(k));
      if (!known) {
        unknown.add(k);
      }
      out.put(k, p.getProperty(k));
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown key(s) in " + file + ": " + unknown);
    }
    return out;
  }

  private static void closeAll(Deque<AutoCloseable> running) {
    while (!running.isEmpty()) {
      AutoCloseable c = running.pop();
      try {
        if (c instanceof IngestApp i) {
          i.close(CLOSE_TIMEOUT);
        } else if (c instanceof ProcessorApp p) {
          p.close(CLOSE_TIMEOUT);
        } else if (c instanceof AggregatorApp a) {
          a.close(CLOSE_TIMEOUT);
        } else {
          c.close();
        }
      } catch (Exception e) {
        log.warn("error while stopping {}", c.getClass().getSimpleName(), e);
      }
    }
  }
}
