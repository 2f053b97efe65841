package io.flightwatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timing rule of the Kafka phase, for each processor JVM and the plain loop it is paired with (the throughput
 * phase's loops are timed by JMH instead; a processor is a separate JVM fed through a broker, which JMH cannot time):
 * untimed passes until two in a row each take within
 * {@code steady} of the pass before and the JIT compilers of the JVMs involved used at most {@code jitSettled} cores in
 * the last one (at most {@code warmupPasses}), then {@code timedPasses} timed passes, the median used. Every pass is
 * noted ({@link #rows()}) so the warm-up curve is visible in the table.
 */
public final class PassTimer {

  /** One pass over a corpus; returns its wall time in nanoseconds. */
  public interface Pass {
    long run() throws Exception;
  }

  /** The median of the timed passes: which pass it was (0-based) and its wall time. */
  public record Timed(int index, long nanos) {}

  private final int warmupPasses;
  private final double steady;
  private final double jitSettled;
  private final int timedPasses;
  private final List<String[]> rows = new ArrayList<>();

  public PassTimer(int warmupPasses, double steady, double jitSettled, int timedPasses) {
    this.warmupPasses = warmupPasses;
    this.steady = steady;
    this.jitSettled = jitSettled;
    this.timedPasses = timedPasses;
  }

  public int timedPasses() {
    return timedPasses;
  }

  public double steady() {
    return steady;
  }

  /** Rows {what, passes, "", ""} in the order the loops ran; callers may add their own (e.g. paired passes). */
  public List<String[]> rows() {
    return rows;
  }

  /**
   * Runs untimed passes until two in a row each take within {@code steady} of the pass before and the JIT compilers of
   * the JVMs {@code jitPids} used at most {@code jitSettled} cores in the last one (at most {@code warmupPasses}).
   */
  public void warmUntilSteady(String what, Pass pass, long... jitPids) throws Exception {
    long previous = -1;
    int steadySteps = 0;
    StringBuilder passes = new StringBuilder();
    for (int i = 0; i < warmupPasses; i++) {
      Duration jit0 = jitCpu(jitPids);
      long nanos = pass.run();
      Duration jit1 = jitCpu(jitPids);
      double jitCores = jit0 == null || jit1 == null ? 0 : (jit1.toNanos() - jit0.toNanos()) / (double) nanos;
      passes.append(passes.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f s", nanos / 1e9));
      if (jit0 != null && jit1 != null) {
        passes.append(String.format(Locale.ROOT, " (JIT %.2f)", jitCores));
      }
      steadySteps = previous > 0 && Math.abs(nanos - previous) <= steady * previous ? steadySteps + 1 : 0;
      if (steadySteps >= 2 && jitCores <= jitSettled) {
        break;
      }
      previous = nanos;
    }
    System.out.println("bench: " + what + " warm-up passes: " + passes);
    rows.add(new String[] {what, passes.toString(), "", ""});
  }

  /** Runs {@code timedPasses} timed passes and returns the median one; notes all of them next to the warm-up passes. */
  public Timed medianPass(String what, Pass pass) throws Exception {
    List<Long> timedNanos = new ArrayList<>();
    for (int i = 0; i < timedPasses; i++) {
      timedNanos.add(pass.run());
    }
    List<Long> sorted = new ArrayList<>(timedNanos);
    sorted.sort(null);
    int index = timedNanos.indexOf(sorted.get(sorted.size() / 2));
    note(what, "timed " + seconds(timedNanos) + " (median used)");
    return new Timed(index, timedNanos.get(index));
  }

  /** Adds {@code text} to the row of {@code what} (after its warm-up passes), or a new row. */
  public void note(String what, String text) {
    String[] row = rows.stream().filter(r -> r[0].equals(what)).findFirst().orElse(null);
    if (row != null) {
      row[1] = row[1].startsWith("warm-up ") || row[1].startsWith("timed ") ? row[1] + "; " + text
          : "warm-up " + row[1] + "; " + text;
    } else {
      rows.add(new String[] {what, text, "", ""});
    }
    System.out.println("bench: " + what + " " + text);
  }

  /** "1.2 s, 1.3 s, ..." */
  public static String seconds(List<Long> nanos) {
    StringBuilder times = new StringBuilder();
    nanos.forEach(n -> times.append(times.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%.1f s", n / 1e9)));
    return times.toString();
  }

  /** The JIT compiler threads' CPU time summed over {@code pids}; null when procfs cannot tell. */
  public static Duration jitCpu(long... pids) {
    Duration sum = Duration.ZERO;
    for (long pid : pids) {
      Duration d = CpuMeter.jitCpu(pid);
      if (d == null) {
        return null;
      }
      sum = sum.plus(d);
    }
    return sum;
  }
}
