package io.flightwatch.nlp.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The processor's own counters (Kafka Streams' metrics are bound separately). Counters are thread-safe and shared by
 * all stream threads. They count work done, not committed results: a record reprocessed after an aborted transaction
 * counts again, so use them for rates and alerts, never as totals of the data.
 */
public final class ProcessorMetrics {

  public static final String PREFIX = "flightwatch.processor.";

  private final MeterRegistry registry;
  private final Counter processed;
  private final Counter offTopic;
  private final Counter duplicates;
  private final Counter withWarnings;
  private final Counter tombstones;
  private final Counter claims;
  private final Counter retractions;
  private final Counter cappedNamed;
  private final Counter cappedOverflow;
  private final Timer annotate;
  private final Map<DlqReason, Counter> dlq = new EnumMap<>(DlqReason.class);

  public ProcessorMetrics(MeterRegistry registry) {
    this.registry = registry;
    processed = Counter.builder(PREFIX + "articles.processed")
        .description("Article versions annotated (on- and off-topic)").register(registry);
    offTopic = Counter.builder(PREFIX + "articles.offtopic")
        .description("Articles the relevance gate kept from full annotation").register(registry);
    duplicates = Counter.builder(PREFIX + "articles.duplicate")
        .description("Records skipped because their article version was already processed").register(registry);
    withWarnings = Counter.builder(PREFIX + "articles.warnings")
        .description("Articles processed with a warning (text truncated, hash computed, ...)").register(registry);
    tombstones = Counter.builder(PREFIX + "articles.withdrawn")
        .description("Tombstones (null value) that withdrew an article's claims").register(registry);
    claims = Counter.builder(PREFIX + "claims.emitted")
        .description("Claims published to the claims topic").register(registry);
    retractions = Counter.builder(PREFIX + "claims.retracted")
        .description("Retractions published because a newer version replaced an article").register(registry);
    cappedNamed = Counter.builder(PREFIX + "claims.capped").tag("reason", "named_people")
        .description("Claims dropped because one article named more people than the cap").register(registry);
    cappedOverflow = Counter.builder(PREFIX + "claims.capped").tag("reason", "claims_per_article")
        .description("Claims dropped because one article made more claims than the cap").register(registry);
    annotate = Timer.builder(PREFIX + "annotate")
        .description("Time spent in the annotator per article").register(registry);
    for (DlqReason r : DlqReason.values()) {
      dlq.put(r, Counter.builder(PREFIX + "dlq")
          .description("Records sent to articles.dlq, by reason")
          .tag("reason", r.wireName())
          .register(registry));
    }
  }

  /** Counters that nobody scrapes, for tests and tools that do not care. */
  public static ProcessorMetrics unregistered() {
    return new ProcessorMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  void processed(boolean relevant, boolean warned) {
    processed.increment();
    if (!relevant) {
      offTopic.increment();
    }
    if (warned) {
      withWarnings.increment();
    }
  }

  void capped(int namedPeople, int perArticle) {
    cappedNamed.increment(namedPeople);
    cappedOverflow.increment(perArticle);
  }

  void duplicate() {
    duplicates.increment();
  }

  void withdrawn() {
    tombstones.increment();
  }

  void claims(int emitted, int retracted) {
    claims.increment(emitted);
    retractions.increment(retracted);
  }

  void dlq(DlqReason reason) {
    dlq.get(reason).increment();
  }

  Timer annotateTimer() {
    return annotate;
  }

  public double processedCount() {
    return processed.count();
  }

  public double offTopicCount() {
    return offTopic.count();
  }

  public double duplicateCount() {
    return duplicates.count();
  }

  public double claimsCount() {
    return claims.count();
  }

  public double retractionsCount() {
    return retractions.count();
  }

  public double dlqCount(DlqReason reason) {
    return dlq.get(reason).count();
  }
}
