package io.flightwatch.nlp.extract;

import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.nlp.ArticleAnnotator;
import java.time.Instant;
import java.util.List;

/**
 * The extractor the sentence-level tests share (relevance gate off, models loaded once per test JVM): the claims of one
 * text, published 2024-01-02, as the processor would read it.
 */
final class Extractions {

  private static ArticleAnnotator annotator;

  private Extractions() {}

  static List<Claim> of(String body) {
    return of("", body);
  }

  /** The claims of an article with a headline. */
  static synchronized List<Claim> of(String title, String body) {
    if (annotator == null) {
      annotator = AnnotatorFactory.create(ExtractorSettings.defaults().withRelevanceGate(false)).newAnnotator();
    }
    return annotator.annotate(new Article("t1", "https://example.org/t1", "test", title, body, "en",
        Instant.parse("2024-01-02T03:04:05Z"), Instant.now(), "hash-t1")).claims();
  }
}
