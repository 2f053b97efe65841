package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.flightwatch.aggregator.http.OpenApiContract;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Json;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.common.kafka.LocalKafka;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The analyst's view (issue 16) against a real broker and two instances, called from {@link AggregatorIT} with its data
 * (CN officials to eight countries, a money claim, a named official in CA): flows, pagination of every list, the zip.
 */
final class AnalystViewChecks {

  private AnalystViewChecks() {}

  static void run(LocalKafka kafka, List<String> urls) {
    // officials who went back to KZ from GB: the claim's origin is KZ (home), its destination GB
    Claim back = Samples.claim(0, ClaimKind.OFFICIALS_RETURNED, Subject.OFFICIALS, "KZ", "GB")
        .article("it-kz", "it-kz-v1").count(6L).valueText("6 officials")
        .quote("Our own test sentence: 6 officials were brought back to KZ from GB.").keyed();
    TestCluster.publish(kafka, List.of(back));
    for (String url : urls) {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
          flows(url, "/api/flows?country=kz").path("flows").toString()).contains("officials_returned"));
      flowsOfBothDirections(url);
      everyListPagesToItsWhole(url);
    }
    // more claims than a page holds: the zip still has every one (1,001 distinct statistics from MN to JP: one per
    // stated period, since the claim key rounds the figure itself to two digits)
    List<Claim> many = new ArrayList<>();
    for (int i = 1; i <= 1_001; i++) {
      many.add(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "MN", "JP").article("it-mn-" + i,
          "it-mn-" + i + "-v1").count(3L).valueText("3 officials").period("in week " + i)
          .quote("Our own test sentence: 3 officials went to JP in week " + i + ".").keyed());
    }
    TestCluster.publish(kafka, many);
    // both sides of the flow, on every instance: MN's and JP's totals sit in different partitions and catch up apart,
    // and the zip below is compared with answers taken after it
    for (String url : urls) {
      for (String[] side : new String[][] {{"JP", "destination"}, {"MN", "origin"}}) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
            tree(TestCluster.get(url, "/api/countries/" + side[0]).body()).path("kinds").path("officials_fled")
                .path(side[1]).path("claims").asInt()).isEqualTo(1_001));
      }
    }
    for (String url : urls) {
      zip(url);
    }
    HttpResponse<String> flows = TestCluster.get(urls.get(1), "/api/flows?country=CN");
    OpenApiContract.assertMatches("/api/flows", 200, flows.body());
    HttpResponse<String> missing = TestCluster.get(urls.get(1), "/api/flows");
    assertThat(missing.statusCode()).isEqualTo(400);
    OpenApiContract.assertMatches("/api/flows", 400, missing.body());
    HttpResponse<String> bad = TestCluster.get(urls.get(0), "/api/claims?cursor=not-a-cursor");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("bad cursor");
    OpenApiContract.assertMatches("/api/claims", 400, bad.body());
    String casesCursor = TestCluster.get(urls.get(0), "/api/cases?limit=1").headers().firstValue("X-Next-Cursor")
        .orElse(null);
    if (casesCursor != null) {
      assertThat(TestCluster.get(urls.get(0), "/api/claims?cursor=" + casesCursor).body())
          .contains("it continues the cases list, not the claims list");
    }
  }

  private static JsonNode flows(String url, String path) {
    HttpResponse<String> r = TestCluster.get(url, path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return tree(r.body());
  }

  private static void flowsOfBothDirections(String url) {
    JsonNode cn = flows(url, "/api/flows?country=CN&kind=officials_fled").path("flows");
    Map<String, String> byRoute = new LinkedHashMap<>();
    cn.forEach(f -> byRoute.put(f.path("from").asText() + ">" + f.path("to").asText(), f.path("low").decimalValue()
        .stripTrailingZeros().toPlainString() + "-" + f.path("high").decimalValue().stripTrailingZeros().toPlainString()
        + " c" + f.path("claims").asInt() + " s" + f.path("sources").asInt()));
    // 40 officials from two outlets and 5 from a third: the band of the route is 40-45, as NZ's totals
    assertThat(byRoute).containsEntry("CN>NZ", "40-45 c2 s3").containsEntry("CN>AE", "80-85 c2 s3")
        .containsEntry("CN>CA", "10-16 c3 s4"); // 10 (two outlets), 5 and the named official
    // every official in these destinations came from CN: each route's band is the destination's band
    for (String iso : List.of("CA", "US", "AU", "NZ", "GB", "SG", "TH", "AE")) {
      JsonNode b = flows(url, "/api/countries/" + iso).path("kinds").path("officials_fled").path("destination");
      assertThat(byRoute.get("CN>" + iso)).isEqualTo(b.path("low").decimalValue().stripTrailingZeros().toPlainString()
          + "-" + b.path("high").decimalValue().stripTrailingZeros().toPlainString() + " c" + b.path("claims").asInt()
          + " s" + b.path("sources").asInt());
    }
    assertThat(byRoute.keySet()).first().isEqualTo("CN>AE"); // largest high first
    // a return points home, from the country the officials came back from, seen from either end
    for (String iso : List.of("KZ", "GB")) {
      JsonNode f = flows(url, "/api/flows?country=" + iso + "&kind=officials_returned").path("flows");
      assertThat(f).hasSize(1);
      assertThat(f.get(0).path("from").asText() + ">" + f.get(0).path("to").asText()).isEqualTo("GB>KZ");
      assertThat(f.get(0).path("high").decimalValue()).isEqualByComparingTo("6");
    }
    assertThat(flows(url, "/api/flows?country=CN&from=2030").path("flows")).isEmpty();
    List<Map<String, String>> csv = csv(TestCluster.get(url, "/api/flows?country=CN&kind=officials_fled&format=csv"));
    assertThat(csv).extracting(r -> r.get("from") + ">" + r.get("to")).containsExactlyElementsOf(byRoute.keySet());
  }

  /** Following the cursors from the first page gives the whole list, in order, on every list endpoint. */
  private static void everyListPagesToItsWhole(String url) {
    Function<JsonNode, JsonNode> array = n -> n;
    pagesToWhole(url, "/api/claims?limit=1000", "/api/claims?limit=3", array, "key");
    pagesToWhole(url, "/api/claims?country=CN&limit=1000", "/api/claims?country=CN&limit=2", array, "key");
    pagesToWhole(url, "/api/countries/CN/evidence?limit=1000", "/api/countries/CN/evidence?limit=4",
        n -> n.path("claims"), "key");
    pagesToWhole(url, "/api/countries", "/api/countries?limit=3", array, "country");
    pagesToWhole(url, "/api/flows?country=CN&limit=1000", "/api/flows?country=CN&limit=2", n -> n.path("flows"), "to");
    pagesToWhole(url, "/api/cases?limit=1000", "/api/cases?limit=1", n -> n.path("cases"), "id");
  }

  private static void pagesToWhole(String url, String whole, String first, Function<JsonNode, JsonNode> rows,
      String id) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<String> expected = new ArrayList<>();
      rows.apply(tree(TestCluster.get(url, whole).body())).forEach(r -> expected.add(r.path(id).asText()));
      List<String> paged = new ArrayList<>();
      String path = first;
      for (int pages = 0; path != null; pages++) {
        assertThat(pages).as(first + ": pages").isLessThan(100);
        HttpResponse<String> r = TestCluster.get(url, path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        JsonNode body = tree(r.body());
        rows.apply(body).forEach(n -> paged.add(n.path(id).asText()));
        String next = r.headers().firstValue("X-Next-Cursor").orElse(null);
        if (body.isObject()) {
          assertThat(body.path("next").isNull() ? null : body.path("next").asText()).as(path).isEqualTo(next);
        }
        path = next == null ? null : first + "&cursor=" + next;
      }
      assertThat(paged).as(first).containsExactlyElementsOf(expected).isNotEmpty();
    });
  }

  /** The zip holds the README, the country totals as CSV and JSON and every claim, whatever the list limits. */
  private static void zip(String url) {
    HttpResponse<byte[]> r;
    try {
      r = TestCluster.HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/download.zip"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("flightwatch.zip");
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).containsOnlyKeys("README.txt", "countries.csv", "countries.json", "claims.csv");
    assertThat(files.get("README.txt")).contains("The band", "Dedup rule", "How to cite");
    // every claim, in list order: the pages of /api/claims followed to the end
    List<String> keys = new ArrayList<>();
    for (String path = "/api/claims?limit=1000"; path != null; ) {
      HttpResponse<String> page = TestCluster.get(url, path);
      tree(page.body()).forEach(c -> keys.add(c.path("key").asText()));
      path = page.headers().firstValue("X-Next-Cursor").map(c -> "/api/claims?limit=1000&cursor=" + c).orElse(null);
    }
    assertThat(keys).hasSizeGreaterThan(1_001);
    assertThat(csv(files.get("claims.csv"))).extracting(m -> m.get("key")).containsExactlyElementsOf(keys);
    List<String> countries = new ArrayList<>();
    tree(TestCluster.get(url, "/api/countries").body()).forEach(c -> countries.add(c.path("country").asText()));
    List<String> inZip = new ArrayList<>();
    tree(files.get("countries.json")).forEach(c -> inZip.add(c.path("country").asText()));
    assertThat(inZip).containsExactlyInAnyOrderElementsOf(countries);
    // the zip's JSON is the API's: every country's bands under the kinds' words, as /api/countries/{iso} answers them
    for (JsonNode c : tree(files.get("countries.json"))) {
      JsonNode answered = tree(TestCluster.get(url, "/api/countries/" + c.path("country").asText()).body());
      assertThat(c.path("kinds")).as(c.path("country").asText()).isEqualTo(answered.path("kinds"));
      List<String> kinds = new ArrayList<>();
      c.path("kinds").fieldNames().forEachRemaining(kinds::add);
      assertThat(kinds).containsExactly("officials_fled", "officials_returned", "money_moved_abroad",
          "money_recovered");
    }
    assertThat(csv(files.get("countries.csv"))).extracting(m -> m.get("country")).containsAll(countries);
  }

  private static List<Map<String, String>> csv(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    return csv(r.body());
  }

  private static List<Map<String, String>> csv(String text) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      it.forEachRemaining(rows::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static JsonNode tree(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
