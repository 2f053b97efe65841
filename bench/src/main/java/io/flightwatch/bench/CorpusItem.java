package io.flightwatch.bench;

import io.flightwatch.common.Article;

/**
 * One article of the bench corpus with its token count (CoreNLP's tokenizer, counted once: every row's denominator),
 * its label, the destination a latency probe can track it by, and what the extractor did with it.
 */
public final class CorpusItem {
  public final Article article;
  /** Generated: as written; from a folder (no labels): whether the extractor annotated it whole. */
  public boolean labelledOnTopic;
  /** The destination a generated on-topic article was written with (ISO alpha-2), else null. */
  public final String intendedDestination;
  public final long tokens;
  /** Whether the extractor annotated it whole (the relevance gate and the cascade let it through). */
  public boolean relevant;
  /** The one destination its claims name, when a latency probe can match it unambiguously; else null. */
  public String trackedDestination;

  public CorpusItem(Article article, boolean onTopic, String destination, long tokens) {
    this.article = article;
    this.labelledOnTopic = onTopic;
    this.intendedDestination = destination;
    this.tokens = tokens;
  }
}
