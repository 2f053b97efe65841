package io.flightwatch.ingest.source;

import io.flightwatch.common.Article;
import io.flightwatch.ingest.ArticleIds;
import io.flightwatch.ingest.SkipException;
import io.flightwatch.ingest.SkipReason;
import io.flightwatch.ingest.text.Texts;
import java.time.Instant;

/** The last step of every source: checks and builds the {@link Article}. */
final class Items {

  private Items() {}

  /**
   * @param body plain text (markup already removed)
   * @throws SkipException {@link SkipReason#EMPTY_BODY} when the body is shorter than {@code minBodyChars}
   */
  static Article build(int minBodyChars, String url, String source, String title, String body, String language,
      Instant publishedAt, Instant fetchedAt) throws SkipException {
    String b = body == null ? "" : body.strip();
    if (b.length() < minBodyChars) {
      throw new SkipException(SkipReason.EMPTY_BODY,
          "body has " + b.length() + " characters after removing markup and boilerplate (minimum " + minBodyChars + ")");
    }
    return ArticleIds.article(url, source, Texts.fold(title), b, language, publishedAt, fetchedAt);
  }
}
