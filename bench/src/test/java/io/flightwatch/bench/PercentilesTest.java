package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOnHundredSamples() {
    long[] xs = new long[100];
    for (int i = 0; i < 100; i++) {
      xs[i] = 100 - i; // unsorted on purpose: 100, 99, ..., 1
    }
    Percentiles p = new Percentiles(xs);
    assertThat(p.percentile(50)).isEqualTo(50);
    assertThat(p.percentile(95)).isEqualTo(95);
    assertThat(p.percentile(99)).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void smallSetsRoundTheRankUp() {
    Percentiles p = new Percentiles(new long[] {30, 10, 20});
    assertThat(p.percentile(1)).isEqualTo(10);
    assertThat(p.percentile(34)).isEqualTo(20); // ceil(0.34 * 3) = 2nd smallest
    assertThat(p.percentile(50)).isEqualTo(20);
    assertThat(p.percentile(67)).isEqualTo(30);
    assertThat(new Percentiles(new long[] {7}).percentile(99)).isEqualTo(7);
  }

  @Test
  void doesNotSortTheCallersArray() {
    long[] xs = {3, 1, 2};
    new Percentiles(xs).percentile(50);
    assertThat(xs).containsExactly(3, 1, 2);
  }

  @Test
  void rejectsEmptyAndOutOfRange() {
    assertThatThrownBy(() -> new Percentiles(new long[0]).percentile(50)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Percentiles(new long[] {1}).percentile(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Percentiles(new long[] {1}).percentile(101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
