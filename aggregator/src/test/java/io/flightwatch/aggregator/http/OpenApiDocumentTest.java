package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes exactly the endpoints and query parameters the server reads. */
class OpenApiDocumentTest {

  private final JsonNode doc = OpenApiContract.document();

  @Test
  void everyEndpointIsDocumentedWithExactlyItsQueryParameters() {
    Map<String, Set<String>> served = QueryParams.endpoints();
    Set<String> documented = new TreeSet<>();
    doc.path("paths").fieldNames().forEachRemaining(documented::add);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served.keySet());
    served.forEach((path, params) -> {
      Set<String> query = new TreeSet<>();
      Set<String> inPath = new TreeSet<>();
      for (JsonNode p : doc.path("paths").path(path).path("get").path("parameters")) {
        (p.path("in").asText().equals("query") ? query : inPath).add(p.path("name").asText());
      }
      assertThat(query).as(path).containsExactlyInAnyOrderElementsOf(params);
      Set<String> templated = new TreeSet<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([a-z]+)}").matcher(path);
      while (m.find()) {
        templated.add(m.group(1));
      }
      assertThat(inPath).as(path).isEqualTo(templated);
    });
  }

  @Test
  void everyOperationDocumentsItsErrorsAndEveryReferenceResolves() {
    doc.path("paths").fields().forEachRemaining(e -> {
      JsonNode responses = e.getValue().path("get").path("responses");
      assertThat(responses.has("200")).as(e.getKey()).isTrue();
      assertThat(responses.has("400")).as(e.getKey() + " documents the 400 for unknown parameters").isTrue();
    });
    // every "#/components/schemas/X" points at a schema of the document
    String text = doc.toString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(text);
    while (m.find()) {
      assertThat(doc.path("components").path("schemas").has(m.group(1))).as(m.group(1)).isTrue();
    }
    // every topic schema it refers to is served beside it
    m = java.util.regex.Pattern.compile("\"schemas/([a-z.-]+\\.schema\\.json)").matcher(text);
    int files = 0;
    while (m.find()) {
      assertThat(ApiDocs.class.getResource(ApiDocs.SCHEMAS + m.group(1))).as(m.group(1)).isNotNull();
      files++;
    }
    assertThat(files).isPositive();
  }

  @Test
  void documentedErrorsMatchTheServersErrorBody() {
    OpenApiContract.assertMatches("/api/claims", 400, "{\"status\":400,\"error\":\"limit must be a whole number\"}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> OpenApiContract.assertMatches("/api/claims", 400, "{\"status\":\"bad\"}"))
        .isInstanceOf(AssertionError.class);
    // the topic schemas the document refers to are resolved and applied, not skipped
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> OpenApiContract.assertMatches("/api/countries/{iso}", 200, "{\"country\":5}"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("country");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> OpenApiContract.assertMatches("/api/claims", 200, "[{\"key\":\"k\",\"kind\":\"officials_fled\","
            + "\"sourceCount\":1,\"articleCount\":1,\"sources\":[],\"periodFrom\":\"last spring\"}]"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("periodFrom");
  }
}
