package io.flightwatch.ingest.text;

import io.flightwatch.ingest.SkipException;
import io.flightwatch.ingest.SkipReason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Text helpers: decoding with the invalid-byte rule, whitespace folding, markup stripping. */
public final class Texts {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000]+");
  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]");
  public static final char REPLACEMENT = '\uFFFD';

  private Texts() {}

  /** Whitespace runs (incl. no-break and wide spaces) to one space, stripped; null to "". */
  public static String fold(String s) {
    return s == null ? "" : WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /**
   * Decodes bytes, replacing undecodable sequences by U+FFFD. Rule: a text in which more than {@code maxInvalidRatio}
   * of the characters are replacements is skipped as {@link SkipReason#INVALID_UTF8} (binary or a wrong encoding);
   * below that the text is kept with the replacement characters (a stray Latin-1 byte in an otherwise good article).
   */
  public static String decode(byte[] bytes, Charset charset, double maxInvalidRatio) throws SkipException {
    String text;
    try {
      text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, charset);
    }
    checkReplacements(text, maxInvalidRatio);
    return stripBom(text);
  }

  public static String decodeUtf8(byte[] bytes, double maxInvalidRatio) throws SkipException {
    return decode(bytes, StandardCharsets.UTF_8, maxInvalidRatio);
  }

  /** Applies the invalid-byte rule to already decoded text (decoders that replaced on their own). */
  public static void checkReplacements(String text, double maxInvalidRatio) throws SkipException {
    long replaced = text.chars().filter(c -> c == REPLACEMENT).count();
    if (replaced > 0 && replaced > maxInvalidRatio * text.length()) {
      throw new SkipException(SkipReason.INVALID_UTF8,
          replaced + " of " + text.length() + " characters are undecodable bytes");
    }
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** True when the string contains something that looks like a tag. */
  public static boolean hasMarkup(String s) {
    return s != null && MARKUP.matcher(s).find();
  }

  /**
   * Plain text of a body: markup (if any) removed with scripts and styles dropped, paragraphs kept as blank lines,
   * spaces folded within lines.
   */
  public static String plain(String body) {
    if (body == null) {
      return "";
    }
    if (hasMarkup(body)) {
      Document doc = Jsoup.parseBodyFragment(body);
      doc.select("script, style, noscript, template, iframe, object, embed, svg").remove();
      return HtmlExtractor.render(doc.body());
    }
    return tidy(body);
  }

  /** Spaces folded within lines, lines stripped, at most one blank line in a row. */
  public static String tidy(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int blank = 0;
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String l = fold(line);
      if (l.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      out.append(l);
      blank = 0;
    }
    return out.toString();
  }
}
