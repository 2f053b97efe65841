package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests Jetty refuses before any handler runs still get the API's JSON error and the security headers. */
class JettyErrorsTest {

  private static String raw(int port, String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void aMalformedRequestIsAJsonErrorWithTheSecurityHeaders() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RestApi api = new RestApi(() -> null, () -> true, () -> "RUNNING", new SseHub(registry), registry)
        .start("127.0.0.1", 0)) {
      String badUri = raw(api.port(), "GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(badUri).startsWith("HTTP/1.1 400");
      assertThat(badUri.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/json")
          .contains("x-content-type-options: nosniff").contains("content-security-policy:");
      assertThat(badUri).contains("\"status\":400").doesNotContain("<html");
    }
  }
}
