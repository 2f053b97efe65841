package io.flightwatch.bench;

import java.util.List;

/**
 * A processor's pass through Kafka: the corpus' articles and tokens over a wall time. (The plain loops' passes are
 * {@link PassCost}s from JMH.)
 *
 * @param articles  articles of the pass
 * @param tokens    their tokens (CoreNLP's tokenizer)
 * @param wallNanos wall time of the pass
 */
public record Rate(long articles, long tokens, long wallNanos) {

  public static Rate wall(List<CorpusItem> items, long wallNanos) {
    return new Rate(items.size(), items.stream().mapToLong(i -> i.tokens).sum(), wallNanos);
  }

  public double articlesPerSec() {
    return articles / (wallNanos / 1e9);
  }

  public double tokensPerSec() {
    return tokens / (wallNanos / 1e9);
  }
}
