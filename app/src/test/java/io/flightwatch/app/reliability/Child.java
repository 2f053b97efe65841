package io.flightwatch.app.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service ({@code flightwatch process} or {@code aggregate}) or one broker node ({@code flightwatch broker}) in its
 * own JVM, started through the launcher's {@code Main} with the test class path, so it can be killed with SIGKILL like
 * a crashed production process. Its stdout and stderr go to a log file under the build folder for debugging;
 * {@link #close()} always destroys it.
 */
final class Child implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

  private final String name;
  private final String command;
  private final List<String> args;
  private final Path log;
  private Process process;
  private int starts;

  private Child(String name, String command, List<String> args, Path log) {
    this.name = name;
    this.command = command;
    this.args = args;
    this.log = log;
  }

  /**
   * A child running {@code command} ("process" or "aggregate") against {@code bootstrap}, with its own state folder and
   * a config file holding {@code config} (application id, commit interval, client passthrough keys).
   */
  static Child of(String name, String command, String bootstrap, Path workDir, Map<String, String> config) {
    try {
      Files.createDirectories(workDir);
      Properties p = new Properties();
      p.putAll(config);
      Path configFile = workDir.resolve(name + ".properties");
      try (var w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
        p.store(w, "reliability child " + name);
      }
      List<String> args = new ArrayList<>(List.of(command, "--bootstrap-servers", bootstrap,
          "--state-dir", workDir.resolve("state-" + name).toString(), "--http-port", "0",
          "--config", configFile.toString()));
      return new Child(name, command, args, logDir().resolve(workDir.getFileName() + "-" + name + ".log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A broker node ({@code flightwatch broker}) with {@code args} ({@code --data-dir}, {@code --quorum}, ...); it is
   * running once it printed that it is, i.e. once its node answers.
   */
  static Child broker(String name, Path workDir, List<String> args) {
    List<String> all = new ArrayList<>(List.of("broker"));
    all.addAll(args);
    return new Child(name, "broker", all, logDir().resolve(workDir.getFileName() + "-" + name + ".log"));
  }

  /** The ingest producer ({@code flightwatch produce}) with {@code args}; it is running once it polls its feeds. */
  static Child produce(String name, Path workDir, List<String> args) {
    List<String> all = new ArrayList<>(List.of("produce"));
    all.addAll(args);
    return new Child(name, "produce", all, logDir().resolve(workDir.getFileName() + "-" + name + ".log"));
  }

  /** {@code <build folder>/reliability-logs} (next to test-classes): kept after the run for debugging. */
  static Path logDir() {
    try {
      Path testClasses = Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = testClasses.getParent().resolve("reliability-logs");
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts (or restarts, on the same state folder) and waits until the service says it is running. */
  Child start() {
    launch();
    return awaitRunning();
  }

  /** Starts several children at once (their model loading overlaps) and waits until all run. */
  static void startAll(Child... children) {
    for (Child c : children) {
      c.launch();
    }
    for (Child c : children) {
      c.awaitRunning();
    }
  }

  /** Starts the JVM without waiting. */
  synchronized Child launch() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx1g", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), "io.flightwatch.app.Main"));
    cmd.addAll(args);
    starts++;
    try {
      Files.writeString(log, "=== start " + starts + ": " + String.join(" ", args) + System.lineSeparator(),
          StandardCharsets.UTF_8, starts == 1 ? new OpenOption[] {} : new OpenOption[] {StandardOpenOption.APPEND});
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().keySet().removeIf(k -> k.startsWith("FLIGHTWATCH_"));
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    return this;
  }

  /** Waits until the current run printed its URL (the service is up); fails fast if the JVM exited. */
  Child awaitRunning() {
    int startNo = starts;
    Process p = process;
    await(name + " running (see " + log + ")").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          if (!p.isAlive()) {
            throw new IllegalStateException(name + " exited with " + p.exitValue() + ", log " + log);
          }
          return "broker".equals(command) || "produce".equals(command) ? runningLine(startNo) != null
              : url(startNo) != null;
        });
    return this;
  }

  /** The HTTP base URL of the current run (no trailing slash), or null before it printed it. */
  String url() {
    return url(starts);
  }

  private String url(int startNo) {
    String line = runningLine(startNo);
    if (line == null) {
      return null;
    }
    Matcher u = URL.matcher(line);
    return u.find() ? u.group(1) : null;
  }

  /** The output of run {@code startNo} from the line saying the service runs, or null before it printed it. */
  private String runningLine(int startNo) {
    try {
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      int at = text.lastIndexOf("=== start " + startNo + ":");
      String run = at < 0 ? "" : text.substring(at);
      String marker = switch (command) {
        case "aggregate" -> "dashboard and REST at";
        case "broker" -> "Kafka broker running";
        case "produce" -> "Polling ";
        default -> "processor running";
      };
      int m = run.indexOf(marker);
      return m < 0 ? null : run.substring(m);
    } catch (IOException e) {
      return null;
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no commit, no clean close. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * SIGTERM and wait for the clean shutdown (the services' shutdown hooks close and commit); SIGKILL after a minute.
   */
  synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  String name() {
    return name;
  }

  /** Exit code of the last run, or null while it runs. */
  Integer exitCode() {
    return process == null || process.isAlive() ? null : process.exitValue();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    kill();
  }

  /** Closes every child, even when one fails. */
  static void closeAll(List<Child> children) {
    for (Child c : children) {
      if (c != null) {
        c.close();
      }
    }
  }
}
