package io.flightwatch.aggregator.http;

import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard's server-sent-event clients, and the broadcast of changed totals to them. */
public final class SseHub {

  private static final Logger log = LoggerFactory.getLogger(SseHub.class);

  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final Counter events;

  public SseHub(MeterRegistry registry) {
    this.events = Counter.builder("flightwatch.aggregator.sse.events")
        .description("Server-sent events delivered to dashboard clients").register(registry);
    registry.gauge("flightwatch.aggregator.sse.clients", clients, Set::size);
  }

  public void join(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    // A first event tells the browser the stream is live, so it can show "connected".
    client.sendEvent("hello", "{}");
  }

  public int clients() {
    return clients.size();
  }

  /** Sends one event to every client; a client whose connection broke is dropped. */
  public void broadcast(String event, String json) {
    for (SseClient client : clients) {
      synchronized (client) {
        if (client.terminated()) {
          clients.remove(client);
          continue;
        }
        try {
          client.sendEvent(event, json);
          events.increment();
        } catch (RuntimeException e) {
          log.debug("dropping SSE client {}: {}", client.ctx().ip(), e.toString());
          clients.remove(client);
        }
      }
    }
  }

  public void closeAll() {
    for (SseClient client : clients) {
      client.close();
    }
    clients.clear();
  }
}
