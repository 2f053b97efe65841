package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.Json;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.common.kafka.LocalKafka;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Real broker, two aggregator instances: the topic and both REST APIs agree on every country. */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class AggregatorIT {

  @TempDir
  static Path dir;

  static LocalKafka kafka;
  static AggregatorApp first;
  static AggregatorApp second;

  private static final List<String> DESTINATIONS = List.of("CA", "US", "AU", "NZ", "GB", "SG", "TH", "AE");

  @BeforeAll
  static void start() {
    kafka = TestCluster.broker(dir);
    first = new AggregatorApp(TestCluster.settings(kafka, "agg-it", dir.resolve("state-1"))).start();
    second = new AggregatorApp(TestCluster.settings(kafka, "agg-it", dir.resolve("state-2"))).start();
    await().atMost(Duration.ofSeconds(90))
        .until(() -> first.state() == KafkaStreams.State.RUNNING && second.state() == KafkaStreams.State.RUNNING);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close(Duration.ofSeconds(30));
    }
    if (first != null) {
      first.close(Duration.ofSeconds(30));
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Claim fled(String article, String destination, long count) {
    return Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", destination)
        .article(article, article + "-v1").count(count).valueText(count + " officials")
        .quote("Our own test sentence: " + count + " officials went to " + destination + ".")
        .url("https://news.example.org/it/" + article).outlet(article + ".example")
        .publishedAt(Instant.parse("2024-05-02T07:00:00Z")).keyed();
  }

  @Test
  void topicAndBothInstancesAgreeOnEveryCountry() throws Exception {
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < DESTINATIONS.size(); i++) {
      String dest = DESTINATIONS.get(i);
      claims.add(fled("it-a-" + i, dest, 10L * (i + 1)));
      claims.add(fled("it-b-" + i, dest, 10L * (i + 1))); // the same statistic from a second outlet
      claims.add(fled("it-c-" + i, dest, 5));
    }
    claims.add(Samples.moneyMoved());
    claims.add(Samples.namedFled());
    TestCluster.publish(kafka, claims);

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Map<String, CountryTotals> topic = TestCluster.latestTotals(kafka);
      assertThat(topic).containsKeys(DESTINATIONS.toArray(new String[0])).containsKeys("CN", "ZZ");
      assertThat(topic.get("CN").asOrigin().officialsFled().claims()).isEqualTo(2 * DESTINATIONS.size() + 1);
      assertThat(topic.get("CN").asOrigin().moneyMovedUsd().claims()).isEqualTo(1);
    });

    Map<String, CountryTotals> topic = TestCluster.latestTotals(kafka);
    CountryTotals nz = topic.get("NZ");
    assertThat(nz.asDestination().officialsFled().low()).isEqualByComparingTo("40");
    assertThat(nz.asDestination().officialsFled().high()).isEqualByComparingTo("45");
    assertThat(nz.asDestination().officialsFled().sources()).isEqualTo(3);

    for (AggregatorApp app : List.of(first, second)) {
      for (Map.Entry<String, CountryTotals> e : topic.entrySet()) {
        HttpResponse<String> r = TestCluster.get(app.url(), "/api/countries/" + e.getKey().toLowerCase());
        assertThat(r.statusCode()).as(app.url() + " " + e.getKey()).isEqualTo(200);
        assertThat(answered(tree(r.body()))).isEqualTo(e.getValue());
      }
      HttpResponse<String> list = TestCluster.get(app.url(), "/api/countries?role=destination&kind=officials_fled");
      List<CountryTotals> countries = answeredList(list.body());
      assertThat(countries).extracting(CountryTotals::country).containsExactlyInAnyOrderElementsOf(topic.keySet());
      assertThat(countries.get(0).country()).isEqualTo("AE"); // 80 + 5 is the largest destination high
      assertThat(countries).containsAll(topic.values());
    }
    double forwarded = first.registry().counter("flightwatch.aggregator.http.forwarded").count()
        + second.registry().counter("flightwatch.aggregator.http.forwarded").count();
    assertThat(forwarded).as("requests answered by the other instance").isPositive();

    // Monthly totals and evidence are served by either instance too.
    for (AggregatorApp app : List.of(first, second)) {
      JsonNode monthly = tree(TestCluster.get(app.url(), "/api/countries/SG/monthly").body());
      assertThat(monthly.path("months").path("2024-05").path("kinds").path("officials_fled").path("destination")
          .path("high").decimalValue()).isEqualByComparingTo(new BigDecimal("65"));
      JsonNode years = tree(TestCluster.get(app.url(), "/api/countries/SG/years?from=2020&to=2030").body());
      assertThat(years.path("years").path("2024").path("kinds").path("officials_fled").path("destination")
          .path("high").decimalValue()).isEqualByComparingTo(new BigDecimal("65"));
      assertThat(tree(TestCluster.get(app.url(), "/api/countries/SG/years?to=2010").body()).path("years")).isEmpty();
      // the country list over a span of years, gathered from both instances
      List<CountryTotals> span = answeredList(TestCluster.get(app.url(), "/api/countries?from=2024&to=2024").body());
      assertThat(span).filteredOn(t -> t.country().equals("SG")).singleElement()
          .satisfies(t -> assertThat(t.asDestination().officialsFled().high()).isEqualByComparingTo("65"));
      assertThat(span).extracting(CountryTotals::country).contains("NZ", "CN");
      assertThat(answeredList(TestCluster.get(app.url(), "/api/countries?to=2010").body())).isEmpty();
      assertThat(TestCluster.get(app.url(), "/api/countries?from=20x4").statusCode()).isEqualTo(400);
      // the CSV download holds the JSON list's figures, one row per country, role and kind with claims
      HttpResponse<String> csv = TestCluster.get(app.url(), "/api/countries?format=csv");
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      List<Map<String, String>> csvRows = new java.util.ArrayList<>();
      try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = new com.fasterxml.jackson.dataformat
          .csv.CsvMapper().readerFor(Map.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema()
          .withHeader()).readValues(csv.body())) {
        it.forEachRemaining(csvRows::add);
      }
      List<String> fromJson = new java.util.ArrayList<>();
      for (CountryTotals t : answeredList(TestCluster.get(app.url(), "/api/countries").body())) {
        for (var role : List.of(Map.entry("destination", t.asDestination()), Map.entry("origin", t.asOrigin()))) {
          for (ClaimKind k : ClaimKind.values()) {
            io.flightwatch.common.Band b = role.getValue().of(k);
            if (b.claims() > 0) {
              fromJson.add(t.country() + "|" + role.getKey() + "|" + k.wireName() + "|" + b.low().toPlainString()
                  + "|" + b.high().toPlainString() + "|" + b.claims() + "|" + b.sources());
            }
          }
        }
      }
      assertThat(csvRows).extracting(r -> r.get("country") + "|" + r.get("role") + "|" + r.get("kind") + "|"
          + r.get("low") + "|" + r.get("high") + "|" + r.get("claims") + "|" + r.get("sources"))
          .containsExactlyInAnyOrderElementsOf(fromJson).isNotEmpty();
      assertThat(TestCluster.get(app.url(), "/api/countries?format=xml").statusCode()).isEqualTo(400);
      // a parameter the endpoint does not read is no longer ignored
      HttpResponse<String> since = TestCluster.get(app.url(), "/api/countries?since=2019");
      assertThat(since.statusCode()).isEqualTo(400);
      assertThat(since.body()).contains("since").contains("valid: cursor, format, from, kind, limit, role, to");
      // the live stream opens whatever the client accepts (curl sends */*)
      java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
          .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url() + "api/stream"))
              .header("Accept", "*/*").timeout(Duration.ofSeconds(10)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofLines());
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      try (java.util.stream.Stream<String> lines = stream.body()) {
        assertThat(lines.findFirst()).hasValue("event: hello");
      }
      JsonNode evidence = tree(TestCluster.get(app.url(), "/api/countries/SG/evidence").body());
      assertThat(evidence.path("claims")).hasSize(2);
      assertThat(evidence.path("claims").get(0).path("sourceCount").asInt()).isEqualTo(2);
      assertThat(evidence.path("claims").get(0).path("sources").get(0).path("quote").asText())
          .isEqualTo("Our own test sentence: 60 officials went to SG.");
      JsonNode money = tree(TestCluster.get(app.url(),
          "/api/claims?country=cn&kind=money_moved_abroad&limit=5").body());
      assertThat(money).hasSize(1);
      assertThat(money.get(0).path("sources").get(0).path("quote").asText()).isEqualTo(Samples.MONEY_SENTENCE);

      // The named official's case, from either instance (one of them asks the other).
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(TestCluster.get(app.url(), "/api/cases/CN:zhao%20minghui").statusCode()).isEqualTo(200));
      JsonNode zhao = tree(TestCluster.get(app.url(), "/api/cases/CN:zhao%20minghui").body());
      assertThat(zhao.path("status").asText()).isEqualTo("located");
      assertThat(zhao.path("destinations").get(0).path("country").asText()).isEqualTo("CA");
      JsonNode cn = tree(TestCluster.get(app.url(), "/api/cases?country=CN").body());
      assertThat(cn.path("summary").path("located").asInt()).isEqualTo(1);
      assertThat(cn.path("cases")).hasSize(1);
      assertThat(tree(TestCluster.get(app.url(), "/api/cases?status=returned").body()).path("cases")).isEmpty();
    }
    assertError(TestCluster.get(first.url(), "/api/cases/nobody"), 400, "case id");
    assertError(TestCluster.get(first.url(), "/api/cases?status=vanished"), 400, "unknown status");
    everyAnswerMatchesTheOpenApiDocument();
    for (AggregatorApp app : List.of(first, second)) {
      csvListsHoldTheirJsonFigures(app.url());
    }
    AnalystViewChecks.run(kafka, List.of(first.url(), second.url())); // flows, pagination, the zip
  }

  /** Every list downloads as CSV with the JSON's rows, also when another instance owns the country. */
  private static void csvListsHoldTheirJsonFigures(String url) {
    JsonNode claims = tree(TestCluster.get(url, "/api/claims?limit=1000").body());
    List<String> fromJson = new ArrayList<>();
    claims.forEach(c -> fromJson.add(c.path("key").asText() + "|" + number(c.path("low").asText()) + "|"
        + number(c.path("high").asText()) + "|" + c.path("sourceCount").asInt()));
    assertThat(csv(url, "/api/claims?limit=1000&format=csv")).extracting(r -> r.get("key") + "|" + number(r.get("low"))
        + "|" + number(r.get("high")) + "|" + r.get("sources")).containsExactlyElementsOf(fromJson).isNotEmpty();
    for (String iso : List.of("SG", "CN", "AE")) {
      JsonNode evidence = tree(TestCluster.get(url, "/api/countries/" + iso + "/evidence").body()).path("claims");
      List<Map<String, String>> rows = csv(url, "/api/countries/" + iso + "/evidence?format=csv");
      assertThat(rows).as(iso).hasSize(evidence.size());
      for (int i = 0; i < rows.size(); i++) {
        assertThat(rows.get(i).get("key")).isEqualTo(evidence.get(i).path("key").asText());
        assertThat(rows.get(i).get("first_source_quote"))
            .isEqualTo(evidence.get(i).path("sources").get(0).path("quote").asText());
      }
    }
    JsonNode cases = tree(TestCluster.get(url, "/api/cases?country=CN").body()).path("cases");
    List<Map<String, String>> caseRows = csv(url, "/api/cases?country=CN&format=csv");
    assertThat(caseRows).extracting(r -> r.get("id") + "|" + r.get("status") + "|" + r.get("destinations"))
        .containsExactly(cases.get(0).path("id").asText() + "|" + cases.get(0).path("status").asText() + "|"
            + cases.get(0).path("destinations").get(0).path("country").asText());
    // a person's money under the money kinds' words, in the JSON and the CSV alike
    JsonNode money = cases.get(0).path("money");
    assertThat(caseRows.get(0)).containsEntry("money_moved_abroad_low_usd",
        money.path("money_moved_abroad").path("low").decimalValue().toPlainString())
        .containsEntry("money_recovered_high_usd", money.path("money_recovered").path("high").decimalValue()
            .toPlainString())
        .doesNotContainKey("money_moved_low_usd");
  }

  private static String number(String text) {
    return text == null || text.isEmpty() || text.equals("null") ? ""
        : new BigDecimal(text).stripTrailingZeros().toPlainString();
  }

  private static List<Map<String, String>> csv(String url, String path) {
    HttpResponse<String> r = TestCluster.get(url, path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).as(path).contains(".csv");
    List<Map<String, String>> rows = new ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = new com.fasterxml.jackson.dataformat
        .csv.CsvMapper().readerFor(Map.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema()
        .withHeader()).readValues(r.body())) {
      it.forEachRemaining(rows::add);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }

  /** Real answers of every documented endpoint, and of its errors, validate against /api/openapi.json. */
  private static void everyAnswerMatchesTheOpenApiDocument() {
    String url = second.url();
    String claimKey = tree(TestCluster.get(url, "/api/claims?country=SG").body()).get(0).path("key").asText();
    Map<String, String> ok = new java.util.LinkedHashMap<>();
    ok.put("/api/countries", "/api/countries?role=origin&kind=money_moved_abroad&from=2020&to=2030");
    ok.put("/api/countries/{iso}", "/api/countries/ZZ");
    ok.put("/api/countries/{iso}/monthly", "/api/countries/SG/monthly");
    ok.put("/api/countries/{iso}/years", "/api/countries/CN/years");
    ok.put("/api/countries/{iso}/evidence", "/api/countries/CN/evidence");
    ok.put("/api/claims", "/api/claims?limit=1000");
    ok.put("/api/sources", "/api/sources?limit=1&claim=" + java.net.URLEncoder.encode(claimKey,
        java.nio.charset.StandardCharsets.UTF_8));
    ok.put("/api/cases", "/api/cases");
    ok.put("/api/cases/{id}", "/api/cases/CN:zhao%20minghui");
    ok.put("/api/schemas/{name}", "/api/schemas/country-totals.schema.json");
    ok.put("/api/openapi.json", "/api/openapi.json");
    ok.put("/health", "/health");
    ok.forEach((template, path) -> {
      HttpResponse<String> r = TestCluster.get(url, path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      io.flightwatch.aggregator.http.OpenApiContract.assertMatches(template, 200, r.body());
    });
    assertThat(tree(TestCluster.get(url, "/api/openapi.json").body()).path("openapi").asText()).isEqualTo("3.1.0");
    for (String[] bad : new String[][] {{"/api/countries/{iso}", "/api/countries/FR"},
        {"/api/claims", "/api/claims?limit=0"}, {"/api/sources", "/api/sources?claim="},
        {"/api/schemas/{name}", "/api/schemas/passwd"}, {"/api/cases/{id}", "/api/cases/CN:nobody"},
        {"/api/stream", "/api/stream?country=XQ"}}) {
      HttpResponse<String> r = TestCluster.get(url, bad[1]);
      assertThat(r.statusCode()).as(bad[1]).isBetween(400, 499);
      io.flightwatch.aggregator.http.OpenApiContract.assertMatches(bad[0], r.statusCode(), r.body());
    }
  }

  @Test
  void aStreamClientFollowingOneCountryGetsOnlyThatCountry() throws Exception {
    HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(first.url() + "api/stream?country=fi&kind=officials_fled"))
            .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    java.util.concurrent.CompletableFuture<List<String>> upToFinland = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> {
          List<String> seen = new ArrayList<>();
          stream.body().filter(l -> l.startsWith("data:")).takeWhile(l -> {
            seen.add(l);
            return !l.contains("\"country\":\"FI\"");
          }).forEach(l -> { });
          return seen;
        });
    // an origin, a country the client does not follow, then the one it does
    Claim estonia = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "RU", "EE").article("it-ee",
        "it-ee-v1")
        .count(3L).valueText("3 officials").quote("Our own test sentence: 3 officials went to EE.").keyed();
    Claim finland = Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "RU", "FI").article("it-fi",
        "it-fi-v1")
        .count(4L).valueText("4 officials").quote("Our own test sentence: 4 officials went to FI.").keyed();
    TestCluster.publish(kafka, List.of(estonia));
    TestCluster.publish(kafka, List.of(finland));
    List<String> seen = upToFinland.get(90, TimeUnit.SECONDS);
    assertThat(seen).last().asString().contains("\"country\":\"FI\"");
    assertThat(seen).noneMatch(l -> l.contains("\"country\":\"EE\"") || l.contains("\"country\":\"RU\""));
    stream.body().close();
  }

  @Test
  void badRequestsGetJsonErrors() {
    String url = first.url();
    assertError(TestCluster.get(url, "/api/countries/XQ"), 400, "not an ISO");
    assertError(TestCluster.get(url, "/api/countries/%3Cscript%3E"), 400, "not an ISO");
    assertError(TestCluster.get(url, "/api/countries?kind=everything"), 400, "unknown kind");
    assertError(TestCluster.get(url, "/api/countries?role=sideways"), 400, "unknown role");
    assertError(TestCluster.get(url, "/api/claims?limit=0"), 400, "limit");
    assertError(TestCluster.get(url, "/api/claims?limit=5000"), 400, "limit");
    assertError(TestCluster.get(url, "/api/countries/FR"), 404, "no totals for FR");
    assertError(TestCluster.get(url, "/api/countries/FR/evidence"), 404, "no claims");
    assertError(TestCluster.get(url, "/api/nothing-here"), 404, "no such endpoint");
    HttpResponse<String> post = TestCluster.send(HttpRequest.newBuilder(URI.create(url + "api/countries"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertError(post, 405, "read-only");
    HttpResponse<String> delete = TestCluster.send(HttpRequest.newBuilder(URI.create(url + "api/countries/CA"))
        .DELETE().build());
    assertError(delete, 405, "read-only");
  }

  @Test
  void healthAndMetrics() {
    HttpResponse<String> health = TestCluster.get(second.url(), "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(tree(health.body()).path("state").asText()).isEqualTo("RUNNING");
    String metrics = TestCluster.get(first.url(), "/metrics").body();
    assertThat(metrics).contains("kafka_stream_", "flightwatch_aggregator_sse_clients",
        "flightwatch_aggregator_stream_thread_replacements");
  }

  private static void assertError(HttpResponse<String> r, int status, String message) {
    assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    JsonNode body = tree(r.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("error").asText()).contains(message);
  }

  /**
   * A country's totals as the API answers them, read from {@code kinds} alone (by kind, then role: the words of the
   * {@code kind} and {@code role} parameters); the deprecated aliases ({@code asDestination.officialsFled}, ...) must
   * say the same.
   */
  private static CountryTotals answered(JsonNode view) {
    List<String> kinds = new ArrayList<>();
    view.path("kinds").fieldNames().forEachRemaining(kinds::add);
    assertThat(kinds).containsExactly("officials_fled", "officials_returned", "money_moved_abroad", "money_recovered");
    io.flightwatch.common.RoleTotals destination = io.flightwatch.common.RoleTotals.EMPTY;
    io.flightwatch.common.RoleTotals origin = io.flightwatch.common.RoleTotals.EMPTY;
    for (ClaimKind k : ClaimKind.values()) {
      JsonNode roles = view.path("kinds").path(k.wireName());
      destination = destination.with(k, read(roles.path("destination").toString(), io.flightwatch.common.Band.class));
      origin = origin.with(k, read(roles.path("origin").toString(), io.flightwatch.common.Band.class));
    }
    CountryTotals t = new CountryTotals(view.path("country").asText(), view.path("name").asText(), destination, origin,
        view.path("articles").asLong(), view.path("updatedAt").isNull() ? null
            : Instant.parse(view.path("updatedAt").asText()));
    assertThat(read(view.toString(), CountryTotals.class)).as("the deprecated aliases").isEqualTo(t);
    return t;
  }

  private static List<CountryTotals> answeredList(String body) {
    List<CountryTotals> out = new ArrayList<>();
    tree(body).forEach(v -> out.add(answered(v)));
    return out;
  }

  private static JsonNode tree(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static <T> T read(String body, Class<T> type) {
    try {
      return Json.MAPPER.readValue(body, type);
    } catch (Exception e) {
      throw new AssertionError("not a " + type.getSimpleName() + ": " + body, e);
    }
  }

}
