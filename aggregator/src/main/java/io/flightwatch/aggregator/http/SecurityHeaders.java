package io.flightwatch.aggregator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every answer carries, Javalin's and Jetty's own error pages alike. */
final class SecurityHeaders {

  /** The dashboard loads only its own script and styles; article text can never run as code. */
  static final Map<String, String> ALL = all();

  private SecurityHeaders() {}

  private static Map<String, String> all() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    return Map.copyOf(h);
  }
}
