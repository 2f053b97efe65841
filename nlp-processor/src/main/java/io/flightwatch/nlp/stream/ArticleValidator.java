package io.flightwatch.nlp.stream;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import io.flightwatch.common.Article;
import io.flightwatch.common.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Checks one raw record of {@code articles.raw} (key and value bytes, as they arrived) before any NLP runs, and turns
 * it into an {@link Article}, a {@link Tombstone}, or a {@link Rejected} with a {@link DlqReason}.
 *
 * <p>The topology reads bytes rather than letting the source deserializer parse the JSON, so that every kind of bad
 * input gets a specific reason and the DLQ record keeps the original bytes. Pure and stateless: safe to share between
 * threads.
 */
public final class ArticleValidator {

  /** Longer ids or keys are not hashes or URLs but junk; they would also bloat the state store. */
  public static final int MAX_ID_LENGTH = 256;

  /** A text with more than this share of control/replacement/private-use code points is binary, not prose. */
  static final double MAX_JUNK_SHARE = 0.10;

  /** Only this many characters are inspected for junk, so a 10 MB body costs no more than a 100 KB one. */
  static final int JUNK_SAMPLE_CHARS = 100_000;

  private final Deserializer<Article> articles = Topics.ARTICLES_RAW.valueSerde().deserializer();

  /** What to do with a record. */
  public sealed interface Outcome permits Valid, Rejected, Tombstone {}

  /**
   * A readable article.
   *
   * @param article  the article, with {@code contentHash} filled in when the producer left it out
   * @param warnings problems that do not stop processing; they are added to the output's processing warnings
   */
  public record Valid(Article article, List<String> warnings) implements Outcome {
    public Valid {
      warnings = List.copyOf(warnings);
    }
  }

  /** A record that goes to the DLQ. */
  public record Rejected(DlqReason reason, String detail) implements Outcome {}

  /** A null value under a usable key: the article was withdrawn. */
  public record Tombstone(String articleId) implements Outcome {}

  public Outcome validate(String topic, byte[] key, byte[] value) {
    if (value != null) {
      Rejected valueProblem = checkValueBytes(value);
      if (valueProblem != null) {
        return valueProblem;
      }
    }
    String keyText;
    try {
      keyText = key == null ? null : strictUtf8(key);
    } catch (CharacterCodingException e) {
      return new Rejected(DlqReason.INVALID_KEY, "key is not valid UTF-8 (" + key.length + " bytes)");
    }
    if (keyText == null || keyText.isBlank()) {
      return new Rejected(DlqReason.MISSING_KEY, "record key is " + (keyText == null ? "null" : "blank"));
    }
    String keyProblem = idProblem(keyText);
    if (keyProblem != null) {
      return new Rejected(DlqReason.INVALID_KEY, "key " + keyProblem);
    }
    if (value == null) {
      return new Tombstone(keyText);
    }

    Article article;
    try {
      article = articles.deserialize(topic, value);
    } catch (SerializationException e) {
      return parseProblem(e);
    }
    if (article == null) {
      return new Rejected(DlqReason.INVALID_JSON, "the value is JSON null, not an article object");
    }
    if (article.id() == null || article.id().isBlank()) {
      return new Rejected(DlqReason.MISSING_ID, "field 'id' is " + (article.id() == null ? "missing" : "blank"));
    }
    String idProblem = idProblem(article.id());
    if (idProblem != null) {
      return new Rejected(DlqReason.INVALID_ID, "id " + idProblem);
    }
    if (!article.id().equals(keyText)) {
      return new Rejected(DlqReason.ID_MISMATCH,
          "id '" + article.id() + "' differs from key '" + keyText + "'");
    }
    String text = article.fullText();
    if (text.isBlank()) {
      return new Rejected(DlqReason.EMPTY_TEXT, "title and body are both empty");
    }
    double junk = junkShare(text);
    if (junk > MAX_JUNK_SHARE) {
      return new Rejected(DlqReason.BINARY_TEXT,
          String.format(java.util.Locale.ROOT, "%.0f%% of the text are control or replacement characters", junk * 100));
    }

    List<String> warnings = new ArrayList<>();
    if (article.contentHash() == null || article.contentHash().isBlank()) {
      warnings.add("contentHash missing; computed from title and body");
      article = new Article(article.id(), article.url(), article.source(), article.title(), article.body(),
          article.language(), article.publishedAt(), article.fetchedAt(), contentHash(text));
    }
    return new Valid(article, warnings);
  }

  private static Rejected checkValueBytes(byte[] value) {
    if (value.length == 0) {
      return new Rejected(DlqReason.EMPTY_RECORD, "value has zero bytes");
    }
    String text;
    try {
      text = strictUtf8(value);
    } catch (CharacterCodingException e) {
      return new Rejected(DlqReason.BINARY, "value is not valid UTF-8 (" + value.length + " bytes)");
    }
    // JSON never holds a raw NUL, and text that is mostly control characters is a binary payload that happens to
    // decode.
    if (text.indexOf('\0') >= 0 || junkShare(text) > MAX_JUNK_SHARE) {
      return new Rejected(DlqReason.BINARY, "value is mostly control characters (" + value.length + " bytes)");
    }
    int first = 0;
    while (first < text.length()
        && (Character.isWhitespace(text.charAt(first)) || text.charAt(first) == '\uFEFF')) {
      first++;
    }
    if (first == text.length() || text.charAt(first) != '{') {
      return new Rejected(DlqReason.INVALID_JSON, "value does not start with a JSON object: " + preview(text));
    }
    return null;
  }

  private static Rejected parseProblem(SerializationException e) {
    // Syntax errors are StreamReadExceptions (databind may wrap them while building a field); a well-formed object with
    // a field of the wrong type is a DatabindException with no syntax error underneath.
    boolean mapping = false;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof StreamReadException) {
        return new Rejected(DlqReason.INVALID_JSON, e.getMessage());
      }
      mapping |= t instanceof DatabindException;
    }
    return new Rejected(mapping ? DlqReason.INVALID_FIELD : DlqReason.INVALID_JSON, e.getMessage());
  }

  /** Null when {@code id} is usable as an article id and store key. */
  static String idProblem(String id) {
    if (id.length() > MAX_ID_LENGTH) {
      return "is " + id.length() + " characters long (at most " + MAX_ID_LENGTH + ")";
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return "contains control characters";
      }
    }
    return null;
  }

  /** Share of code points (in the first {@value #JUNK_SAMPLE_CHARS} chars) that no prose contains. */
  static double junkShare(String text) {
    int end = Math.min(text.length(), JUNK_SAMPLE_CHARS);
    int total = 0;
    int junk = 0;
    for (int i = 0; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      total++;
      if (isJunk(cp)) {
        junk++;
      }
    }
    return total == 0 ? 0 : (double) junk / total;
  }

  private static boolean isJunk(int cp) {
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f') {
      return false;
    }
    if (cp == 0xFFFD) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String preview(String text) {
    String s = text.strip();
    return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "...'";
  }

  /** SHA-256 of the text, first 16 bytes in hex: the version id when the producer sent none. */
  static String contentHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
