package io.flightwatch.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.common.Article;
import io.flightwatch.common.Json;
import io.flightwatch.common.PublicationDates;
import io.flightwatch.ingest.ArticleIds;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.SkipException;
import io.flightwatch.ingest.SkipReason;
import io.flightwatch.ingest.text.HtmlExtractor;
import io.flightwatch.ingest.text.Texts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** Parses local inputs: .txt, .html/.htm, .json (one object), .jsonl and stdin (one object per line). */
final class LocalItems {

  private final IngestConfig config;
  private final Clock clock;

  LocalItems(IngestConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  static boolean supported(Path file) {
    String ext = extension(file);
    return ext.equals("txt") || ext.equals("html") || ext.equals("htm") || ext.equals("json") || ext.equals("jsonl");
  }

  static String extension(Path file) {
    String name = String.valueOf(file.getFileName());
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Reads one file, emitting its article(s) or skips; a URL-less .txt, .html or .json is identified by its path. */
  void readFile(Path file, Emitter out) {
    readFile(file, String.valueOf(file.getFileName()), out);
  }

  /** As {@link #readFile(Path, Emitter)}, with the file's path under the input root ("2024/port.txt"). */
  void readFile(Path file, String pathUnderRoot, Emitter out) {
    String origin = file.toString();
    String ext = extension(file);
    if (!supported(file)) {
      out.skipped(origin, SkipReason.UNSUPPORTED_TYPE, "not .txt, .html, .json or .jsonl");
      return;
    }
    if (ext.equals("jsonl")) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        readJsonLines(in, origin, out);
      } catch (IOException e) {
        out.skipped(origin, SkipReason.READ_FAILED, e.toString());
      }
      return;
    }
    try {
      // read at most one byte past the bound: a reported size can lie (procfs reports 0)
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(config.maxBodyBytes() + 1);
      }
      if (bytes.length > config.maxBodyBytes()) {
        throw new SkipException(SkipReason.BODY_TOO_LARGE,
            "more than " + IngestConfig.MAX_BODY_BYTES + "=" + config.maxBodyBytes() + " bytes");
      }
      String text = Texts.decodeUtf8(bytes, config.maxInvalidUtf8Ratio());
      Article a = switch (ext) {
        case "txt" -> fromText(text, origin);
        case "json" -> fromJson(text, origin);
        default -> fromHtml(text, null, origin);
      };
      out.article(ArticleIds.withLocalId(a, pathUnderRoot));
    } catch (SkipException e) {
      out.skipped(origin, e.reason(), e.detail());
    } catch (IOException e) {
      out.skipped(origin, SkipReason.READ_FAILED, e.toString());
    }
  }

  /** One JSON object per line; blank lines are ignored; each bad line is skipped on its own. */
  void readJsonLines(InputStream in, String origin, Emitter out) throws IOException {
    BoundedLines lines = new BoundedLines(in, config.maxBodyBytes());
    BoundedLines.Line line;
    while ((line = lines.next()) != null) {
      String lineOrigin = origin + ":" + line.number();
      if (line.tooLarge()) {
        out.skipped(lineOrigin, SkipReason.BODY_TOO_LARGE,
            line.length() + " bytes, more than " + IngestConfig.MAX_BODY_BYTES + "=" + config.maxBodyBytes());
        continue;
      }
      try {
        String text = Texts.decodeUtf8(line.bytes(), config.maxInvalidUtf8Ratio());
        if (text.isBlank()) {
          continue;
        }
        out.article(fromJson(text, origin));
      } catch (SkipException e) {
        out.skipped(lineOrigin, e.reason(), e.detail());
      }
    }
  }

  /** Title on the first non-blank line, body after it. */
  Article fromText(String text, String origin) throws SkipException {
    String t = text.replace("\r\n", "\n");
    String[] lines = t.strip().split("\n", 2);
    String title = lines[0];
    String body = lines.length > 1 ? lines[1] : "";
    if (title.isBlank()) {
      throw new SkipException(SkipReason.EMPTY_BODY, "empty file");
    }
    return Items.build(config.minBodyChars(), null, origin, title, Texts.plain(body), null, null, null,
        clock.instant());
  }

  Article fromHtml(String html, String url, String origin) throws SkipException {
    HtmlExtractor.Page page = HtmlExtractor.extract(html, url);
    String canonical = page.canonicalUrl() != null ? page.canonicalUrl() : url;
    return Items.build(config.minBodyChars(), canonical, origin, page.title(), page.body(), page.language(),
        page.publishedAt(), page.publishedAt() == null ? null : PublicationDates.META, clock.instant());
  }

  /**
   * An Article-like object: title and body (also read from "text" or "content") are required strings; url (or "link"),
   * language (or "lang"), publishedAt (or "published", "date") and source are optional. An "id" in the input is
   * ignored: the id rule is applied here so every producer agrees.
   */
  Article fromJson(String json, String origin) throws SkipException {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SkipException(SkipReason.INVALID_JSON, e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new SkipException(SkipReason.INVALID_JSON, "not a JSON object");
    }
    String title = requiredString(node, "title");
    String body = requiredString(node, "body", "text", "content");
    String url = optionalString(node, "url", "link");
    String language = optionalString(node, "language", "lang");
    String published = optionalString(node, "publishedAt", "published", "date");
    String source = optionalString(node, "source");
    Instant given = HtmlExtractor.parseInstant(published);
    return Items.build(config.minBodyChars(), url, source != null ? source : origin, title, Texts.plain(body),
        language == null ? null : language.strip().toLowerCase(Locale.ROOT), given,
        given == null ? null : PublicationDates.INPUT, clock.instant());
  }

  private static String requiredString(JsonNode node, String... names) throws SkipException {
    String v = optionalString(node, names);
    if (v == null || v.isBlank()) {
      throw new SkipException(SkipReason.MISSING_FIELD,
          "'" + names[0] + "' is missing, empty or not a string" + (names.length > 1 ? " (also tried "
              + String.join(", ", java.util.Arrays.asList(names).subList(1, names.length)) + ")" : ""));
    }
    return v;
  }

  private static String optionalString(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && v.isTextual()) {
        return v.asText();
      }
    }
    return null;
  }
}
