package io.flightwatch.ingest;

/**
 * The producer cannot go on without losing or duplicating data (fenced by another instance with the same
 * transactional id, not authorised, retries exhausted): the app stops with this message instead of continuing.
 */
public final class IngestFatalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IngestFatalException(String message, Throwable cause) {
    super(message, cause);
  }
}
