package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmGcLogTest {

  @Test
  void liveHeapComesFromCollectingPausesNotFromRemarkOrCleanup(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("svc-gc.log");
    Files.writeString(log, String.join("\n",
        "[1.0s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 680M->242M(1024M) 6.0ms",
        "[2.0s][info][gc] GC(2) Pause Remark 641M->641M(1024M) 8.3ms",
        "[2.1s][info][gc] GC(2) Pause Cleanup 740M->740M(1024M) 0.3ms",
        "[2.2s][info][gc] GC(3) Pause Young (Mixed) (G1 Evacuation Pause) 857M->301M(1024M) 5.9ms",
        "[3.0s][info][gc] GC(4) Pause Full (System.gc()) 400M->120M(512M) 50.0ms", ""));

    long[] heap = ChildJvm.heapFromGcLog(log);

    assertThat(heap[0]).as("peak used").isEqualTo(857);
    assertThat(heap[1]).as("largest live after a collection").isEqualTo(301);
    assertThat(heap[2]).as("largest committed").isEqualTo(1024);
  }

  @Test
  void noLogMeansZeros(@TempDir Path dir) throws Exception {
    assertThat(ChildJvm.heapFromGcLog(dir.resolve("missing.log"))).containsExactly(0, 0, 0);
  }
}
