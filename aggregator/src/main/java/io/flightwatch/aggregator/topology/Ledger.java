package io.flightwatch.aggregator.topology;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The distinct claims counted for one country in one role, keyed by canonical claim key. Kept whole (not as running sums)
 * because the band's low end is a maximum, which a subtraction cannot undo, and named people are counted as a set.
 *
 * @param country ISO alpha-2 (or "ZZ")
 * @param entries canonical key -> contribution, sorted
 */
public record Ledger(String country, SortedMap<String, LedgerEntry> entries) {

  public Ledger {
    entries = entries == null ? new TreeMap<>() : new TreeMap<>(entries);
  }

  public static Ledger initial() {
    return new Ledger(null, new TreeMap<>());
  }

  public Ledger put(String country, String key, LedgerEntry entry) {
    TreeMap<String, LedgerEntry> next = new TreeMap<>(entries);
    next.put(key, entry);
    return new Ledger(country, next);
  }

  public Ledger remove(String country, String key) {
    TreeMap<String, LedgerEntry> next = new TreeMap<>(entries);
    next.remove(key);
    return new Ledger(country, next);
  }

  /** Newest event time over every entry, or null when the ledger is empty. */
  public Instant updatedAt() {
    Instant newest = null;
    for (LedgerEntry e : entries.values()) {
      if (e.updatedAt() != null && (newest == null || e.updatedAt().isAfter(newest))) {
        newest = e.updatedAt();
      }
    }
    return newest;
  }
}
