package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.flightwatch.common.Json;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import java.net.http.HttpResponse;
import org.apache.kafka.streams.state.HostInfo;

/** Asking another instance: relaying its answer as it is, or reading it to merge with ours. Counts every forward. */
final class Forwarder {

  private final Counter forwarded;

  Forwarder(Counter forwarded) {
    this.forwarded = forwarded;
  }

  static boolean isForwarded(Context ctx) {
    return ctx.header(StoreQueries.FORWARDED_HEADER) != null;
  }

  /** Answers {@code ctx} with the owner's answer, status included. */
  void relay(Context ctx, StoreQueries q, HostInfo host, String pathAndQuery) {
    HttpResponse<String> response = q.forward(host, pathAndQuery);
    forwarded.increment();
    // the owner's answer as it gave it: JSON, or a CSV download with its file name
    ctx.status(response.statusCode())
        .contentType(response.headers().firstValue("Content-Type").orElse("application/json"));
    response.headers().firstValue("Content-Disposition").ifPresent(d -> ctx.header("Content-Disposition", d));
    response.headers().firstValue(Cursors.NEXT_HEADER).ifPresent(n -> ctx.header(Cursors.NEXT_HEADER, n));
    ctx.result(response.body());
  }

  /** Another instance's part of a list. */
  <T> T fetch(StoreQueries q, HostInfo host, String pathAndQuery, TypeReference<T> type) {
    return read(host, q.forward(host, pathAndQuery), type);
  }

  /** Another instance's part of a paginated list, and whether that part has more rows after it (its next cursor). */
  <T> Cursors.Page<T> fetchPage(StoreQueries q, HostInfo host, String pathAndQuery,
      TypeReference<java.util.List<T>> type) {
    HttpResponse<String> response = q.forward(host, pathAndQuery);
    return new Cursors.Page<>(read(host, response, type),
        response.headers().firstValue(Cursors.NEXT_HEADER).orElse(null));
  }

  private <T> T read(HostInfo host, HttpResponse<String> response, TypeReference<T> type) {
    forwarded.increment();
    if (response.statusCode() != 200) {
      throw ApiException.unavailable("instance " + host.host() + ":" + host.port() + " answered "
          + response.statusCode() + ", retry shortly");
    }
    try {
      return Json.MAPPER.readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable answer from another instance", e);
    }
  }
}
