package io.flightwatch.nlp.money;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
}
