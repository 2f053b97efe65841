package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  @Test
  void reportsTheCpuEachProcessUsedInsideTheWindowOnlyInTheOrderGiven() {
    AtomicReference<Duration> worker = new AtomicReference<>(Duration.ofSeconds(40));
    AtomicReference<Duration> broker = new AtomicReference<>(Duration.ofMillis(700));
    Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();
    processes.put("worker", worker::get);
    processes.put("broker", broker::get);

    CpuMeter meter = CpuMeter.start(processes);
    worker.set(Duration.ofMillis(42_500)); // 2.5 s inside the window; the 40 s before it do not count
    broker.set(Duration.ofMillis(1_000));
    String report = meter.stop();

    assertThat(report).startsWith("worker 2.5 s (").contains(", broker 0.3 s (");
    assertThat(report.indexOf("worker")).isLessThan(report.indexOf("broker"));
  }

  @Test
  void thisJvmHasUsedSomeCpu() {
    assertThat(CpuMeter.self()).isPositive();
  }

  @Test
  void countsOnlyTheJitCompilerThreadsUtimePlusStime() {
    String c2 = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 1077936192 900 0 3 0 1234 56 0 0 20 0 40 0 777 0 0";
    String c1 = "4243 (C1 CompilerThre) S 1 4200 4200 0 -1 1077936192 900 0 3 0 100 4 0 0 20 0 40 0 777 0 0";
    String worker = "4250 (bench-processor) R 1 4200 4200 0 -1 1077936192 900 0 3 0 99999 88 0 0 20 0 40 0 777 0 0";
    String oddName = "4251 (a) b (C2 x) R 1 4200 4200 0 -1 1077936192 900 0 3 0 5 5 0 0 20 0 40 0 777 0 0";

    assertThat(CpuMeter.compilerTicks(c2)).isEqualTo(1290);
    assertThat(CpuMeter.compilerTicks(c1)).isEqualTo(104);
    assertThat(CpuMeter.compilerTicks(worker)).isZero();
    assertThat(CpuMeter.compilerTicks(oddName)).isZero();
  }

  @Test
  void readsThisJvmsCompilerThreadsFromProc() {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "procfs (Linux) only");
    Duration jit = CpuMeter.jitCpu(ProcessHandle.current().pid());
    assertThat(jit).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(CpuMeter.self());
    assertThat(CpuMeter.jitCpu(Long.MAX_VALUE)).as("no such process").isNull();
  }
}
