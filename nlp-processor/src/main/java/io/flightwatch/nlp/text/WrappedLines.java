package io.flightwatch.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Joins the lines of hard-wrapped text (wire copy wrapped at ~70 columns) where a line runs on into the next: the
 * newline becomes a space, so every offset stays the same. Every other newline stays a sentence break (scraped pages
 * hold one headline, caption or paragraph per line).
 *
 * <pre>
 *   "Tunisia received $28.8 million\non Thursday"   joined: the next line starts in lower case (or with a digit)
 *   "the wife of\nBen Ali, who fled"                joined: "of" never ends a line of prose
 *   "returned home,\nofficials said"                joined: a comma
 *   "Ex-minister flees with $5m\nMore than ..."      kept: a headline
 * </pre>
 */
public final class WrappedLines {

  static final String CONTINUING = "continuing-words.txt";
  private static final Set<String> CONTINUING_WORDS = load();

  private WrappedLines() {
  }

  public static String join(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] != '\n') {
        continue;
      }
      int end = i;
      while (end > 0 && (c[end - 1] == ' ' || c[end - 1] == '\t' || c[end - 1] == '\r')) {
        end--;
      }
      int next = i + 1;
      while (next < c.length && (c[next] == ' ' || c[next] == '\t' || c[next] == '\r')) {
        next++;
      }
      if (end == 0 || c[end - 1] == '\n' || next >= c.length || c[next] == '\n') {
        continue; // a blank line is a paragraph break
      }
      if (Character.isLowerCase(c[next]) || Character.isDigit(c[next]) || c[end - 1] == ','
          || CONTINUING_WORDS.contains(lastWord(c, end))) {
        for (int k = end; k < next; k++) {
          c[k] = ' ';
        }
      }
    }
    return new String(c);
  }

  private static String lastWord(char[] c, int end) {
    int b = end;
    while (b > 0 && Character.isLetter(c[b - 1])) {
      b--;
    }
    return new String(c, b, end - b).toLowerCase(Locale.ROOT);
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    InputStream in = WrappedLines.class.getResourceAsStream(CONTINUING);
    if (in == null) {
      throw new IllegalStateException("missing resource " + CONTINUING);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
