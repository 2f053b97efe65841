package io.flightwatch.nlp.stream;

import io.flightwatch.common.kafka.DlqHeaders;
import java.util.Locale;
import org.apache.kafka.common.header.Headers;

/**
 * Why a record of {@code articles.raw} went to {@code articles.dlq}. The wire name is the value of the
 * {@code flightwatch.reason} header and the {@code reason} tag of the DLQ counter.
 */
public enum DlqReason {
  /** The key is null or blank: without the article id as key, versions of one article could land on different tasks. */
  MISSING_KEY("the record has no key (the article id)"),
  /**
   * The key is not valid UTF-8 or not a usable id (control characters, longer than {@value
   * ArticleValidator#MAX_ID_LENGTH}).
   */
  INVALID_KEY("the key is not UTF-8 text or not a usable article id"),
  /** The value is empty (zero bytes). A null value is a tombstone and is not an error. */
  EMPTY_RECORD("the value is empty (zero bytes)"),
  /** The value is not UTF-8 text, or mostly control characters: binary junk. */
  BINARY("the value is binary data, not UTF-8 text"),
  /** UTF-8 text that is not a JSON object (syntax error, truncated, a bare string, array or null). */
  INVALID_JSON("the value is not a JSON object"),
  /** A JSON object whose fields have the wrong types (a date that is not ISO-8601, an object where text belongs). */
  INVALID_FIELD("a field of the JSON object has the wrong type or format"),
  /** {@code id} is missing or blank. */
  MISSING_ID("the article has no id"),
  /** {@code id} is not a usable id (control characters, too long). */
  INVALID_ID("the article id is not usable"),
  /** {@code id} differs from the record key: the producer broke the contract (key = article id). */
  ID_MISMATCH("the article id differs from the record key"),
  /** Title and body are both missing or blank: nothing to read. */
  EMPTY_TEXT("title and body are empty"),
  /** Title/body decode but are mostly control, private-use or replacement characters (escaped binary in JSON). */
  BINARY_TEXT("the article text is mostly control or replacement characters"),
  /** The annotator (CoreNLP or the extraction rules) threw on this record. */
  ANNOTATOR_ERROR("the annotator failed on this article"),
  /** Any other exception inside the topology, caught by Kafka Streams' processing exception handler (KIP-1034). */
  PROCESSING_ERROR("unexpected error while processing the record"),
  /**
   * The source deserializers failed (KIP-1034 deserialization handler); the topology reads bytes, so this is a guard.
   */
  DESERIALIZATION_ERROR("the record could not be deserialized");

  /** The processor's name in the {@code flightwatch.service} header (and its Streams client's logs). */
  public static final String SERVICE = "nlp-processor";

  private final String description;

  DlqReason(String description) {
    this.description = description;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  /** This reason's headers on a processor DLQ record ({@link DlqHeaders}); without a detail, the description. */
  public Headers addTo(Headers headers, String sourceTopic, String detail) {
    return DlqHeaders.addReason(headers, SERVICE, wireName(), sourceTopic, detail == null ? description : detail);
  }
}
