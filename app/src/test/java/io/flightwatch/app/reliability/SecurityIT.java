package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.aggregator.AggregatorApp;
import io.flightwatch.aggregator.AggregatorConfig;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Json;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.nlp.stream.ProcessorApp;
import io.flightwatch.nlp.stream.ProcessorConfig;
import io.flightwatch.nlp.stream.ProcessorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import io.flightwatch.common.service.StreamsServiceConfig;

/**
 * The REST API is read-only, validates its inputs, exposes neither files nor configuration; Kafka client security
 * settings pass through from configuration to every client. (That the dashboard renders article text as text, never as
 * markup, is checked in a real browser by the aggregator's {@code DashboardIT}; here only its Content-Security-Policy.)
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

  /** A passthrough value that must never be served by any endpoint. */
  private static final String SECRET = "rel-s3cr3t-0f-the-keystore";

  private Path dir;
  private LocalKafka kafka;
  private AggregatorApp aggregator;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> figures = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    kafka = LocalKafka.start(dir.resolve("kafka"), 0);
    kafka.createTopics(Topics.ALL);
    aggregator = new AggregatorApp(Settings.load(AggregatorConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        StreamsServiceConfig.HTTP_PORT, "0",
        StreamsServiceConfig.COMMIT_INTERVAL_MS, "100",
        StreamsServiceConfig.STATE_DIR, dir.resolve("state").toString(),
        // ignored on a PLAINTEXT listener, but passed to every client: it must never be served
        "kafka.ssl.key.password", SECRET))).start();
    try (KafkaProducer<String, String> p = new KafkaProducer<>(
        KafkaDefaults.producer(Map.of("bootstrap.servers", kafka.bootstrapServers())),
        new StringSerializer(), new StringSerializer())) {
      String claim = "{\"id\":\"sec-1#0\",\"key\":\"officials_fled|person|ilka marsault|NO\",\"articleId\":\"sec-1\","
          + "\"articleVersion\":\"v1\",\"kind\":\"officials_fled\",\"subject\":\"officials\",\"origin\":\"KE\","
          + "\"destination\":\"NO\",\"destinationsMentioned\":[],\"count\":1,\"amount\":null,\"amountLow\":null,"
          + "\"amountHigh\":null,\"currency\":null,\"valueText\":\"Ilka Marsault\",\"amountUsd\":null,"
          + "\"amountUsdLow\":null,\"amountUsdHigh\":null,\"usdRateSource\":null,\"approximate\":false,"
          + "\"hedged\":false,\"namedPerson\":\"Ilka Marsault\",\"period\":null,\"cumulative\":false,"
          + "\"overlapsWith\":null,\"quote\":\"Ilka Marsault fled to Norway.\",\"quoteBegin\":0,\"quoteEnd\":29,"
          + "\"confidence\":0.8,\"url\":\"https://news.example.test/sec\",\"source\":null,\"title\":\"Security "
          + "fixture\",\"publishedAt\":\"2024-02-01T10:00:00Z\",\"retracted\":false}";
      p.send(new ProducerRecord<>(Topics.CLAIMS.name(), "officials_fled|person|ilka marsault|NO", claim)).get();
    }
    await("a country to query").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
        .ignoreExceptions().until(() -> get("/api/countries/NO").statusCode() == 200);
  }

  @AfterAll
  void stop() {
    try {
      figures.forEach(System.out::println);
    } finally {
      if (aggregator != null) {
        aggregator.close(Duration.ofSeconds(30));
      }
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  @Test
  void restIsReadOnly() {
    List<String> paths = List.of("/api/countries", "/api/countries/NO", "/api/countries/NO/evidence",
        "/api/countries/NO/monthly", "/api/claims", "/api/stream", "/health", "/metrics", "/", "/index.html");
    int tried = 0;
    for (String path : paths) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.ofString("{\"country\":\"NO\",\"articles\":999}")).build());
        assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
        assertThat(json(r.body()).path("status").asInt()).as(method + " " + path + " JSON error").isEqualTo(405);
        tried++;
      }
    }
    // nothing changed
    assertThat(json(get("/api/countries/NO").body()).path("articles").asInt()).isEqualTo(1);
    figures.add("RELIABILITY security read-only: " + tried + " POST/PUT/DELETE/PATCH requests on " + paths.size()
        + " paths -> 405 JSON, state unchanged");
  }

  @Test
  void restValidatesItsInputs() {
    List<String> bad = List.of("/api/countries/XQ", "/api/countries/USA", "/api/countries/n0",
        "/api/countries/%3Cscript%3E", "/api/countries/XQ/evidence", "/api/countries/XQ/monthly",
        "/api/countries?limit=0", "/api/countries?limit=1001", "/api/countries?limit=-1", "/api/countries?limit=abc",
        "/api/countries?limit=99999999999999999999", "/api/countries?kind=officials_teleported",
        "/api/countries?role=sideways", "/api/claims?country=XX1", "/api/claims?limit=0", "/api/claims?kind=%00",
        "/api/countries/NO/evidence?limit=5000");
    for (String path : bad) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      JsonNode body = json(r.body());
      assertThat(body.path("status").asInt()).as(path).isEqualTo(400);
      assertThat(body.path("error").asText()).as(path).isNotBlank();
      // an echoed value is inside a JSON string, served as JSON with nosniff: a browser never renders it as markup
      assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }
    assertThat(get("/api/countries?limit=1000").statusCode()).isEqualTo(200);
    assertThat(get("/api/countries?limit=1").statusCode()).isEqualTo(200);
    assertThat(get("/api/countries/no").statusCode()).as("codes are case-insensitive").isEqualTo(200);
    assertThat(get("/api/countries/ZZ").statusCode()).as("ZZ is a valid code without data").isEqualTo(404);
    figures.add("RELIABILITY security validation: " + bad.size() + " invalid country codes, kinds, roles and limits"
        + " -> 400 JSON; limits 1 and 1000 accepted");
  }

  @Test
  void noEndpointServesFilesOrConfiguration() throws IOException {
    List<String> targets = List.of("/../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
        "/api/countries/..%2f..%2f..%2fetc%2fpasswd", "/api/countries/../../../../etc/passwd",
        "/api/countries/%2e%2e", "/public/../../../../etc/passwd", "/..;/..;/etc/passwd", "/%252e%252e/etc/passwd",
        "/static/../pom.xml", "/../pom.xml", "/log4j2.xml", "/log4j2-test.xml", "/public/index.html/../../pom.xml",
        "/config", "/env", "/api/config", "/.env", "/actuator/env", "/application.properties",
        "/io/flightwatch/aggregator/AggregatorApp.class", "/WEB-INF/web.xml", "/proc/self/environ",
        "/api/countries/NO/../../../etc/hostname");
    String hostname = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).strip() : "";
    int tried = 0;
    for (String target : targets) {
      String[] response = rawGet(target);
      int status = Integer.parseInt(response[0].split(" ")[1]);
      assertThat(status).as("GET " + target + " -> " + response[0]).isIn(400, 404);
      assertThat(response[1]).as("GET " + target)
          .doesNotContain("root:x:").doesNotContain("<project").doesNotContain("<Configuration")
          .doesNotContain(SECRET).doesNotContain("bootstrap.servers");
      if (!hostname.isEmpty() && hostname.length() > 3) {
        assertThat(response[1]).as("GET " + target).doesNotContain(hostname);
      }
      tried++;
    }
    // the served endpoints do not leak the passthrough secret either
    for (String path : List.of("/", "/health", "/metrics", "/api/countries", "/api/claims", "/app.js")) {
      assertThat(get(path).body()).as(path).doesNotContain(SECRET);
    }
    figures.add("RELIABILITY security files/config: " + tried + " traversal and config-probing requests -> 400/404,"
        + " no file content, no configuration value, secret passthrough never served");
  }

  @Test
  void dashboardIsServedWithAStrictContentSecurityPolicy() {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    figures.add("RELIABILITY security dashboard: CSP '" + csp + "'; escaping of article text: aggregator DashboardIT");
  }

  @Test
  void kafkaSecuritySettingsPassThroughToEveryClient(@TempDir Path conf) throws IOException {
    Map<String, String> security = Map.of(
        "kafka.security.protocol", "SASL_SSL",
        "kafka.sasl.mechanism", "SCRAM-SHA-512",
        "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"fw\" password=\"pw\";",
        "kafka.ssl.truststore.location", "/etc/flightwatch/truststore.jks",
        // an attempt to weaken the pipeline's guarantee through the passthrough
        "kafka.processing.guarantee", "at_least_once");

    // command-line overrides, for the processor: the Streams properties it really uses
    Settings proc = Settings.load(ProcessorConfig.definition(), null, Map.of(), security);
    Properties streams = ProcessorApp.streamsProps(proc, new ProcessorMetrics(new SimpleMeterRegistry()));
    assertThat(streams).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/flightwatch/truststore.jks")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(new StreamsConfig(streams).originals()).containsKey("sasl.jaas.config");

    // a config file, for the aggregator
    Path file = conf.resolve("aggregator.properties");
    Properties p = new Properties();
    p.putAll(security);
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    Settings agg = Settings.load(AggregatorConfig.definition(), file, Map.of(), Map.of());
    Map<String, Object> aggClient = CommonConfig.clientProps(agg);
    assertThat(aggClient).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism",
        "SCRAM-SHA-512");
    Properties aggStreams = KafkaDefaults.streams(aggClient, "x", 1, conf.toString(), 100);
    assertThat(aggStreams).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

    // the environment, for the producer (FLIGHTWATCH_KAFKA_SECURITY_PROTOCOL)
    Settings ingest = Settings.load(IngestConfig.definition(), null,
        Map.of("FLIGHTWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "FLIGHTWATCH_KAFKA_SASL_MECHANISM", "PLAIN"),
        Map.of());
    Properties producer = KafkaDefaults.producer(CommonConfig.clientProps(ingest));
    assertThat(producer).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("enable.idempotence", true).containsEntry("acks", "all");
    assertThat(KafkaDefaults.consumer(CommonConfig.clientProps(ingest), "g"))
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("isolation.level", "read_committed");
    figures.add("RELIABILITY security kafka passthrough: security.protocol=SASL_SSL, sasl.*, ssl.* reach the"
        + " processor's Streams props (options), the aggregator's (config file) and the producer's (environment);"
        + " kafka.processing.guarantee=at_least_once cannot weaken exactly_once_v2");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private URI uri(String path) {
    return URI.create(aggregator.url().replaceAll("/$", "") + path);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The request target is sent exactly as given (no client-side normalisation of dot segments). */
  private String[] rawGet(String target) throws IOException {
    try (Socket s = new Socket("127.0.0.1", aggregator.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int eol = all.indexOf("\r\n");
      return new String[] {eol < 0 ? all : all.substring(0, eol), all};
    }
  }

  private static JsonNode json(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body.substring(0, Math.min(200, body.length())).toLowerCase(Locale.ROOT));
    }
  }
}
