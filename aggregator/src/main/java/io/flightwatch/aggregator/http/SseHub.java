package io.flightwatch.aggregator.http;

import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's server-sent-event clients, and the broadcast of changed totals to them. A broadcast never waits for a
 * client: each client has a bounded queue drained by its own send task, so a client that stops reading holds up only
 * itself (until the connection's idle timeout), and one that falls {@link #MAX_PENDING} events behind is dropped and
 * counted ({@code flightwatch.aggregator.sse.dropped}); the browser reconnects and reloads.
 */
public final class SseHub {

  private static final Logger log = LoggerFactory.getLogger(SseHub.class);

  /** Events a client may have waiting before it is dropped as too slow. */
  static final int MAX_PENDING = 256;

  /** Where events go: a browser's event stream, or a test's. */
  interface Sink {
    void send(String event, String data);

    boolean terminated();

    void close();

    String who();
  }

  private static final class Subscriber {
    final Sink sink;
    final StreamFilter filter;
    final ArrayDeque<String[]> queue = new ArrayDeque<>();
    boolean draining;
    boolean dropped;

    Subscriber(Sink sink, StreamFilter filter) {
      this.sink = sink;
      this.filter = filter;
    }
  }

  private final Map<Sink, Subscriber> clients = new ConcurrentHashMap<>();
  private final Counter events;
  private final Counter drops;
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "flightwatch-sse-" + threads.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  public SseHub(MeterRegistry registry) {
    this.events = Counter.builder("flightwatch.aggregator.sse.events")
        .description("Server-sent events delivered to dashboard clients").register(registry);
    this.drops = Counter.builder("flightwatch.aggregator.sse.dropped")
        .description("Dashboard clients dropped for falling too far behind or a broken connection").register(registry);
    registry.gauge("flightwatch.aggregator.sse.clients", clients, Map::size);
  }

  public void join(SseClient client) {
    client.keepAlive();
    Sink sink = new Sink() {
      @Override
      public void send(String event, String data) {
        client.sendEvent(event, data);
      }

      @Override
      public boolean terminated() {
        return client.terminated();
      }

      @Override
      public void close() {
        client.close();
      }

      @Override
      public String who() {
        return client.ctx().ip();
      }
    };
    client.onClose(() -> clients.remove(sink));
    StreamFilter filter = client.ctx().attribute(StreamFilter.ATTRIBUTE);
    join(sink, filter == null ? StreamFilter.ALL : filter);
  }

  void join(Sink sink) {
    join(sink, StreamFilter.ALL);
  }

  void join(Sink sink, StreamFilter filter) {
    clients.put(sink, new Subscriber(sink, filter));
    // A first event tells the browser the stream is live, so it can show "connected".
    offer(clients.get(sink), "hello", "{}");
  }

  public int clients() {
    return clients.size();
  }

  /** Queues one event for every client and returns at once. */
  public void broadcast(String event, String json) {
    broadcast(event, json, null);
  }

  /** Queues one event about a country for every client that follows it ({@link StreamFilter}). */
  public void broadcast(String event, String json, StreamFilter.About about) {
    for (Subscriber s : clients.values()) {
      if (s.filter.passes(about)) {
        offer(s, event, json);
      }
    }
  }

  private void offer(Subscriber s, String event, String json) {
    boolean start;
    synchronized (s) {
      if (s.dropped) {
        return;
      }
      if (s.queue.size() >= MAX_PENDING || s.sink.terminated()) {
        drop(s, s.sink.terminated() ? "closed" : MAX_PENDING + " events behind");
        return;
      }
      s.queue.add(new String[] {event, json});
      start = !s.draining;
      s.draining = true;
    }
    if (start) {
      senders.execute(() -> drain(s));
    }
  }

  /** Sends a client's queued events in order; the only code that writes to its connection. */
  private void drain(Subscriber s) {
    while (true) {
      String[] next;
      synchronized (s) {
        next = s.dropped ? null : s.queue.poll();
        if (next == null) {
          s.draining = false;
          return;
        }
      }
      try {
        s.sink.send(next[0], next[1]);
        events.increment();
      } catch (RuntimeException e) {
        synchronized (s) {
          drop(s, e.toString());
          s.draining = false;
        }
        return;
      }
    }
  }

  /** Called holding the subscriber's lock. */
  private void drop(Subscriber s, String why) {
    s.dropped = true;
    s.queue.clear();
    clients.remove(s.sink);
    drops.increment();
    log.info("Dropping SSE client {}: {}", s.sink.who(), why);
    senders.execute(() -> {
      try {
        s.sink.close();
      } catch (RuntimeException e) {
        log.debug("closing SSE client {}: {}", s.sink.who(), e.toString());
      }
    });
  }

  public void closeAll() {
    for (Subscriber s : clients.values()) {
      try {
        s.sink.close();
      } catch (RuntimeException e) {
        log.debug("closing SSE client {}: {}", s.sink.who(), e.toString());
      }
    }
    clients.clear();
    senders.shutdownNow();
  }
}
