package io.flightwatch.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

class CorruptStateRepairTest {

  @TempDir
  Path root;

  private static Throwable openingFailed(Path store, RocksDBException cause) {
    return new StreamsException(new ProcessorStateException("Error opening store totals at location " + store, cause));
  }

  private static RocksDBException corruption() {
    return new RocksDBException("Corruption: IO error: No such file or directory: 000012.sst",
        new Status(Status.Code.Corruption, Status.SubCode.None, "missing file"));
  }

  @Test
  void aStoreThatCannotOpenForCorruptionNamesItsTaskDirectory() {
    Path store = root.resolve("app").resolve("1_0").resolve("rocksdb").resolve("totals");
    assertThat(new CorruptStateRepair(root).corruptedTaskDir(openingFailed(store, corruption())))
        .contains(root.resolve("app").resolve("1_0").toAbsolutePath().normalize());
  }

  @Test
  void otherFailuresAndPlacesOutsideTheStateDirectoryAreLeftAlone() {
    Path store = root.resolve("app").resolve("1_0").resolve("rocksdb").resolve("totals");
    CorruptStateRepair repair = new CorruptStateRepair(root);
    // not a corruption: a lock held by another process, say
    RocksDBException busy = new RocksDBException("IO error: lock hold by current process",
        new Status(Status.Code.Busy, Status.SubCode.None, "busy"));
    assertThat(repair.corruptedTaskDir(openingFailed(store, busy))).isEmpty();
    assertThat(repair.corruptedTaskDir(new IllegalStateException("boom"))).isEmpty();
    // a location outside the configured state directory is never deleted
    Path elsewhere = root.getParent().resolve("other").resolve("app").resolve("1_0").resolve("rocksdb").resolve("t");
    assertThat(repair.corruptedTaskDir(openingFailed(elsewhere, corruption()))).isEmpty();
  }

  @Test
  void wipingDeletesTheWholeTaskDirectory() throws Exception {
    Path task = root.resolve("app").resolve("0_2");
    Files.createDirectories(task.resolve("rocksdb").resolve("totals"));
    Files.writeString(task.resolve(".checkpoint"), "0\n");
    Files.writeString(task.resolve("rocksdb").resolve("totals").resolve("000012.sst"), "x");
    CorruptStateRepair.wipe(task);
    assertThat(task).doesNotExist();
    assertThat(root.resolve("app")).exists();
  }
}
