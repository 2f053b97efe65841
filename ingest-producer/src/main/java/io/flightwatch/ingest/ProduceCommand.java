package io.flightwatch.ingest;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.kafka.BrokerCheck;
import io.flightwatch.ingest.source.Source;
import io.flightwatch.ingest.source.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flightwatch produce}: files, stdin and feeds to articles.raw, exactly once. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {
        "Publish news articles to Kafka (articles.raw), each version exactly once, remembering what was published in"
            + " the compacted topic ingest.seen.",
        "Inputs: directories/files (.txt with the title on the first line, .html, .json, .jsonl), JSON lines on stdin,"
            + " RSS/Atom feeds. Finite inputs are read once; feeds are polled until Ctrl-C (or once with --once).",
        "Ends with a summary line: published / updated / duplicates / skipped by reason."},
    footer = {"", "Exit status: 0 done, 1 publishing failed (nothing was lost: fix and rerun) or the cluster did not"
            + " answer within startup.timeout.ms, 2 usage or config error (also a missing --input)."})
public final class ProduceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers.")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with configuration keys.")
  Path configFile;

  @Option(names = {"-c", "--set"}, paramLabel = "KEY=VALUE", description = "A configuration key (repeatable).")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--input", paramLabel = "DIR|FILE", description = "A directory (recursive) or file (repeatable).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--stdin", description = "Read JSON lines (one article object per line) from standard input.")
  boolean stdin;

  @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed URL (repeatable).")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--feed-list", paramLabel = "FILE", description = "A file of feed URLs, one per line, # comments.")
  Path feedList;

  @Option(names = "--once", description = "Poll each feed once, then exit (default: poll until stopped).")
  boolean once;

  @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
  boolean progress;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> overrides = new LinkedHashMap<>(set);
    if (bootstrapServers != null) {
      overrides.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    if (progress) {
      overrides.put(IngestConfig.PROGRESS, "always");
    }
    Settings settings;
    List<Source> sources = new ArrayList<>();
    try {
      settings = Settings.load(IngestConfig.definition(), configFile, overrides);
      IngestConfig config = new IngestConfig(settings);
      for (Path p : inputs) {
        if (!java.nio.file.Files.exists(p)) {
          throw new IllegalArgumentException("no such input: " + p.toAbsolutePath());
        }
        sources.add(Sources.path(config, p));
      }
      if (stdin) {
        sources.add(Sources.stdin(config, System.in));
      }
      List<URI> urls = new ArrayList<>();
      for (String f : feeds) {
        urls.add(Sources.feedUrl(f));
      }
      if (feedList != null) {
        urls.addAll(Sources.readFeedList(feedList));
      }
      sources.addAll(Sources.feeds(config, urls));
    } catch (ConfigException | IllegalArgumentException | IOException e) {
      err.println("produce: " + e.getMessage());
      return 2;
    }
    if (sources.isEmpty()) {
      err.println("produce: nothing to read: give --input, --stdin, --feed or --feed-list (see --help)");
      return 2;
    }
    try {
      BrokerCheck.require(CommonConfig.clientProps(settings), CommonConfig.startupTimeout(settings));
    } catch (BrokerCheck.Unreachable e) {
      err.println("produce: " + e.getMessage());
      return 1;
    }
    boolean continuous = !once && sources.stream().anyMatch(Source::continuous);
    SummaryOnce summary = new SummaryOnce(err);
    try (IngestApp app = new IngestApp(settings, sources)) {
      // Ctrl-C or SIGTERM: commit what is open, close, and still print the summary (the JVM ends with the hook)
      Thread hook = new Thread(() -> {
        app.close(Duration.ofSeconds(20));
        summary.print(app.summary().line() + " (stopped by a signal)");
      }, "flightwatch-produce-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      if (!continuous) {
        summary.print(app.run().line());
        return 0;
      }
      app.start();
      while (!app.awaitTermination(Duration.ofSeconds(1))) {
        // polling runs until Ctrl-C (the hook closes the app) or a fatal error ends the thread
      }
      summary.print(app.summary().line());
      if (app.failure() != null) {
        err.println("produce: stopped: " + app.failure().getMessage());
        return 1;
      }
      return 0;
    } catch (IngestFatalException e) {
      err.println("produce: stopped: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ProduceCommand()).execute(args));
  }

  /**
   * The summary line, printed once by whichever of the main thread and the shutdown hook comes first. Synchronized: on
   * SIGTERM the JVM halts as soon as the hook returns, so the hook must wait for a line the main thread is printing.
   */
  private static final class SummaryOnce {
    private final PrintWriter err;
    private boolean printed;

    SummaryOnce(PrintWriter err) {
      this.err = err;
    }

    synchronized void print(String line) {
      if (!printed) {
        printed = true;
        err.println(line);
        err.flush();
      }
    }
  }
}
