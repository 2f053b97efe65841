package io.flightwatch.aggregator.http;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query parameters each endpoint reads. A request with any other ("?since=2019" where the endpoint takes
 * {@code from}) is answered 400 with the valid ones, instead of being answered as if the parameter were not there.
 * Paths are matched in order, the first match decides ({@code /api/cases/local} before {@code /api/cases/{id}}).
 */
final class QueryParams {

  private record Endpoint(Pattern path, String template, Set<String> valid) {}

  private static final String SEGMENT = "[^/]+";

  private static final List<Endpoint> ENDPOINTS = List.of(
      endpoint("/api/countries", "role", "kind", "limit", "cursor", "from", "to", "format"),
      endpoint("/api/countries/{iso}"),
      endpoint("/api/countries/{iso}/monthly"),
      endpoint("/api/countries/{iso}/years", "from", "to"),
      endpoint("/api/countries/{iso}/evidence", "kind", "limit", "cursor", "format"),
      endpoint("/api/claims", "country", "kind", "limit", "cursor", "format"),
      endpoint("/api/flows", "country", "kind", "from", "to", "limit", "cursor", "format"),
      endpoint("/api/download.zip"),
      endpoint("/api/sources", "claim", "after", "cursor", "limit"),
      endpoint("/api/cases", "country", "status", "limit", "cursor", "format"),
      endpoint("/api/cases/local", "country"),
      endpoint("/api/cases/{id}"),
      endpoint("/api/openapi.json"),
      endpoint("/api/schemas/{name}"),
      endpoint("/api/stream", "country", "kind"),
      endpoint("/health"),
      endpoint("/metrics"));

  private QueryParams() {}

  private static Endpoint endpoint(String template, String... valid) {
    String regex = Pattern.quote(template).replaceAll("\\{[a-z]+\\}", "\\\\E" + SEGMENT + "\\\\Q");
    return new Endpoint(Pattern.compile(regex), template, Set.of(valid));
  }

  /** Every endpoint's path template with the query parameters it reads (the OpenAPI document is checked against it). */
  static java.util.Map<String, Set<String>> endpoints() {
    java.util.Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
    ENDPOINTS.forEach(e -> out.put(e.template(), e.valid()));
    return out;
  }

  /** Throws a 400 when {@code names} holds a parameter the endpoint of {@code path} does not read. */
  static void check(String path, Set<String> names) {
    if (names.isEmpty()) {
      return;
    }
    for (Endpoint e : ENDPOINTS) {
      if (e.path().matcher(path).matches()) {
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(e.valid());
        if (!unknown.isEmpty()) {
          String list = String.join(", ", unknown);
          throw ApiException.badRequest("unknown query parameter(s) for " + e.template() + ": "
              + (list.length() > 120 ? list.substring(0, 120) + "..." : list)
              + (e.valid().isEmpty() ? " (it takes none)" : " (valid: " + String.join(", ",
                  new TreeSet<>(e.valid())) + ")"));
        }
        return;
      }
    }
  }
}
