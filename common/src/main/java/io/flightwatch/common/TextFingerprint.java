package io.flightwatch.common;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A 64-bit SimHash (Charikar, 2002) of an article's text, to tell a syndicated copy from an independent report.
 *
 * <p>The text is folded (NFKC, lower case, punctuation dropped) and cut into overlapping three-word shingles; each
 * shingle's 64-bit murmur3 hash votes +1 or -1 on every bit, and the fingerprint keeps the sign of each bit's sum.
 * Texts that share most of their shingles (a wire story under another site's header, footer or headline) land within a
 * few bits of each other; independent articles on the same event differ in about half of the 64. {@link #COPY_DISTANCE}
 * bits or fewer means "a copy". The four 16-bit {@link #bands} let a store find candidates by exact lookup: two
 * fingerprints within three bits share at least one band (pigeonhole).
 */
public final class TextFingerprint {

  /** Fingerprints this many bits apart or closer are copies of one text. */
  public static final int COPY_DISTANCE = 3;

  /** Shorter texts have too few shingles to fingerprint reliably. */
  static final int MIN_WORDS = 20;

  private static final HashFunction HASH = Hashing.murmur3_128(0x5eed);
  private static final int SHINGLE = 3;

  private TextFingerprint() {}

  /** The fingerprint as 16 hex digits, or null for a text too short to tell copies apart. */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    if (words.size() < MIN_WORDS) {
      return null;
    }
    int[] votes = new int[64];
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      long h = HASH.hashString(String.join(" ", words.subList(i, i + SHINGLE)), StandardCharsets.UTF_8).asLong();
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
      }
    }
    long fp = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fp |= 1L << bit;
      }
    }
    return HexFormat.of().toHexDigits(fp);
  }

  /** Bits in which two fingerprints differ; 64 when either is missing or unreadable. */
  public static int distance(String a, String b) {
    Long x = parse(a);
    Long y = parse(b);
    return x == null || y == null ? 64 : Long.bitCount(x ^ y);
  }

  /** The four 16-bit bands ("0:1a2b", "1:…"), or none for a missing fingerprint. */
  public static List<String> bands(String fingerprint) {
    if (parse(fingerprint) == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      out.add(i + ":" + fingerprint.substring(i * 4, i * 4 + 4));
    }
    return out;
  }

  private static Long parse(String hex) {
    if (hex == null || hex.length() != 16) {
      return null;
    }
    try {
      return HexFormat.fromHexDigitsToLong(hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
