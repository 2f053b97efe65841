package io.flightwatch.common.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * How many stream-thread failures a service survives: at most {@code max} within any {@code window}. A thread that
 * dies three times in a minute has a cause that replacing it will not fix; three deaths spread over a month are three
 * unrelated events, and a budget that never refilled would stop a long-running service at the fourth.
 */
public final class FailureBudget {

  private final int max;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final ArrayDeque<Long> recent = new ArrayDeque<>();

  public FailureBudget(int max, Duration window) {
    this(max, window, System::nanoTime);
  }

  FailureBudget(int max, Duration window, LongSupplier nanoTime) {
    if (max < 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a failure budget needs max >= 0 and a positive window");
    }
    this.max = max;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Records a failure now; true while the failures within the window, this one included, are at most {@code max}. */
  public synchronized boolean spend() {
    long now = nanoTime.getAsLong();
    while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
      recent.pollFirst();
    }
    recent.addLast(now);
    return recent.size() <= max;
  }

  /** Failures within the window as of the last {@link #spend()}. */
  public synchronized int inWindow() {
    return recent.size();
  }

  public int max() {
    return max;
  }
}
