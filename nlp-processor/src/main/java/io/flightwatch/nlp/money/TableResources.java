package io.flightwatch.nlp.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the bundled data tables of this package; a missing or unreadable bundled table is a build defect: fail fast.
 */
final class TableResources {

  interface Parser<T> {
    T parse(String name, InputStream in) throws IOException;
  }

  private TableResources() {}

  static <T> T load(String resource, Parser<T> parser) {
    try (InputStream in = TableResources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + resource);
      }
      return parser.parse(resource, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The UTF-8 lines of a word or pattern file, without blank lines and {@code #} comments, not stripped. */
  static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }
}
