package io.flightwatch.ingest;

import java.util.Locale;

/**
 * Why an input item was not published. The wire name (snake_case) is the {@code reason} tag of the
 * {@code ingest.skipped} counter and appears in the summary line and in the one log line written per skipped item.
 */
public enum SkipReason {
  /** The feed document is not well-formed XML. */
  MALFORMED_XML,
  /** The document parsed (or looked like HTML) but is neither RSS nor Atom. */
  NOT_A_FEED,
  /** The XML has a DOCTYPE: refused, because DTDs carry XXE and entity-expansion (billion laughs) attacks. */
  XML_DOCTYPE_FORBIDDEN,
  /** HTTP status 4xx/5xx, or a 3xx without a usable Location. */
  HTTP_ERROR,
  /** Connect, response or total read deadline exceeded (covers slow-loris servers). */
  TIMEOUT,
  /** A redirect chain came back to a URL it had already visited. */
  REDIRECT_LOOP,
  /** More redirects than {@code ingest.max.redirects}. */
  TOO_MANY_REDIRECTS,
  /** Network failure: connection refused or reset, unknown host, TLS failure. */
  FETCH_FAILED,
  /** A URL that is not http(s) or cannot be parsed. */
  INVALID_URL,
  /** Body or file larger than {@code ingest.max.body.bytes}. */
  BODY_TOO_LARGE,
  /** More than {@code ingest.max.invalid.utf8.ratio} of the characters were undecodable bytes. */
  INVALID_UTF8,
  /** Nothing but boilerplate: the extracted body is shorter than {@code ingest.min.body.chars}. */
  EMPTY_BODY,
  /** A JSON line or file that is not valid JSON (or not an object). */
  INVALID_JSON,
  /** A required field (title, body) is missing or not a string. */
  MISSING_FIELD,
  /** A file type the directory source does not read, or a linked page that is not HTML or text. */
  UNSUPPORTED_TYPE,
  /** A local file that could not be read. */
  READ_FAILED,
  /**
   * Not a regular file of the input folder: a device, socket or pipe, a file of /proc, /sys or /dev, or a symbolic link
   * that leads outside the input folder.
   */
  NOT_A_REGULAR_FILE,
  /** An exception nobody foresaw while reading one item (logged with its stack trace); the source goes on. */
  UNEXPECTED_ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for failures that may pass on a later attempt (the feed keeps its old validators so the item is retried). */
  public boolean transientFailure() {
    return this == TIMEOUT || this == FETCH_FAILED || this == HTTP_ERROR;
  }
}
