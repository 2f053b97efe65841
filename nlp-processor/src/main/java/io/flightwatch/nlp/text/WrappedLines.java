package io.flightwatch.nlp.text;

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
 *   "that a former\nDeputy Minister of Roads"         joined: a block of three or more lines of one width that
 *                                                    do not end a sentence is wrapped prose
 * </pre>
 */
public final class WrappedLines {

  static final String CONTINUING = "continuing-words.txt";
  private static final Set<String> CONTINUING_WORDS = WordFile.read(CONTINUING);
  private static final int MIN_WIDTH = 55;
  private static final int MAX_WIDTH = 100;
  private static final int WIDTH_SPREAD = 30;

  private WrappedLines() {
  }

  public static String join(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    char[] c = text.toCharArray();
    boolean[] wrapped = wrappedBlocks(text);
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
      if (wrapped[i] || Character.isLowerCase(c[next]) || Character.isDigit(c[next]) || c[end - 1] == ','
          || CONTINUING_WORDS.contains(lastWord(c, end))) {
        for (int k = end; k < next; k++) {
          c[k] = ' ';
        }
      }
    }
    return new String(c);
  }

  /**
   * The newlines inside blocks (runs of non-blank lines) that look hard-wrapped: three lines or more; every line but
   * the last at most {@value #MAX_WIDTH} characters, the longest at least {@value #MIN_WIDTH} and the shortest within
   * {@value #WIDTH_SPREAD} of it; most of them not ending a sentence. Headline lists and one-paragraph-per-line pages
   * vary in width or end their lines with full stops.
   */
  private static boolean[] wrappedBlocks(String text) {
    boolean[] out = new boolean[text.length()];
    String[] lines = text.split("\n", -1);
    int at = 0;
    int first = 0;
    int[] starts = new int[lines.length + 1];
    for (int k = 0; k < lines.length; k++) {
      starts[k] = at;
      at += lines[k].length() + 1;
    }
    starts[lines.length] = at;
    for (int k = 0; k <= lines.length; k++) {
      if (k == lines.length || lines[k].isBlank()) {
        if (k - first >= 3 && looksWrapped(lines, first, k)) {
          for (int j = first; j < k - 1; j++) {
            out[starts[j + 1] - 1] = true; // the newline ending line j
          }
        }
        first = k + 1;
      }
    }
    return out;
  }

  private static boolean looksWrapped(String[] lines, int from, int to) {
    int min = Integer.MAX_VALUE;
    int max = 0;
    int open = 0;
    for (int j = from; j < to - 1; j++) {
      String line = lines[j].strip();
      min = Math.min(min, line.length());
      max = Math.max(max, line.length());
      char last = line.isEmpty() ? '.' : line.charAt(line.length() - 1);
      open += ".!?:;\"'\u201d)".indexOf(last) < 0 ? 1 : 0;
    }
    return max >= MIN_WIDTH && max <= MAX_WIDTH && max - min <= WIDTH_SPREAD && 2 * open > to - 1 - from;
  }

  private static String lastWord(char[] c, int end) {
    int b = end;
    while (b > 0 && Character.isLetter(c[b - 1])) {
      b--;
    }
    return new String(c, b, end - b).toLowerCase(Locale.ROOT);
  }
}
