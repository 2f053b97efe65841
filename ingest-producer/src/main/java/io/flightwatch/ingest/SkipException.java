package io.flightwatch.ingest;

/** An input item that cannot be published, with its reason; caught by the source, which reports it and goes on. */
public final class SkipException extends Exception {

  private static final long serialVersionUID = 1L;

  private final SkipReason reason;

  public SkipException(SkipReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public SkipException(SkipReason reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = reason;
  }

  public SkipReason reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }
}
