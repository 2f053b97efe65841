package io.flightwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Where the machine's CPU went during one timed window: CPU seconds of each named process (user + system, all threads)
 * and how busy all cores were ({@code /proc/stat}). A throughput figure means little on a shared 2-core machine without
 * it: it shows whether the measured service was short of CPU and who else used it.
 */
public final class CpuMeter {

  /** Linux's USER_HZ, the unit of /proc CPU times; 100 on every mainstream architecture. */
  private static final long USER_HZ = 100;

  private final Map<String, Supplier<Duration>> processes;
  private final Map<String, Duration> start = new LinkedHashMap<>();
  private final long[] machineStart;
  private final long t0;

  private CpuMeter(Map<String, Supplier<Duration>> processes) {
    this.processes = processes;
    processes.forEach((name, cpu) -> start.put(name, cpu.get()));
    this.machineStart = machineTicks();
    this.t0 = System.nanoTime();
  }

  /** Starts a window over the given processes (name to a CPU-time reading, e.g. {@link ChildJvm#cpu()}). */
  public static CpuMeter start(Map<String, Supplier<Duration>> processes) {
    return new CpuMeter(new LinkedHashMap<>(processes));
  }

  /** This JVM's own CPU time. */
  public static Duration self() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /**
   * Ends the window: e.g. {@code processor 9.1 s (0.88 cores), broker 2.0 s (0.19), bench 0.5 s (0.05); all cores 97%
   * busy}.
   */
  public String stop() {
    double wall = (System.nanoTime() - t0) / 1e9;
    long[] machineEnd = machineTicks();
    StringJoiner out = new StringJoiner(", ");
    processes.forEach((name, cpu) -> {
      double secs = (cpu.get().toNanos() - start.get(name).toNanos()) / 1e9;
      out.add(String.format(Locale.ROOT, "%s %.1f s (%.2f cores)", name, secs, secs / wall));
    });
    String machine = "";
    if (machineStart != null && machineEnd != null && machineEnd[1] > machineStart[1]) {
      double busy = (machineEnd[0] - machineStart[0]) / (double) (machineEnd[1] - machineStart[1]);
      machine = String.format(Locale.ROOT, "; all %d cores %.0f%% busy", Runtime.getRuntime().availableProcessors(),
          busy * 100);
    }
    return out + machine;
  }

  /**
   * CPU time the JIT compiler threads ({@code C1/C2 CompilerThread*}) of process {@code pid} have used so far, from
   * {@code /proc/<pid>/task/*}/stat; null without procfs. A JVM whose compilers are still busy is not yet at its steady
   * speed, and on 2 cores they take CPU from everything else: the broker's compilers from the processor too.
   */
  public static Duration jitCpu(long pid) {
    Path tasks = Path.of("/proc", String.valueOf(pid), "task");
    long ticks = 0;
    try (var threads = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) threads::iterator) {
        try {
          ticks += compilerTicks(Files.readString(t.resolve("stat")));
        } catch (IOException e) {
          // the thread ended between the listing and the read: its time is gone with it, as for any reader of /proc
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return Duration.ofMillis(ticks * 1000 / USER_HZ);
  }

  /**
   * Clock ticks (utime + stime) of one {@code /proc/.../task/<tid>/stat} line when the thread is a JIT compiler thread,
   * else 0. The name is in parentheses and may itself contain spaces or ')' (hence the last ')').
   */
  static long compilerTicks(String statLine) {
    int open = statLine.indexOf('(');
    int close = statLine.lastIndexOf(')');
    if (open < 0 || close < open) {
      return 0;
    }
    String name = statLine.substring(open + 1, close);
    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
      return 0;
    }
    // after ") ": state(3) ppid(4) ... utime is field 14, stime 15 of the line (1-based), i.e. index 11 and 12 here
    String[] f = statLine.substring(close + 2).trim().split("\\s+");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** {busy, total} jiffies over all cores from the first line of /proc/stat, or null without procfs. */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null; // not Linux: the report leaves the machine part out
    }
  }
}
