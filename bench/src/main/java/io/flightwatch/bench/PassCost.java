package io.flightwatch.bench;

import java.util.List;

/**
 * One measured pass over a group of articles: how many articles and tokens, and how long a pass took (JMH's mean time
 * per operation). Rates and per-article costs derive from it, so every row of the report divides by the same token
 * counts.
 *
 * @param articles  articles in the group
 * @param tokens    their tokens (CoreNLP's tokenizer)
 * @param msPerPass wall time of one pass, ms
 */
public record PassCost(long articles, long tokens, double msPerPass) {

  /** The cost of {@code group} from {@code score}; null when the group is empty or was not measured. */
  public static PassCost of(List<CorpusItem> group, JmhScore score) {
    if (group.isEmpty() || score == null) {
      return null;
    }
    return new PassCost(group.size(), group.stream().mapToLong(i -> i.tokens).sum(), score.msPerPass());
  }

  /** Two disjoint groups as one: their passes run one after the other. */
  public static PassCost plus(PassCost a, PassCost b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return new PassCost(a.articles + b.articles, a.tokens + b.tokens, a.msPerPass + b.msPerPass);
  }

  public double tokensPerSec() {
    return tokens / (msPerPass / 1e3);
  }

  public double articlesPerSec() {
    return articles / (msPerPass / 1e3);
  }

  public double msPerArticle() {
    return msPerPass / articles;
  }

  public double tokensPerArticle() {
    return tokens / (double) articles;
  }
}
