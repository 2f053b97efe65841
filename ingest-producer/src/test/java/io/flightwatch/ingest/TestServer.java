package io.flightwatch.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixture HTTP server on 127.0.0.1, a free port; records every request; stopped by {@link #close()}. */
public final class TestServer implements AutoCloseable {

  /** Handles one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  /** One request as received. */
  public record Request(String path, Map<String, List<String>> headers) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  public TestServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public TestServer route(String path, Handler h) {
    server.createContext(path, ex -> {
      hits.computeIfAbsent(ex.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
      requests.add(new Request(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders())));
      try {
        h.handle(ex);
      } catch (IOException e) {
        // the client went away (deadline, cap): nothing to answer
      } finally {
        ex.close();
      }
    });
    return this;
  }

  public TestServer text(String path, String contentType, String body) {
    return route(path, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  public TestServer bytes(String path, String contentType, byte[] body) {
    return route(path, ex -> send(ex, 200, contentType, body));
  }

  public TestServer status(String path, int status) {
    return route(path, ex -> send(ex, status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8)));
  }

  public TestServer redirect(String path, String location) {
    return route(path, ex -> {
      ex.getResponseHeaders().add("Location", location);
      ex.sendResponseHeaders(302, -1);
    });
  }

  /** Sends headers, then one byte per tick until the client gives up or the server stops: a slow-loris server. */
  public TestServer trickle(String path) {
    return route(path, ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        // Paced by the stop latch: the tick is the pause between two bytes, and close() ends the loop at once.
        for (int i = 0; i < 600 && !stopped.await(100, TimeUnit.MILLISECONDS); i++) {
          out.write('a');
          out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
