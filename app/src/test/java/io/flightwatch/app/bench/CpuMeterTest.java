package io.flightwatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
}
