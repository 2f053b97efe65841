package io.flightwatch.common;

import java.time.Instant;

/**
 * A raw article as published to {@code articles.raw}.
 *
 * @param id          stable id: hash of the canonical URL; without one, of a local file's path under its input root,
 *                    else of the normalised text
 * @param url         canonical URL, or null
 * @param source      where it came from (feed URL, directory, "stdin")
 * @param title       headline; also part of the text that is analysed
 * @param body        plain text body (no markup)
 * @param language    ISO 639-1 code when known, else null
 * @param publishedAt publication time when known, else null
 * @param fetchedAt   when the producer read it
 * @param contentHash hash of title + body; a changed hash under the same id is a new version of the article
 * @param dateSource  where publishedAt comes from ({@link PublicationDates}): feed (the feed entry), meta (the page's
 *                    metadata), input (a JSON item's own field), url (the URL path), text (the dateline), none (no date
 *                    anywhere: counted as undated, never under the fetch date); null on records written before it
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
    String contentHash,
    String dateSource) {

  /** An article whose date, if any, was given with it (tests, tools): the date source says "input" or "none". */
  public Article(String id, String url, String source, String title, String body, String language, Instant publishedAt,
      Instant fetchedAt, String contentHash) {
    this(id, url, source, title, body, language, publishedAt, fetchedAt, contentHash,
        publishedAt == null ? PublicationDates.NONE : PublicationDates.INPUT);
  }

  /** Title and body as the one text the extractor reads (title first, as in the evaluation files). */
  public String fullText() {
    String t = title == null ? "" : title.strip();
    String b = body == null ? "" : body;
    return t.isEmpty() ? b : t + "\n\n" + b;
  }
}
