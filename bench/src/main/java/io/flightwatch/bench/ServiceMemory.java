package io.flightwatch.bench;

import java.io.IOException;
import java.util.Locale;

/**
 * A service JVM's memory once it is stopped: peak heap used (the largest "before" in its GC log), largest live heap
 * (largest "after" of a collecting pause) and resident-set high-water mark, all MB.
 */
public record ServiceMemory(String name, long peakHeapMb, long liveHeapMb, long rssMb, boolean service) {

  /** Reads VmHWM while {@code jvm} still runs, stops it, then reads its GC log. */
  public static ServiceMemory of(String name, ChildJvm jvm, boolean service) throws IOException {
    long rss = jvm.rssHighWaterMb();
    jvm.close();
    long[] heap = jvm.heapFromGcLog();
    return new ServiceMemory(name, heap[0], heap[1], rss, service);
  }

  public Row row() {
    return new Row(name, String.format(Locale.ROOT, "heap %d / %d MB, RSS %d MB", peakHeapMb, liveHeapMb, rssMb),
        service ? "heap <= 1 GB" : "", service ? (peakHeapMb <= 1024 ? "ok" : "MISSED") : "");
  }
}
