package io.flightwatch.ingest.http;

import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.SkipException;
import io.flightwatch.ingest.SkipReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP GET with the producer's safety limits: redirects followed by hand (the client never follows) with a counter and
 * cycle detection, only http/https, a connect timeout, a timeout for the response headers, one total deadline for the
 * whole fetch (a server trickling bytes is cut off), and a body cap enforced while the body streams in.
 */
public final class HttpFetcher {

  /** A response that ended the redirect chain: 2xx or 304. */
  public record Response(int status, URI uri, byte[] body, HttpHeaders headers) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public boolean notModified() {
      return status == 304;
    }
  }

  private final HttpClient client;
  private final IngestConfig config;

  public HttpFetcher(IngestConfig config) {
    this.config = config;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout())
        .build();
  }

  /** GET {@code uri}; {@code headers} are sent on every hop (conditional GET validators). */
  public Response get(URI uri, Map<String, String> headers) throws SkipException, InterruptedException {
    long deadline = System.nanoTime() + config.readDeadline().toNanos();
    Set<URI> visited = new HashSet<>();
    URI current = uri;
    for (int hop = 0; ; hop++) {
      checkScheme(current);
      if (!visited.add(current)) {
        throw new SkipException(SkipReason.REDIRECT_LOOP,
            "redirected back to " + current + " after " + hop + " hop(s)");
      }
      HttpResponse<byte[]> r = once(current, headers, deadline);
      int status = r.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        Optional<String> location = r.headers().firstValue("Location");
        if (location.isEmpty() || location.get().isBlank()) {
          throw new SkipException(SkipReason.HTTP_ERROR, "HTTP " + status + " without Location from " + current);
        }
        if (hop >= config.maxRedirects()) {
          throw new SkipException(SkipReason.TOO_MANY_REDIRECTS,
              "more than " + config.maxRedirects() + " redirects (" + IngestConfig.MAX_REDIRECTS + ")");
        }
        try {
          current = current.resolve(location.get().strip());
        } catch (IllegalArgumentException e) {
          throw new SkipException(SkipReason.INVALID_URL, "bad Location '" + location.get() + "'");
        }
        continue;
      }
      if (status == 304 || (status >= 200 && status < 300)) {
        return new Response(status, current, r.body(), r.headers());
      }
      throw new SkipException(SkipReason.HTTP_ERROR, "HTTP " + status + " from " + current);
    }
  }

  private static void checkScheme(URI uri) throws SkipException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new SkipException(SkipReason.INVALID_URL, "not an http(s) URL: " + uri);
    }
  }

  private HttpResponse<byte[]> once(URI uri, Map<String, String> headers, long deadline)
      throws SkipException, InterruptedException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new SkipException(SkipReason.TIMEOUT, "no complete response within " + config.readDeadline().toMillis()
          + " ms (" + IngestConfig.READ_DEADLINE_MS + ")");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(config.requestTimeout())
        .header("User-Agent", config.userAgent())
        .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, "
            + "*/*;q=0.5");
    headers.forEach(b::header);
    AtomicReference<CappedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), info -> {
      CappedBody capped =
          new CappedBody(config.maxBodyBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1));
      body.set(capped);
      return capped;
    });
    try {
      return f.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cancel(f, body.get());
      throw new SkipException(SkipReason.TIMEOUT, "no complete response within " + config.readDeadline().toMillis()
          + " ms (" + IngestConfig.READ_DEADLINE_MS + ") from " + uri);
    } catch (InterruptedException e) {
      cancel(f, body.get());
      throw e;
    } catch (ExecutionException e) {
      throw classify(e.getCause(), uri);
    }
  }

  private static void cancel(CompletableFuture<?> f, CappedBody body) {
    if (body != null) {
      body.cancel();
    }
    f.cancel(true);
  }

  private SkipException classify(Throwable t, URI uri) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BodyTooLargeException) {
        return new SkipException(SkipReason.BODY_TOO_LARGE, c.getMessage() + " from " + uri);
      }
      if (c instanceof HttpConnectTimeoutException) {
        return new SkipException(SkipReason.TIMEOUT, "connect timeout to " + uri);
      }
      if (c instanceof HttpTimeoutException) {
        return new SkipException(SkipReason.TIMEOUT, "no response headers within "
            + config.requestTimeout().toMillis() + " ms (" + IngestConfig.REQUEST_TIMEOUT_MS + ") from " + uri);
      }
      if (c instanceof ConnectException) {
        return new SkipException(SkipReason.FETCH_FAILED, "cannot connect to " + uri);
      }
    }
    return new SkipException(SkipReason.FETCH_FAILED, String.valueOf(t) + " from " + uri, t);
  }

  /** Signals that the cap was hit; the subscription is cancelled, which closes the connection. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
      super(message);
    }
  }

  /** Collects the body up to {@code max} bytes, failing as soon as it would exceed it. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final long declaredLength;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    CappedBody(int max, long declaredLength) {
      this.max = max;
      this.declaredLength = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declaredLength > max) {
        s.cancel();
        result.completeExceptionally(new BodyTooLargeException(
            "Content-Length " + declaredLength + " exceeds " + IngestConfig.MAX_BODY_BYTES + "=" + max));
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer bb : items) {
        if (buf.size() + bb.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new BodyTooLargeException(
              "body exceeds " + IngestConfig.MAX_BODY_BYTES + "=" + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[bb.remaining()];
        bb.get(chunk);
        buf.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buf.toByteArray());
    }

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new IOException("cancelled at the deadline"));
    }
  }
}
