package io.flightwatch.nlp;

import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;

/**
 * Turns one article into entities, money mentions and claims. The stream processor and the batch {@code extract}
 * command share this one code path.
 *
 * <p>An instance is not thread-safe: the processor builds one per stream thread (models are shared and loaded once at
 * start-up). Claims returned carry their canonical key and the article's id, version, URL, source, title and date.
 */
public interface ArticleAnnotator {

  AnnotatedArticle annotate(Article article);
}
