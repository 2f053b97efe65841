package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskGuardTest {

  @TempDir
  Path dir;

  @Test
  void stopsOnceWhenFreeSpaceFallsBelowTheMinimum() {
    AtomicLong free = new AtomicLong(900L << 20);
    AtomicInteger stops = new AtomicInteger();
    DiskGuard guard = new DiskGuard(dir, 256L << 20, free::get, stops::incrementAndGet);
    assertThat(guard.check()).isFalse();
    free.set(100L << 20);
    assertThat(guard.check()).isTrue();
    assertThat(guard.check()).as("once").isFalse();
    assertThat(stops).hasValue(1);
  }

  @Test
  void aStartBelowTheMinimumIsOneLineAndZeroTurnsTheCheckOff() {
    assertThat(DiskGuard.problem(dir, Long.MAX_VALUE)).startsWith("only ").contains("MB free on the file system of")
        .contains(dir.toAbsolutePath().toString()).contains("disk.min.free.mb");
    assertThat(DiskGuard.problem(dir, 1)).isNull();
    assertThat(DiskGuard.problem(dir, 0)).isNull();
    assertThat(DiskGuard.problem(dir.resolve("new/sub"), 1)).as("the folder is created").isNull();
  }
}
