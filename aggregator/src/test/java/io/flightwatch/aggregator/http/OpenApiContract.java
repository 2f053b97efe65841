package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flightwatch.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Real answers against {@code /api/openapi.json}: the schema of the path's documented response for the answer's status
 * and content type validates the body. The document and the topic schemas it refers to are read from the classpath,
 * the files the server serves.
 */
public final class OpenApiContract {

  private static final String BASE = "https://flightwatch.example/api/";

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:api/")
          .mapPrefix("https://flightwatch.example/schemas/", "classpath:api/schemas/")));

  /** Draft 2020-12 treats "format" as an annotation by default; assert it, so a date in the wrong shape fails. */
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(true).build();

  private OpenApiContract() {}

  /** The parsed document, as served. */
  public static JsonNode document() {
    try {
      return Json.MAPPER.readTree(ApiDocs.read(ApiDocs.OPENAPI));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code body}, answered with {@code status} on {@code template}, matches the documented schema. */
  public static void assertMatches(String template, int status, String body) {
    JsonNode media = document().path("paths").path(template).path("get").path("responses")
        .path(String.valueOf(status)).path("content").path("application/json");
    assertThat(media.isMissingNode()).as("%s documents a JSON answer with status %d", template, status).isFalse();
    String pointer = "#/paths/" + escape(template) + "/get/responses/" + status + "/content/application~1json/schema";
    JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + "openapi.json" + pointer), CONFIG);
    Set<ValidationMessage> errors;
    try {
      errors = schema.validate(Json.MAPPER.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(errors).as("%s %d: %s", template, status, body.length() > 300 ? body.substring(0, 300) : body)
        .isEmpty();
  }

  private static String escape(String template) {
    return template.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
  }
}
