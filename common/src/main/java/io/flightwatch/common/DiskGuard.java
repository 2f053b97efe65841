package io.flightwatch.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a service off a full disk: a broker whose only log folder cannot be written halts its JVM without closing
 * anything, and a RocksDB store half-written is a store to restore. The guard refuses a start below the minimum free
 * space ({@link #problem}) and, while running, calls {@code onLow} once when free space falls below it, so the service
 * stops cleanly with one line while it still can.
 */
public final class DiskGuard implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiskGuard.class);

  private final Path dir;
  private final long minFree;
  private final LongSupplier free;
  private final Runnable onLow;
  private final AtomicBoolean fired = new AtomicBoolean();
  private ScheduledExecutorService timer;

  DiskGuard(Path dir, long minFree, LongSupplier free, Runnable onLow) {
    this.dir = dir;
    this.minFree = minFree;
    this.free = free;
    this.onLow = onLow;
  }

  /** Checks {@code dir}'s file system every {@code every}; {@code onLow} runs once, on the guard's thread. */
  public static DiskGuard watch(Path dir, long minFree, Duration every, Runnable onLow) {
    DiskGuard g = new DiskGuard(dir, minFree, () -> usable(dir), onLow);
    if (minFree > 0) {
      g.timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flightwatch-disk-guard");
        t.setDaemon(true);
        return t;
      });
      g.timer.scheduleWithFixedDelay(() -> {
        try {
          g.check();
        } catch (RuntimeException e) {
          log.warn("free-space check of {} failed: {}", dir, e.toString()); // a failed check must not end the watch
        }
      }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
    return g;
  }

  /**
   * For a service's command: checks {@code dir} every 5 s and, below {@code minFree}, prints one line and exits 1, so
   * the JVM's shutdown hooks close the service cleanly while the disk still takes their last writes.
   */
  public static DiskGuard exitWhenLow(String service, Path dir, long minFree) {
    return watch(dir, minFree, Duration.ofSeconds(5), () -> {
      System.err.println(service + ": the disk is almost full; stopping (see the line above)");
      System.exit(1);
    });
  }

  /** One line when {@code dir} (created if missing) has less than {@code minFree} bytes free; null when it is fine. */
  public static String problem(Path dir, long minFree) {
    if (minFree <= 0) {
      return null;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      return "cannot create " + dir.toAbsolutePath() + ": " + e.getMessage();
    }
    return line(dir, usable(dir), minFree);
  }

  /** Runs {@code onLow} the first time free space is below the minimum; true if it did now. */
  boolean check() {
    String low = line(dir, free.getAsLong(), minFree);
    if (low == null || !fired.compareAndSet(false, true)) {
      return false;
    }
    log.error("{}: stopping cleanly", low);
    onLow.run();
    return true;
  }

  private static String line(Path dir, long usable, long minFree) {
    if (usable >= minFree) {
      return null;
    }
    return "only " + (usable >> 20) + " MB free on the file system of " + dir.toAbsolutePath() + " (disk.min.free.mb="
        + (minFree >> 20) + ")";
  }

  private static long usable(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
