package io.flightwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One flightwatch service ({@code java -cp <this classpath> <launcher main class> <args>}) in its own JVM, so its
 * memory is its own: resident set high-water mark from {@code /proc/<pid>/status} (VmHWM) and heap from the JVM's own
 * GC log ({@code -Xlog:gc}: the largest "used before GC" is the peak heap, the largest "used after GC" the largest live
 * set).
 */
public final class ChildJvm implements AutoCloseable {

  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final String name;
  private final Process process;
  private final Path output;
  private final Path gcLog;
  private final long startNanos;
  private long hwmKb = -1;

  private ChildJvm(String name, Process process, Path output, Path gcLog, long startNanos) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.gcLog = gcLog;
    this.startNanos = startNanos;
  }

  /**
   * Starts {@code mainClass args...} with the given JVM options and this JVM's classpath; stdout and stderr go to
   * {@code <dir>/<name>.out}. The main class is the launcher's (the command line that holds {@code broker},
   * {@code process}, {@code aggregate} and {@code up}), named by the caller: this module cannot depend on it.
   */
  public static ChildJvm start(String mainClass, String name, Path dir, List<String> jvmOptions, List<String> args)
      throws IOException {
    Path out = dir.resolve(name + ".out");
    Path gc = dir.resolve(name + "-gc.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-Xlog:gc:file=" + gc);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    long t0 = System.nanoTime();
    return new ChildJvm(name, pb.start(), out, gc, t0);
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  /** CPU time (user + system, all threads) the process has used so far; zero when the OS does not report it. */
  public Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  public long startNanos() {
    return startNanos;
  }

  /** Waits until the child's output contains {@code marker}; fails early when the child exits. */
  public void awaitOutput(String marker, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(output) && Files.readString(output, StandardCharsets.UTF_8).contains(marker)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before printing '" + marker
            + "'; see " + output);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " did not print '" + marker + "' within " + timeout + "; see " + output);
  }

  public String output() throws IOException {
    return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
  }

  /** VmHWM of the live process in MB (peak resident set so far); -1 when /proc is not there. */
  public long rssHighWaterMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          hwmKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // process gone or no procfs: keep the last value read
      return hwmKb < 0 ? -1 : hwmKb >> 10;
    }
    return hwmKb >> 10;
  }

  /**
   * {peak heap used (before a GC), largest heap used after a collecting GC, committed heap} in MB, from the GC log.
   */
  public long[] heapFromGcLog() throws IOException {
    return heapFromGcLog(gcLog);
  }

  static long[] heapFromGcLog(Path gcLog) throws IOException {
    long peak = 0;
    long live = 0;
    long committed = 0;
    if (Files.exists(gcLog)) {
      for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
        Matcher m = GC_LINE.matcher(line);
        if (m.find()) {
          peak = Math.max(peak, Long.parseLong(m.group(1)));
          // G1's Remark and Cleanup pauses report occupancy without evacuating anything: "after" there is not live
          // data.
          if (!line.contains("Pause Remark") && !line.contains("Pause Cleanup")) {
            live = Math.max(live, Long.parseLong(m.group(2)));
          }
          committed = Math.max(committed, Long.parseLong(m.group(3)));
        }
      }
    }
    return new long[] {peak, live, committed};
  }

  /** SIGTERM (the services close cleanly on it), then a forced kill if it does not exit in time. */
  @Override
  public void close() {
    if (process.isAlive()) {
      rssHighWaterMb();
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        // a close from try-with-resources must not lose the child: kill it, keep the interrupt for the caller
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
