package io.flightwatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Articles and tokens over a wall time; per-article times where the loop measured them. */
public final class Rate {
  public final List<CorpusItem> items;
  final long[] nanos;
  public final long wallNanos;
  public final long articles;
  public final long tokens;

  public Rate(List<CorpusItem> items, long[] nanos, long wallNanos) {
    this.items = items;
    this.nanos = nanos;
    this.wallNanos = wallNanos;
    this.articles = items.size();
    this.tokens = items.stream().mapToLong(i -> i.tokens).sum();
  }

  public static Rate wall(List<CorpusItem> items, long wallNanos) {
    return new Rate(items, null, wallNanos);
  }

  public double articlesPerSec() {
    return articles / (wallNanos / 1e9);
  }

  public double tokensPerSec() {
    return tokens / (wallNanos / 1e9);
  }

  public double msPerArticle() {
    return wallNanos / 1e6 / articles;
  }

  public double tokensPerArticle() {
    return tokens / (double) articles;
  }

  public Rate onTopicOnly() {
    return filter(true);
  }

  public Rate offTopicOnly() {
    return filter(false);
  }

  /** The articles of this loop that the extractor did ({@code true}) or did not annotate, with their own times. */
  public Rate relevant(boolean relevant) {
    return select(item -> item.relevant == relevant);
  }

  private Rate filter(boolean onTopic) {
    return select(item -> item.labelledOnTopic == onTopic);
  }

  private Rate select(Predicate<CorpusItem> keep) {
    List<CorpusItem> sel = new ArrayList<>();
    List<Long> ns = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (keep.test(items.get(i))) {
        sel.add(items.get(i));
        ns.add(nanos[i]);
      }
    }
    return of(sel, ns);
  }

  private static Rate of(List<CorpusItem> sel, List<Long> ns) {
    long[] arr = ns.stream().mapToLong(Long::longValue).toArray();
    return new Rate(sel, arr, Arrays.stream(arr).sum());
  }
}
