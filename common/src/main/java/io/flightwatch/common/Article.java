package io.flightwatch.common;

import java.time.Instant;

/**
 * A raw article as published to {@code articles.raw}.
 *
 * @param id          stable id: hash of the canonical URL, or of the normalised text when there is no URL
 * @param url         canonical URL, or null
 * @param source      where it came from (feed URL, directory, "stdin")
 * @param title       headline; also part of the text that is analysed
 * @param body        plain text body (no markup)
 * @param language    ISO 639-1 code when known, else null
 * @param publishedAt publication time when known, else null
 * @param fetchedAt   when the producer read it
 * @param contentHash hash of title + body; a changed hash under the same id is a new version of the article
 */
public record Article(
    String id,
    String url,
    String source,
    String title,
    String body,
    String language,
    Instant publishedAt,
    Instant fetchedAt,
    String contentHash) {

  /** Title and body as the one text the extractor reads (title first, as in the evaluation files). */
  public String fullText() {
    String t = title == null ? "" : title.strip();
    String b = body == null ? "" : body;
    return t.isEmpty() ? b : t + "\n\n" + b;
  }
}
