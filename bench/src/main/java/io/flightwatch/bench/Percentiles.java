package io.flightwatch.bench;

import java.util.Arrays;

/**
 * Percentiles by the nearest-rank method over a sorted copy: exact for the samples taken, no histogram library needed.
 */
public final class Percentiles {

  private final long[] sorted;

  public Percentiles(long[] samples) {
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /**
   * The smallest sample with at least {@code p} percent of the samples at or below it (nearest rank: ceil(p/100 * n)).
   *
   * @throws IllegalStateException when there are no samples
   */
  public long percentile(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      throw new IllegalStateException("no samples");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  public long max() {
    return percentile(100);
  }
}
