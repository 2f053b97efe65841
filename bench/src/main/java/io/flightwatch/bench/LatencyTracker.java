package io.flightwatch.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches sent articles to the moment their effect is visible: each measured article names one destination country, and
 * a country's {@code articles} total (distinct supporting articles) rises by one when its contribution is counted.
 * Sends are queued per country; a rise of {@code d} completes the {@code d} oldest sends of that country. Destinations
 * rotate over many countries, so a country rarely has two articles in flight and the match is exact in practice.
 *
 * <p>Thread-safe: the sender thread calls {@link #sent}, the SSE reader {@link #observed}.
 */
public final class LatencyTracker {

  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, Deque<Long>> pending = new HashMap<>();
  private final List<Long> samples = new ArrayList<>();
  private long lastEventNanos = System.nanoTime();

  /** The article for {@code country} was handed to the producer at {@code nanos}. */
  public synchronized void sent(String country, long nanos) {
    pending.computeIfAbsent(country, k -> new ArrayDeque<>()).addLast(nanos);
  }

  /** A totals event: {@code country} now has {@code articles} supporting articles. */
  public synchronized void observed(String country, long articles, long nanos) {
    lastEventNanos = nanos;
    long before = counts.getOrDefault(country, 0L);
    if (articles <= before) {
      return;
    }
    counts.put(country, articles);
    Deque<Long> q = pending.get(country);
    for (long i = before; i < articles && q != null && !q.isEmpty(); i++) {
      samples.add(nanos - q.pollFirst());
    }
    notifyAll();
  }

  public synchronized int pendingCount() {
    return pending.values().stream().mapToInt(Deque::size).sum();
  }

  public synchronized long lastEventNanos() {
    return lastEventNanos;
  }

  /** Takes the samples collected so far (nanoseconds) and starts a new set; sends still pending are dropped. */
  public synchronized long[] drain() {
    long[] out = samples.stream().mapToLong(Long::longValue).toArray();
    samples.clear();
    pending.clear();
    return out;
  }

  /** Waits until no sends are pending or the timeout passes; returns how many are still pending. */
  public synchronized int awaitPending(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    int left;
    while ((left = pendingCount()) > 0) {
      long wait = deadline - System.currentTimeMillis();
      if (wait <= 0) {
        break;
      }
      wait(Math.min(wait, 200));
    }
    return left;
  }
}
