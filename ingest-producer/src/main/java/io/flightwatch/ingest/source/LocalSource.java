package io.flightwatch.ingest.source;

import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.SkipReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory (read recursively, in path order, hidden files and folders left out) or a single file. Finite.
 */
public final class LocalSource implements Source {

  private final Path root;
  private final LocalItems items;

  public LocalSource(IngestConfig config, Path root, Clock clock) {
    this.root = root;
    this.items = new LocalItems(config, clock);
  }

  @Override
  public String name() {
    return root.toString();
  }

  @Override
  public void emit(Emitter out) throws InterruptedException {
    if (!Files.exists(root)) {
      out.skipped(root.toString(), SkipReason.READ_FAILED, "no such file or directory");
      return;
    }
    List<Path> files;
    try {
      files = files();
    } catch (IOException | UncheckedIOException e) {
      out.skipped(root.toString(), SkipReason.READ_FAILED, e.toString());
      return;
    }
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      out.skipped(root.toString(), SkipReason.READ_FAILED, e.toString());
      return;
    }
    boolean single = Files.isRegularFile(root);
    for (Path f : files) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("stopped while reading " + root);
      }
      String refused = refused(f, single ? realRoot.getParent() : realRoot);
      if (refused != null) {
        out.skipped(f.toString(), SkipReason.NOT_A_REGULAR_FILE, refused);
        continue;
      }
      items.readFile(f, single ? String.valueOf(f.getFileName()) : root.relativize(f).toString(), out);
      out.checkpoint();
    }
  }

  /** Why a listed file is not read, or null: its real path must be a regular file inside the input folder. */
  static String refused(Path f, Path realRoot) {
    Path real;
    try {
      real = f.toRealPath();
    } catch (IOException e) {
      return "cannot resolve: " + e;
    }
    for (String system : SYSTEM_FOLDERS) {
      if (real.startsWith(system)) {
        return "a file of " + system + " (" + real + ")";
      }
    }
    if (realRoot != null && !real.startsWith(realRoot)) {
      return "a symbolic link to " + real + ", outside the input folder";
    }
    return Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? null : "not a regular file";
  }

  /** Kernel and device file systems: their files report sizes and types that are not what reading them gives. */
  private static final List<String> SYSTEM_FOLDERS = List.of("/proc", "/sys", "/dev");

  private List<Path> files() throws IOException {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !hidden(root.relativize(p)))
          .sorted()
          .toList();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public long estimatedCount() {
    try {
      long n = 0;
      for (Path f : files()) {
        n += LocalItems.extension(f).equals("jsonl") ? Math.max(1, countLines(f)) : 1;
      }
      return n;
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private static long countLines(Path f) throws IOException {
    long lines = 0;
    byte last = '\n';
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(f)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        last = buf[n - 1];
      }
    }
    return last == '\n' ? lines : lines + 1;
  }
}
