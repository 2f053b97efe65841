package io.flightwatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of the producer: {@code ingest.published}, {@code ingest.updated}, {@code ingest.duplicates} and
 * {@code ingest.skipped{reason=...}}. Skips are logged here, one WARN line each, so every skip is both logged and
 * counted.
 */
public final class IngestMetrics {

  private static final Logger log = LoggerFactory.getLogger(IngestMetrics.class);

  private final MeterRegistry registry;
  private final Counter published;
  private final Counter updated;
  private final Counter duplicates;
  private final Map<SkipReason, Counter> skipped = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> skippedCounts = new ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.published = Counter.builder("ingest.published").description("new articles written to articles.raw")
        .register(registry);
    this.updated = Counter.builder("ingest.updated").description("new versions of known articles written")
        .register(registry);
    this.duplicates = Counter.builder("ingest.duplicates").description("items already published with this content")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  void published(long n) {
    published.increment(n);
  }

  void updated(long n) {
    updated.increment(n);
  }

  void duplicate() {
    duplicates.increment();
  }

  /** Logs the one line for this item and counts it. */
  public void skipped(String origin, SkipReason reason, String detail) {
    log.warn("Skipped {}: {} ({})", origin, reason.wireName(), detail);
    skipped.computeIfAbsent(reason, r -> Counter.builder("ingest.skipped")
        .description("input items not published, by reason")
        .tag("reason", r.wireName())
        .register(registry)).increment();
    skippedCounts.computeIfAbsent(reason.wireName(), r -> new LongAdder()).increment();
  }

  /**
   * One poll of a feed: {@code ingest.feed.polls{feed,outcome}} (ok, not_modified, failed) and
   * {@code ingest.feed.articles{feed,result}} (published, updated, duplicate, skipped).
   */
  void polled(String feed, String outcome, IngestSummary before, IngestSummary after) {
    Counter.builder("ingest.feed.polls").description("polls of a feed, by outcome").tag("feed", feed)
        .tag("outcome", outcome).register(registry).increment();
    long skippedBefore = before.skipped().values().stream().mapToLong(Long::longValue).sum();
    long skippedAfter = after.skipped().values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> results = Map.of("published", after.published() - before.published(),
        "updated", after.updated() - before.updated(), "duplicate", after.duplicates() - before.duplicates(),
        "skipped", skippedAfter - skippedBefore);
    results.forEach((result, n) -> Counter.builder("ingest.feed.articles")
        .description("a feed's items, by what became of them").tag("feed", feed).tag("result", result)
        .register(registry).increment(n));
  }

  public IngestSummary summary() {
    Map<String, Long> s = new ConcurrentHashMap<>();
    skippedCounts.forEach((k, v) -> s.put(k, v.sum()));
    return new IngestSummary((long) published.count(), (long) updated.count(), (long) duplicates.count(), s);
  }
}
