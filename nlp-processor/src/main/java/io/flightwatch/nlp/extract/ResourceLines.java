package io.flightwatch.nlp.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rule and word-list files of the extractor: UTF-8 lines, blank lines and {@code #} comments skipped. */
final class ResourceLines {

  /** A line of a resource file with its 1-based number, for error messages that point at the rule. */
  record Line(int number, String text) {}

  private ResourceLines() {}

  static List<Line> read(String path) {
    InputStream in = ResourceLines.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing resource " + path);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Line> out = new ArrayList<>();
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          out.add(new Line(n, line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
