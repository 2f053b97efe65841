package io.flightwatch.ingest.source;

import io.flightwatch.common.FeedState;
import java.time.Instant;
import java.util.Map;

/**
 * Something articles come from: a directory, a file, stdin, a feed. A source reports every item to the {@link Emitter},
 * skipping bad ones with a reason; it never throws for bad input.
 */
public interface Source {

  /** For logs and the {@code source} field: a path, a feed URL, "stdin". */
  String name();

  /**
   * Reads what is available now: everything for a local source, one poll for a feed. Throws only when interrupted
   * (stop) or when the emitter reports a fatal publishing error.
   */
  void emit(Emitter out) throws InterruptedException;

  /** True for sources polled again and again (feeds); false for finite inputs read once. */
  default boolean continuous() {
    return false;
  }

  /** When a continuous source wants its next {@link #emit}; ignored for finite ones. */
  default Instant nextPollAt() {
    return Instant.MAX;
  }

  /** How its last read went, for the per-feed metrics: {@code ok}, {@code not_modified} or {@code failed}. */
  default String lastOutcome() {
    return "ok";
  }

  /** Items this source is expected to yield, for the progress bar; -1 when unknown. */
  default long estimatedCount() {
    return -1;
  }

  /** Receives the durable per-feed state loaded from {@code ingest.feeds} at start (key = feed URL). */
  default void restore(Map<String, FeedState> states) {}
}
