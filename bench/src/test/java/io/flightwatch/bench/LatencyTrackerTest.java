package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyTrackerTest {

  @Test
  void aRiseCompletesTheOldestSendsOfThatCountry() {
    LatencyTracker t = new LatencyTracker();
    t.sent("CA", 100);
    t.sent("CA", 200);
    t.sent("FR", 150);
    t.observed("CA", 1, 1_000); // first CA article visible
    t.observed("FR", 1, 1_100);
    assertThat(t.pendingCount()).isEqualTo(1);
    t.observed("CA", 2, 1_300);
    assertThat(t.drain()).containsExactly(900, 950, 1_100);
    assertThat(t.pendingCount()).isZero();
  }

  @Test
  void repeatedOrLowerTotalsAndUntrackedCountriesAddNothing() {
    LatencyTracker t = new LatencyTracker();
    t.observed("DE", 3, 50); // counted before any send: the baseline
    t.sent("DE", 100);
    t.observed("DE", 3, 120); // same total again (another field changed)
    t.observed("CN", 9, 130); // an origin country, never sent
    assertThat(t.pendingCount()).isEqualTo(1);
    t.observed("DE", 4, 400);
    assertThat(t.drain()).containsExactly(300);
  }

  @Test
  void aJumpOfTwoCompletesTwoSends() {
    LatencyTracker t = new LatencyTracker();
    t.sent("JP", 10);
    t.sent("JP", 20);
    t.observed("JP", 2, 100);
    assertThat(t.drain()).containsExactly(90, 80);
  }
}
