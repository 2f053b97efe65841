package io.flightwatch.ingest.source;

import io.flightwatch.common.Article;
import io.flightwatch.common.PublicationDates;
import io.flightwatch.ingest.ArticleIds;
import io.flightwatch.ingest.SkipException;
import io.flightwatch.ingest.SkipReason;
import io.flightwatch.ingest.text.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The last step of every source: checks and builds the {@link Article}. */
final class Items {

  private Items() {}

  /**
   * @param body        plain text (markup already removed)
   * @param publishedAt the date the feed entry, page metadata or input gave, or null: then the URL's, else the
   *                    dateline's ({@link PublicationDates}), else none
   * @param dateSource  where {@code publishedAt} came from (feed, meta, input), or null when it is null
   * @throws SkipException {@link SkipReason#EMPTY_BODY} when the body is shorter than {@code minBodyChars}
   */
  static Article build(int minBodyChars, String url, String source, String title, String body, String language,
      Instant publishedAt, String dateSource, Instant fetchedAt) throws SkipException {
    String b = body == null ? "" : body.strip();
    if (b.length() < minBodyChars) {
      throw new SkipException(SkipReason.EMPTY_BODY,
          "body has " + b.length() + " characters after removing markup and boilerplate (minimum " + minBodyChars
          + ")");
    }
    LocalDate today = LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC);
    PublicationDates.Found date = PublicationDates.resolve(publishedAt, dateSource, url,
        (title == null ? "" : title) + "\n" + b, today);
    return ArticleIds.article(url, source, Texts.fold(title), b, language, date.at(), date.source(), fetchedAt);
  }
}
