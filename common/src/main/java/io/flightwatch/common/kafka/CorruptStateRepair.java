package io.flightwatch.common.kafka;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * A local RocksDB store that cannot be opened because its files are damaged (a deleted or truncated {@code .sst}) is
 * only a cache of its changelog: its task directory (stores and checkpoint) is deleted so the replaced stream thread
 * restores the task from the changelog, instead of the service failing until someone deletes the state folder by hand.
 * Only a task directory inside the configured state directory is ever deleted.
 */
final class CorruptStateRepair {

  /** {@code RocksDBStore}: "Error opening store NAME at location STATE/APP/TASK/rocksdb/NAME". */
  private static final Pattern LOCATION = Pattern.compile("at location (\\S+)");

  private final Path stateRoot;

  CorruptStateRepair(Path stateRoot) {
    this.stateRoot = stateRoot.toAbsolutePath().normalize();
  }

  /** The task directory of a store that failed to open because its files are corrupted, if {@code e} is that. */
  Optional<Path> corruptedTaskDir(Throwable e) {
    ProcessorStateException opening = null;
    boolean corruption = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProcessorStateException p && p.getMessage() != null && LOCATION.matcher(p.getMessage()).find()) {
        opening = p;
      }
      if (t instanceof RocksDBException r && isCorruption(r)) {
        corruption = true;
      }
    }
    if (opening == null || !corruption) {
      return Optional.empty();
    }
    Matcher m = LOCATION.matcher(opening.getMessage());
    if (!m.find()) {
      return Optional.empty();
    }
    Path store = Path.of(m.group(1)).toAbsolutePath().normalize();
    // STATE/APP/TASK/rocksdb/NAME (a timestamped or windowed store may sit one level deeper)
    for (Path p = store.getParent(); p != null && p.startsWith(stateRoot); p = p.getParent()) {
      Path name = p.getFileName();
      Path task = p.getParent();
      Path app = task == null ? null : task.getParent();
      if (name != null && name.toString().equals("rocksdb") && app != null && stateRoot.equals(app.getParent())) {
        return Optional.of(task);
      }
    }
    return Optional.empty();
  }

  private static boolean isCorruption(RocksDBException r) {
    Status s = r.getStatus();
    if (s != null && (s.getCode() == Status.Code.Corruption || s.getCode() == Status.Code.IOError)) {
      return true;
    }
    String msg = r.getMessage() == null ? "" : r.getMessage();
    return msg.contains("Corruption") || msg.contains("No such file or directory");
  }

  /** Deletes the task directory, depth first. */
  static void wipe(Path taskDir) {
    LocalKafka.deleteRecursively(taskDir);
  }
}
