package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /health} says UP only when the stores answer. */
class HealthTest {

  @Test
  void restoringIsNotUpAndRunningIs() throws Exception {
    AtomicReference<String> state = new AtomicReference<>("REBALANCING");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RestApi api = new RestApi(() -> null, () -> true, state::get, new SseHub(registry), registry)
        .start("127.0.0.1", 0)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/health")).build();
      HttpResponse<String> restoring = http.send(health, HttpResponse.BodyHandlers.ofString());
      assertThat(restoring.statusCode()).isEqualTo(503);
      assertThat(restoring.body()).contains("\"status\":\"RESTORING\"");
      state.set("RUNNING");
      HttpResponse<String> up = http.send(health, HttpResponse.BodyHandlers.ofString());
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).contains("\"status\":\"UP\"");
    }
  }
}
