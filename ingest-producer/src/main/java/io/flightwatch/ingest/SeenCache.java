package io.flightwatch.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Article id -> content hash of the version last published, bounded: past {@code max} ids the one published longest ago
 * is forgotten. Loaded from {@code ingest.seen} at start. A forgotten id that shows up again is published again; the
 * record carries the same id, so downstream replaces rather than adds.
 */
public final class SeenCache {

  private final int max;
  private final LinkedHashMap<String, String> map;
  private long evicted;

  public SeenCache(int max) {
    this.max = max;
    this.map = new LinkedHashMap<>(Math.min(max, 1 << 16), 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        if (super.size() > SeenCache.this.max) {
          evicted++;
          return true;
        }
        return false;
      }
    };
  }

  /** Content hash last published under {@code id}, or null. */
  public synchronized String get(String id) {
    return map.get(id);
  }

  /** Records a published version; the id moves to the young end. */
  public synchronized void put(String id, String contentHash) {
    map.remove(id);
    map.put(id, contentHash);
  }

  public synchronized void remove(String id) {
    map.remove(id);
  }

  public synchronized int size() {
    return map.size();
  }

  public synchronized long evicted() {
    return evicted;
  }

  public int max() {
    return max;
  }
}
