package io.flightwatch.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Text hygiene before annotation, keeping a map back to the original text. Stateless and thread-safe. Rules, in order:
 *
 * <ol>
 *   <li>Remove format characters (category Cf: zero-width space/joiners, LRM/RLM, bidi embeddings, overrides and
 *       isolates, word joiner, BOM, soft hyphen, ...) and variation selectors (U+FE00–FE0F, U+E0100–E01EF).
 *   <li>NFKC per base character plus its combining marks: full-width forms to ASCII, ligatures expanded ("ﬁ" to "fi"),
 *       every space separator (Zs: NBSP, U+2000–200A, U+202F, U+205F, U+3000, ...) to a plain space. Left as they are:
 *       vulgar fractions ("½"), superscript/subscript digits ("10⁶" must not become "106"), the ellipsis, and
 *       currency signs whose NFKC form is not a currency sign ("₨" stays; full-width "＄" becomes "$").
 *   <li>Confusables ({@code confusables.tsv}): inside a word (maximal run of letters and marks) that has Latin letters
 *       AND Cyrillic or Greek letters, Cyrillic/Greek look-alikes become their Latin twins ("Wаng" with Cyrillic а
 *       becomes "Wang"); all-Cyrillic or all-Greek words are left alone.
 * </ol>
 *
 * Everything else is unchanged. Pure ASCII input is detected by one scan and returned as-is with an identity mapping.
 */
public final class TextNormalizer {

  /** Name of the bundled confusables resource, next to this class. */
  public static final String CONFUSABLES_RESOURCE = "confusables.tsv";

  private static final class Holder {
    static final TextNormalizer STANDARD = new TextNormalizer(loadConfusables());
  }

  /** Cyrillic/Greek char to Latin char. */
  private final Map<Character, Character> confusables;

  private TextNormalizer(Map<Character, Character> confusables) {
    this.confusables = Map.copyOf(confusables);
  }

  /** The shared normalizer with the bundled confusables table (loaded once). */
  public static TextNormalizer standard() {
    return Holder.STANDARD;
  }

  /** Normalizes {@code original}; see the class comment for the rules. */
  public Normalized normalize(String original) {
    Objects.requireNonNull(original, "original");
    int n = original.length();
    int ascii = 0;
    while (ascii < n && original.charAt(ascii) < 0x80) {
      ascii++;
    }
    if (ascii == n) {
      return Normalized.identity(original); // ASCII has no Cf, no marks, nothing NFKC folds, no confusables
    }
    ascii = Math.max(0, ascii - 1); // the last ASCII char may be the base of a combining mark ("u\u0308")
    StringBuilder out = new StringBuilder(n + 16);
    int[] map = new int[n + 17];
    out.append(original, 0, ascii);
    for (int i = 0; i < ascii; i++) {
      map[i] = i;
    }
    boolean changed = false;
    boolean greekOrCyrillic = false;
    int lastEnd = ascii;
    int p = ascii;
    while (p < n) {
      int cp = original.codePointAt(p);
      int cpLen = Character.charCount(cp);
      if (isRemovable(cp)) {
        p += cpLen;
        changed = true;
        continue;
      }
      int q = p + cpLen;
      while (q < n) { // a unit is a base character and the combining marks after it
        int mark = original.codePointAt(q);
        if (!isMark(mark) || isRemovable(mark)) {
          break;
        }
        q += Character.charCount(mark);
      }
      if (q - p == 1 && cp < 0x80) {
        map = grow(map, out.length() + 2);
        map[out.length()] = p;
        out.append((char) cp);
      } else {
        String unit = original.substring(p, q);
        String folded = fold(cp, unit);
        map = grow(map, out.length() + folded.length() + 1);
        boolean same = folded.equals(unit);
        for (int j = 0; j < folded.length(); j++) {
          char c = folded.charAt(j);
          map[out.length()] = same ? p + j : p;
          out.append(c);
          greekOrCyrillic |= c >= 0x0370 && c < 0x0530;
        }
        changed |= !same;
      }
      lastEnd = q;
      p = q;
    }
    if (greekOrCyrillic && !confusables.isEmpty()) {
      changed |= replaceConfusables(out);
    }
    if (!changed) {
      return Normalized.identity(original);
    }
    int[] toOriginal = Arrays.copyOf(map, out.length() + 1);
    toOriginal[out.length()] = lastEnd;
    return new Normalized(out.toString(), original, toOriginal);
  }

  /** Characters rule 1 removes: format characters (Cf) and variation selectors. */
  static boolean isRemovable(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
  }

  /** NFKC of one unit, with the exceptions listed in the class comment. */
  private static String fold(int cp, String unit) {
    int type = Character.getType(cp);
    if (type == Character.SPACE_SEPARATOR) {
      return " " + unit.substring(Character.charCount(cp));
    }
    if (keepAsIs(cp) || Normalizer.isNormalized(unit, Normalizer.Form.NFKC)) {
      return unit;
    }
    String nfkc = Normalizer.normalize(unit, Normalizer.Form.NFKC);
    boolean currencyLost = type == Character.CURRENCY_SYMBOL && (nfkc.codePointCount(0, nfkc.length()) != 1
        || Character.getType(nfkc.codePointAt(0)) != Character.CURRENCY_SYMBOL);
    return currencyLost ? unit : nfkc; // "＄" -> "$", but "₨" does not become "Rs"
  }

  /** Vulgar fractions, superscript/subscript digits and signs, and the ellipsis. */
  private static boolean keepAsIs(int cp) {
    return (cp >= 0x00BC && cp <= 0x00BE) || (cp >= 0x2150 && cp <= 0x215F) || cp == 0x2189 // ¼ ½ ¾ ⅓ ... ↉
        || cp == 0x00B2 || cp == 0x00B3 || cp == 0x00B9 || (cp >= 0x2070 && cp <= 0x209F) // ² ³ ¹ ⁰ ⁴ ... ₉
        || cp == 0x2026; // …
  }

  /** Rule 3 in place (one char for one char, so the mapping is unaffected). Returns whether anything changed. */
  private boolean replaceConfusables(StringBuilder out) {
    boolean changed = false;
    int i = 0;
    int len = out.length();
    while (i < len) {
      int cp = out.codePointAt(i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      boolean latin = false;
      boolean other = false;
      boolean candidate = false;
      while (i < len) {
        cp = out.codePointAt(i);
        if (!Character.isLetter(cp) && !isMark(cp)) {
          break;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        latin |= script == Character.UnicodeScript.LATIN;
        other |= script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
        candidate |= cp <= 0xFFFF && confusables.containsKey((char) cp);
        i += Character.charCount(cp);
      }
      if (latin && other && candidate) {
        for (int j = start; j < i; j++) {
          Character twin = confusables.get(out.charAt(j));
          if (twin != null) {
            out.setCharAt(j, twin);
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  private static int[] grow(int[] map, int needed) {
    return needed <= map.length ? map : Arrays.copyOf(map, Math.max(needed, map.length * 2));
  }

  private static Map<Character, Character> loadConfusables() {
    try (InputStream in = TextNormalizer.class.getResourceAsStream(CONFUSABLES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + CONFUSABLES_RESOURCE);
      }
      return parseConfusables(CONFUSABLES_RESOURCE, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CONFUSABLES_RESOURCE, e);
    }
  }

  /** Parses {@code from<TAB>to<TAB># name} rows; '#' lines and blank lines are comments. */
  static Map<Character, Character> parseConfusables(String name, InputStream in) throws IOException {
    Map<Character, Character> table = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        throw new IllegalStateException(name + ":" + lineNo + ": expected from<TAB>to<TAB># name");
      }
      char from = parseChar(name, lineNo, cols[0]);
      char to = parseChar(name, lineNo, cols[1]);
      Character.UnicodeScript fromScript = Character.UnicodeScript.of(from);
      if (fromScript != Character.UnicodeScript.CYRILLIC && fromScript != Character.UnicodeScript.GREEK) {
        throw new IllegalStateException(name + ":" + lineNo + ": 'from' must be a Cyrillic or Greek letter");
      }
      if (Character.UnicodeScript.of(to) != Character.UnicodeScript.LATIN || !Character.isLetter(to)) {
        throw new IllegalStateException(name + ":" + lineNo + ": 'to' must be a Latin letter");
      }
      if (table.put(from, to) != null) {
        throw new IllegalStateException(name + ":" + lineNo + ": duplicate row for '" + from + "'");
      }
    }
    return table;
  }

  private static char parseChar(String name, int lineNo, String col) {
    String s = col.strip();
    if (s.length() > 2 && (s.startsWith("U+") || s.startsWith("u+"))) {
      s = new String(Character.toChars(Integer.parseInt(s.substring(2), 16)));
    }
    if (s.length() != 1) {
      throw new IllegalStateException(name + ":" + lineNo + ": '" + col + "' is not a single BMP character");
    }
    return s.charAt(0);
  }
}
