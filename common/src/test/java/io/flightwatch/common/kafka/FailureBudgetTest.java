package io.flightwatch.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureBudgetTest {

  private final AtomicLong now = new AtomicLong();
  private final FailureBudget budget = new FailureBudget(3, Duration.ofMinutes(10), now::get);

  private void minutes(long m) {
    now.addAndGet(Duration.ofMinutes(m).toNanos());
  }

  @Test
  void threeFailuresInTheWindowAreSurvivedTheFourthIsNot() {
    assertThat(budget.spend()).isTrue();
    minutes(1);
    assertThat(budget.spend()).isTrue();
    minutes(1);
    assertThat(budget.spend()).isTrue();
    minutes(1);
    assertThat(budget.spend()).isFalse();
    assertThat(budget.inWindow()).isEqualTo(4);
  }

  @Test
  void failuresSpreadOverMonthsNeverExhaustIt() {
    for (int i = 0; i < 100; i++) {
      assertThat(budget.spend()).as("failure %d, a day after the one before", i).isTrue();
      minutes(24 * 60);
    }
    assertThat(budget.inWindow()).isEqualTo(1);
  }

  @Test
  void theWindowSlides() {
    budget.spend();
    minutes(4);
    budget.spend();
    minutes(4);
    budget.spend();
    minutes(3); // the first is 11 minutes old now: out of the window
    assertThat(budget.spend()).isTrue();
    assertThat(budget.inWindow()).isEqualTo(3);
  }

  @Test
  void aBudgetNeedsAWindow() {
    assertThatThrownBy(() -> new FailureBudget(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new FailureBudget(0, Duration.ofMinutes(1)).spend()).as("no replacements at all").isFalse();
  }
}
