package io.flightwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the aggregator's {@code GET /api/stream} (server-sent events, what the dashboard shows) and passes
 * every {@code totals} event to a {@link LatencyTracker} with the time it arrived.
 */
public final class SseProbe implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SseProbe.class);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final Thread reader;
  private volatile Stream<String> body;
  private volatile boolean open = true;

  public SseProbe(String baseUrl, LatencyTracker tracker) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/api/stream"))
        .header("Accept", "text/event-stream").GET().build();
    response = client.sendAsync(req, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> r;
    try {
      r = response.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("cannot subscribe to " + baseUrl + "/api/stream", e.getCause());
    }
    if (r.statusCode() != 200) {
      throw new IOException("GET /api/stream answered " + r.statusCode());
    }
    body = r.body();
    reader = new Thread(() -> read(body, tracker), "bench-sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Stream<String> lines, LatencyTracker tracker) {
    String[] event = {null};
    try {
      lines.forEach(line -> {
        if (line.startsWith("event:")) {
          event[0] = line.substring(6).strip();
        } else if (line.startsWith("data:") && "totals".equals(event[0])) {
          long now = System.nanoTime();
          try {
            JsonNode n = Json.MAPPER.readTree(line.substring(5).strip());
            tracker.observed(n.path("country").asText(), n.path("articles").asLong(), now);
          } catch (IOException e) {
            log.warn("unreadable totals event: {}", e.toString());
          }
        } else if (line.isEmpty()) {
          event[0] = null;
        }
      });
    } catch (RuntimeException e) {
      if (open) {
        log.warn("SSE stream ended: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    open = false;
    // Closing the line stream cancels the HTTP subscription, which ends the reader's forEach.
    body.close();
    response.cancel(true);
    reader.interrupt();
  }
}
