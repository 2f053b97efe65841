package io.flightwatch.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.flightwatch.common.Claim;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One statistic (one canonical claim key) and every article that reports it.
 *
 * <p>The value depends only on the set of supports, never on the order they arrived in: the representative is chosen by
 * a fixed rule (a precise figure before a hedged one, then the earliest publication, then the article id). That makes the
 * totals identical on replay and across instances.
 *
 * @param key            canonical claim key
 * @param representative the claim whose value and countries are counted; when no support is left, the last claim seen
 *                       (so the row still maps to its countries and the totals there drop to zero)
 * @param supports       article id -> that article's (newest) report of this statistic, sorted by article id
 * @param updatedAt      newest event time of a record that changed the supports
 */
public record DistinctClaim(String key, Claim representative, SortedMap<String, Claim> supports, Instant updatedAt) {

  /** The month label for claims from articles without a publication date. */
  public static final String UNDATED = "undated";

  private static final Comparator<Claim> PREFERENCE = Comparator
      .comparing(Claim::approximate)
      .thenComparing(Claim::hedged)
      .thenComparing(Claim::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Claim::articleId);

  public DistinctClaim {
    supports = supports == null ? new TreeMap<>() : new TreeMap<>(supports);
  }

  public static DistinctClaim initial() {
    return new DistinctClaim(null, null, new TreeMap<>(), null);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return supports.isEmpty();
  }

  /**
   * Applies one claim record: a report adds (or replaces, for a new article version) the article's support; a retraction
   * removes it. A retraction for a version other than the one held is stale (a newer version already re-asserted the
   * claim) and changes nothing.
   */
  public DistinctClaim apply(String claimKey, StampedClaim event) {
    Claim c = event.claim();
    TreeMap<String, Claim> next = new TreeMap<>(supports);
    if (c.retracted()) {
      Claim held = next.get(c.articleId());
      boolean matches = held != null
          && (c.articleVersion() == null || Objects.equals(held.articleVersion(), c.articleVersion()));
      if (!matches) {
        return representative == null ? new DistinctClaim(claimKey, c, next, event.eventTime()) : this;
      }
      next.remove(c.articleId());
    } else {
      next.put(c.articleId(), c);
    }
    Claim rep = next.values().stream().min(PREFERENCE).orElse(representative != null ? representative : c);
    Instant newest = updatedAt == null || event.eventTime().isAfter(updatedAt) ? event.eventTime() : updatedAt;
    return new DistinctClaim(claimKey, rep, next, newest);
  }

  /** The month of first publication ("yyyy-MM", UTC), or {@link #UNDATED}. */
  public String firstMonth() {
    return supports.values().stream()
        .map(Claim::publishedAt)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .map(t -> YearMonth.from(t.atOffset(ZoneOffset.UTC)).toString())
        .orElse(UNDATED);
  }

  /** Sorted article ids of the supports. */
  public java.util.List<String> articleIds() {
    return java.util.List.copyOf(supports.keySet());
  }
}
