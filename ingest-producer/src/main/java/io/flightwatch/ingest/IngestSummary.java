package io.flightwatch.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a run did. {@code published} counts new article ids, {@code updated} new versions of known ids (both were
 * written to articles.raw), {@code duplicates} items already published with the same content, {@code skipped} items not
 * published by reason (wire names of {@link SkipReason}).
 */
public record IngestSummary(long published, long updated, long duplicates, Map<String, Long> skipped) {

  public IngestSummary {
    skipped = Map.copyOf(skipped);
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public long skipped(SkipReason reason) {
    return skipped.getOrDefault(reason.wireName(), 0L);
  }

  /** The one summary line: {@code published=12 updated=1 duplicates=3 skipped=2 (empty_body=1, invalid_json=1)}. */
  public String line() {
    String reasons = new TreeMap<>(skipped).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    return "published=" + published + " updated=" + updated + " duplicates=" + duplicates + " skipped=" + skippedTotal()
        + (reasons.isEmpty() ? "" : " (" + reasons + ")");
  }

  @Override
  public String toString() {
    return line();
  }
}
