package io.flightwatch.ingest.source;

import io.flightwatch.common.Article;
import io.flightwatch.common.FeedState;
import io.flightwatch.ingest.SkipReason;

/** Where a source puts what it reads. Implemented by the app (publisher, counters, progress). */
public interface Emitter {

  /** A complete article; dedup and publishing happen behind this call. */
  void article(Article article);

  /** An item that cannot be published: logged once with origin and reason, counted, and the source goes on. */
  void skipped(String origin, SkipReason reason, String detail);

  /** New HTTP state of a feed, stored in {@code ingest.feeds} in the same transaction as the poll's articles. */
  default void feedState(FeedState state) {}

  /** Marks the end of a unit (a file, a feed poll): the app commits the open transaction here. */
  default void checkpoint() {}
}
