package io.flightwatch.common.kafka;

import io.flightwatch.common.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Headers of every record the services write to {@code articles.dlq}, the one place that writes them (processor,
 * aggregator, the oversize handler). Every record carries the reason, the service and the source topic (the
 * contract's {@code flightwatch.*} headers) plus, where there is one, a human-readable detail. Exception details use
 * the header names of Kafka Streams' own dead-letter records (KIP-1034), so a DLQ reader handles both kinds the same
 * way.
 */
public final class DlqHeaders {

  /** A sentence saying what exactly was wrong ("id 'a' differs from key 'b'"). */
  public static final String DETAIL = "flightwatch.detail";

  // Same names as org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils (an internal class we do not import).
  public static final String EXCEPTION = "__streams.errors.exception";
  public static final String EXCEPTION_MESSAGE = "__streams.errors.message";
  public static final String STACKTRACE = "__streams.errors.stacktrace";
  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";

  /** Stack traces of CoreNLP run deep; the first lines say where it failed, the rest only bloats the DLQ. */
  static final int MAX_STACKTRACE_CHARS = 8_000;

  /** A detail longer than this is cut: it may quote the input, which can be megabytes. */
  static final int MAX_DETAIL_CHARS = 1_000;

  private DlqHeaders() {}

  /**
   * Adds the flightwatch headers (replacing earlier ones of the same name): {@code reason} is a wire name
   * ("invalid_claim") or a sentence; {@code detail} may be null.
   */
  public static Headers addReason(Headers headers, String service, String reason, String sourceTopic, String detail) {
    put(headers, Topics.DLQ_REASON_HEADER, reason);
    put(headers, Topics.DLQ_SERVICE_HEADER, service);
    put(headers, Topics.DLQ_SOURCE_TOPIC_HEADER, sourceTopic);
    if (detail != null) {
      put(headers, DETAIL, cut(detail, MAX_DETAIL_CHARS));
    }
    return headers;
  }

  /** Adds where the record came from, as Kafka Streams' dead-letter records do. */
  public static Headers addOrigin(Headers headers, String topic, int partition, long offset) {
    put(headers, TOPIC, topic);
    put(headers, PARTITION, String.valueOf(partition));
    put(headers, OFFSET, String.valueOf(offset));
    return headers;
  }

  public static Headers addException(Headers headers, Throwable e) {
    put(headers, EXCEPTION, e.getClass().getName());
    put(headers, EXCEPTION_MESSAGE, String.valueOf(e.getMessage()));
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    put(headers, STACKTRACE, cut(trace.toString(), MAX_STACKTRACE_CHARS));
    return headers;
  }

  /** The value of the last header called {@code name}, as UTF-8 text, or null. */
  public static String get(Headers headers, String name) {
    var h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
