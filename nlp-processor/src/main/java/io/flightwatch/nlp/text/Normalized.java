package io.flightwatch.nlp.text;

import java.util.Objects;

/**
 * A normalized text and the way back to the text it came from (see {@link TextNormalizer}). Immutable.
 *
 * <p>{@code toOriginal[i]} (for {@code i < text.length()}) is the offset in {@code original} of the original character
 * that produced normalized character {@code i}; every character produced by one original character (or by one base
 * character with its combining marks, e.g. both letters of "fi" from the ligature "ﬁ") maps to its start.
 * {@code toOriginal[text.length()]} is the end of the last original character used, so trailing removed characters
 * (a final zero-width space, say) are not part of any span. The array is non-decreasing.
 *
 * <p>{@code toOriginal} may be {@code null} only when {@code text.equals(original)}; it then means identity and
 * {@link #toOriginal()} builds the identity array on demand (the normalizer's fast path for untouched text).
 */
public record Normalized(String text, String original, int[] toOriginal) {

  public Normalized {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(original, "original");
    if (toOriginal == null) {
      if (!text.equals(original)) {
        throw new IllegalArgumentException("a null mapping means identity, but text differs from original");
      }
    } else if (toOriginal.length != text.length() + 1) {
      throw new IllegalArgumentException(
          "toOriginal has length " + toOriginal.length + ", expected " + (text.length() + 1));
    }
  }

  /** An unchanged text with the identity mapping (nothing is allocated). */
  public static Normalized identity(String text) {
    return new Normalized(text, text, null);
  }

  /** The mapping; for an unchanged text a freshly built identity array. Do not modify the returned array. */
  @Override
  public int[] toOriginal() {
    if (toOriginal != null) {
      return toOriginal;
    }
    int[] id = new int[text.length() + 1];
    for (int i = 0; i < id.length; i++) {
      id[i] = i;
    }
    return id;
  }

  /**
   * Offset in the original text of normalized offset i (0..text.length() inclusive; the end offset maps to the end of
   * the last original char used). Use it for begin offsets; for the end of a span prefer {@link #originalEndOffset}.
   */
  public int originalOffset(int i) {
    checkIndex(i);
    return toOriginal == null ? i : toOriginal[i];
  }

  /**
   * Offset in the original text of a span END at normalized offset {@code end}: the end of the original character(s)
   * that produced normalized character {@code end - 1}, not counting removed characters that follow them (so the
   * original span of "Iceland" in "Iceland\u200B is" stops before the zero-width space). For {@code end == 0} this is
   * {@code originalOffset(0)}.
   */
  public int originalEndOffset(int end) {
    checkIndex(end);
    if (toOriginal == null) {
      return end;
    }
    if (end == 0) {
      return toOriginal[0];
    }
    int start = toOriginal[end - 1];
    int k = end;
    while (k < text.length() && toOriginal[k] <= start) {
      k++; // the rest of a multi-character expansion ("ﬁ" -> "fi") belongs to the same original character
    }
    int bound = toOriginal[k];
    while (bound > start) {
      int cp = original.codePointBefore(bound);
      if (!TextNormalizer.isRemovable(cp)) {
        break;
      }
      bound -= Character.charCount(cp);
    }
    return bound;
  }

  /** The original text of the normalized span [begin, end). */
  public String originalSpan(int begin, int end) {
    checkIndex(begin);
    checkIndex(end);
    if (begin > end) {
      throw new IndexOutOfBoundsException("begin " + begin + " > end " + end);
    }
    if (begin == end) {
      return "";
    }
    return original.substring(originalOffset(begin), originalEndOffset(end));
  }

  /** True when nothing changed (text == original): callers may skip mapping. */
  public boolean unchanged() {
    return toOriginal == null || text.equals(original);
  }

  private void checkIndex(int i) {
    if (i < 0 || i > text.length()) {
      throw new IndexOutOfBoundsException("offset " + i + " outside 0.." + text.length());
    }
  }
}
