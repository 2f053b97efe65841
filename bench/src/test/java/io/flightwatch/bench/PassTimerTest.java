package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassTimerTest {

  private static PassTimer.Pass passes(Long... nanos) {
    Iterator<Long> it = List.of(nanos).iterator();
    return it::next;
  }

  @Test
  void warmUpStopsAfterTwoSteadyStepsInARow() throws Exception {
    PassTimer timer = new PassTimer(15, 0.05, 0.05, 3);
    // 10, 5 (not steady), 5.1 (steady), 4 (not), 4.1 (steady), 4.0 (steady: stop); the last value is never run
    timer.warmUntilSteady("loop", passes(10_000_000_000L, 5_000_000_000L, 5_100_000_000L, 4_000_000_000L,
        4_100_000_000L, 4_000_000_000L, 1L));
    assertThat(timer.rows()).hasSize(1);
    assertThat(timer.rows().get(0)[1]).startsWith("10.0 s").endsWith("4.0 s (JIT 0.00)");
    assertThat(timer.rows().get(0)[1].split(", ")).hasSize(6);
  }

  @Test
  void warmUpStopsAtTheMostPasses() throws Exception {
    PassTimer timer = new PassTimer(3, 0.05, 0.05, 3);
    timer.warmUntilSteady("loop", passes(10_000_000_000L, 5_000_000_000L, 2_000_000_000L, 1L));
    assertThat(timer.rows().get(0)[1].split(", ")).hasSize(3);
  }

  @Test
  void medianPassIsTheMiddleOneAndIsNotedWithTheWarmUp() throws Exception {
    PassTimer timer = new PassTimer(1, 0.05, 0.05, 3);
    timer.warmUntilSteady("loop", passes(9_000_000_000L));
    PassTimer.Timed t = timer.medianPass("loop", passes(3_000_000_000L, 1_000_000_000L, 2_000_000_000L));
    assertThat(t.index()).isEqualTo(2);
    assertThat(t.nanos()).isEqualTo(2_000_000_000L);
    assertThat(timer.rows().get(0)[1]).startsWith("warm-up 9.0 s").endsWith("timed 3.0 s, 1.0 s, 2.0 s (median used)");
    timer.note("loop", "more");
    assertThat(timer.rows().get(0)[1]).endsWith("(median used); more");
  }
}
