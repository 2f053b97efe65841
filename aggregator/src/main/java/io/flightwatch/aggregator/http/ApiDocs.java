package io.flightwatch.aggregator.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The API's own description: {@code /api/openapi.json} (OpenAPI 3.1, resource {@code api/openapi.json}) and the JSON
 * Schemas it refers to, {@code /api/schemas/{name}} (copied at build time from {@code docs/schemas}, the topics'
 * contract, so the REST answers and the Kafka records are described by the same files).
 */
final class ApiDocs {

  static final String OPENAPI = "/api/openapi.json";
  static final String SCHEMAS = "/api/schemas/";

  private static final Pattern NAME = Pattern.compile("[a-z.-]{1,60}\\.schema\\.json");

  private ApiDocs() {}

  static void openApi(Context ctx) {
    ctx.contentType("application/json").result(read(OPENAPI));
  }

  static void schema(Context ctx, String name) {
    if (!NAME.matcher(name).matches()) {
      throw ApiException.notFound("no schema " + (name.length() > 60 ? name.substring(0, 60) + "..." : name));
    }
    byte[] body = readOrNull(SCHEMAS + name);
    if (body == null) {
      throw ApiException.notFound("no schema " + name);
    }
    ctx.contentType("application/schema+json").result(body);
  }

  static byte[] read(String resource) {
    byte[] body = readOrNull(resource);
    if (body == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    return body;
  }

  private static byte[] readOrNull(String resource) {
    try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
