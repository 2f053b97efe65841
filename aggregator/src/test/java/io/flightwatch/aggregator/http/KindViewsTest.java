package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flightwatch.aggregator.topology.MonthlyTotals;
import io.flightwatch.common.Band;
import io.flightwatch.common.Case;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.Json;
import io.flightwatch.common.RoleTotals;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary: the answers name the kinds by the words the {@code kind} parameter takes, every endpoint that takes a
 * kind refuses any other word with a 400 naming the valid ones, and the deprecated aliases still say the same.
 */
class KindViewsTest {

  private static final List<String> WIRE = Arrays.stream(ClaimKind.values()).map(ClaimKind::wireName).toList();

  private static Band band(int low, int high, int claims) {
    return new Band(BigDecimal.valueOf(low), BigDecimal.valueOf(high), claims, claims + 1, 0, "key-" + low);
  }

  private static CountryTotals totals() {
    RoleTotals destination = new RoleTotals(band(40, 45, 2), band(2, 2, 1), new Band(new BigDecimal("41700000.00"),
        new BigDecimal("41700000.00"), 1, 2, 0, "money"), Band.EMPTY);
    RoleTotals origin = RoleTotals.EMPTY.with(ClaimKind.MONEY_RECOVERED, band(7, 9, 2));
    return new CountryTotals("CA", "Canada", destination, origin, 3, Instant.parse("2024-03-14T17:05:12Z"));
  }

  private static JsonNode json(Object value) {
    return Json.MAPPER.valueToTree(value);
  }

  @Test
  void countryTotalsAreKeyedByTheKindsWireNamesAndTheRoleWords() {
    CountryTotals t = totals();
    JsonNode view = json(KindViews.Country.of(t));
    List<String> fields = new ArrayList<>();
    view.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("country", "name", "kinds", "articles", "updatedAt", "asDestination",
        "asOrigin");
    List<String> kinds = new ArrayList<>();
    view.path("kinds").fieldNames().forEachRemaining(kinds::add);
    assertThat(kinds).containsExactlyElementsOf(WIRE);
    for (ClaimKind k : ClaimKind.values()) {
      JsonNode roles = view.path("kinds").path(k.wireName());
      assertThat(roles.size()).isEqualTo(2);
      assertThat(roles.path("destination")).isEqualTo(json(t.asDestination().of(k)));
      assertThat(roles.path("origin")).isEqualTo(json(t.asOrigin().of(k)));
    }
    // money keeps its scale in the view too
    assertThat(view.path("kinds").path("money_moved_abroad").path("destination").path("low").toString())
        .isEqualTo("41700000.00");
    // the deprecated aliases are the topic record's fields, unchanged
    assertThat(view.path("asDestination")).isEqualTo(json(t.asDestination()));
    assertThat(view.path("asOrigin")).isEqualTo(json(t.asOrigin()));
  }

  @Test
  void anotherInstancesAnswerReadsBackWithOrWithoutTheAliases() throws Exception {
    CountryTotals t = totals();
    ObjectNode view = json(KindViews.Country.of(t)).deepCopy();
    assertThat(Json.MAPPER.treeToValue(view, KindViews.Country.class).totals()).isEqualTo(t);
    // the release after this one: kinds only
    ObjectNode kindsOnly = view.deepCopy();
    kindsOnly.remove(List.of("asDestination", "asOrigin"));
    assertThat(Json.MAPPER.treeToValue(kindsOnly, KindViews.Country.class).totals()).isEqualTo(t);
    // the release before: the record only
    assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(t), KindViews.Country.class).totals())
        .isEqualTo(t);
  }

  @Test
  void monthsAndYearsUseTheSameWords() {
    MonthlyTotals.Month m = new MonthlyTotals.Month(totals().asDestination(), totals().asOrigin());
    JsonNode months = json(KindViews.Months.of("CA", "Canada", Map.of("2024-03", m)));
    assertThat(months.path("months").path("2024-03").path("kinds").path("officials_fled").path("destination")
        .path("high").intValue()).isEqualTo(45);
    assertThat(months.path("months").path("2024-03").path("asDestination")).isEqualTo(json(m.asDestination()));
    JsonNode years = json(KindViews.Years.of("CA", "Canada", Map.of("2024", m)));
    assertThat(years.path("years").path("2024").path("kinds").path("money_recovered").path("origin").path("low")
        .intValue()).isEqualTo(7);
  }

  @Test
  void aCaseNamesItsMoneyByTheMoneyKinds() {
    Case c = new Case("CN:zhao minghui", "Zhao Minghui", List.of("zhao minghui"), "CN", List.of(), "located", null,
        List.of(), List.of(), new BigDecimal("41700000.00"), new BigDecimal("50000000.00"), BigDecimal.ZERO,
        BigDecimal.ONE, 0, null);
    JsonNode view = json(KindViews.CaseView.of(c));
    // every field of the record, as it is, and the money under the kinds' words
    json(c).fields().forEachRemaining(e -> assertThat(view.path(e.getKey())).as(e.getKey()).isEqualTo(e.getValue()));
    List<String> money = new ArrayList<>();
    view.path("money").fieldNames().forEachRemaining(money::add);
    assertThat(money).containsExactly("money_moved_abroad", "money_recovered");
    assertThat(view.path("money").path("money_moved_abroad").path("low").toString()).isEqualTo("41700000.00");
    assertThat(view.path("money").path("money_moved_abroad").path("high").toString()).isEqualTo("50000000.00");
    assertThat(view.path("money").path("money_recovered").path("high").intValue()).isEqualTo(1);
    assertThat(CsvDownloads.cases(List.of(c)).lines().findFirst().orElseThrow())
        .contains("money_moved_abroad_low_usd,money_moved_abroad_high_usd,money_recovered_low_usd,"
            + "money_recovered_high_usd").doesNotContain("money_moved_low");
  }

  @Test
  void theViewsAreWhatTheOpenApiDocumentDescribesAndNoOtherWordsForTheKinds() throws Exception {
    KindViews.Country country = KindViews.Country.of(totals());
    OpenApiContract.assertMatches("/api/countries/{iso}", 200, Json.MAPPER.writeValueAsString(country));
    OpenApiContract.assertMatches("/api/countries", 200, Json.MAPPER.writeValueAsString(List.of(country)));
    MonthlyTotals.Month m = new MonthlyTotals.Month(totals().asDestination(), totals().asOrigin());
    OpenApiContract.assertMatches("/api/countries/{iso}/monthly", 200,
        Json.MAPPER.writeValueAsString(KindViews.Months.of("CA", "Canada", Map.of("2024-03", m))));
    OpenApiContract.assertMatches("/api/countries/{iso}/years", 200,
        Json.MAPPER.writeValueAsString(KindViews.Years.of("CA", "Canada", Map.of("2024", m))));
    Case c = new Case("CN:zhao minghui", "Zhao Minghui", List.of("zhao minghui"), "CN", List.of(), "located", null,
        List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, null);
    OpenApiContract.assertMatches("/api/cases/{id}", 200, Json.MAPPER.writeValueAsString(KindViews.CaseView.of(c)));
    // the record alone (no kinds) and a kind under another name are not what the API answers
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenApiContract.assertMatches("/api/countries/{iso}", 200,
        Json.MAPPER.writeValueAsString(totals()))).isInstanceOf(AssertionError.class).hasMessageContaining("kinds");
    ObjectNode renamed = json(country).deepCopy();
    ((ObjectNode) renamed.path("kinds")).set("moneyMovedUsd", renamed.path("kinds").path("money_moved_abroad"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenApiContract.assertMatches("/api/countries/{iso}", 200,
        renamed.toString())).isInstanceOf(AssertionError.class).hasMessageContaining("moneyMovedUsd");
  }

  @Test
  void everyEndpointTakingAKindRefusesAnyOtherWordNamingTheValidOnes() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // the stores are not there (null): a kind is checked before they are asked, so a bad one is a 400, not a 503
    try (RestApi api = new RestApi(() -> null, () -> true, () -> "RUNNING", new SseHub(registry), registry)
        .start("127.0.0.1", 0)) {
      HttpClient http = HttpClient.newHttpClient();
      int endpoints = 0;
      for (Map.Entry<String, java.util.Set<String>> e : QueryParams.endpoints().entrySet()) {
        if (!e.getValue().contains("kind")) {
          continue;
        }
        endpoints++;
        String path = e.getKey().replace("{iso}", "CN") + "?" + (e.getValue().contains("country") ? "country=CN&"
            : "");
        // the response's old words, a typo, a blank item of a list
        for (String bad : List.of("moneyMovedUsd", "officials_fled_to", "officials_fled,")) {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
              + path + "kind=" + bad.replace(",", "%2C"))).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(path + bad).isEqualTo(400);
          assertThat(r.body()).as(path + bad).contains("unknown kind")
              .contains("officials_fled, officials_returned, money_moved_abroad, money_recovered");
        }
      }
      assertThat(endpoints).isEqualTo(5); // countries, evidence, claims, flows, stream
    }
  }
}
