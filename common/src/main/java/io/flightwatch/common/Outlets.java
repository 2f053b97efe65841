package io.flightwatch.common;

import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.util.Locale;

/**
 * Who published an article, as the unit of independent sources: "www.bbc.co.uk/news/x" and "bbc.co.uk/sport" are one
 * outlet ({@code bbc.co.uk}); "edition.cnn.com" and "cnn.com" too. The registrable domain comes from the public suffix
 * list (Guava's {@link InternetDomainName}), so "abc.net.au" and "example.com.br" are cut at the right label. Articles
 * read from local files have no URL worth a domain: their outlet is the feed's name.
 */
public final class Outlets {

  /** The outlet of an article with neither a usable URL nor a source name. */
  public static final String UNKNOWN = "unknown";

  private Outlets() {}

  public static String of(String url, String source) {
    String host = host(url);
    if (host != null) {
      return registrable(host);
    }
    if (source != null && !source.isBlank()) {
      return source.strip().toLowerCase(Locale.ROOT);
    }
    return UNKNOWN;
  }

  private static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return null;
      }
      String host = uri.getHost();
      return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null; // not a URL: the source name stands in
    }
  }

  private static String registrable(String host) {
    if (!InternetDomainName.isValid(host)) {
      return host; // an IP address or an odd name: the host itself is the best outlet we have
    }
    InternetDomainName name = InternetDomainName.from(host);
    if (name.isUnderPublicSuffix()) {
      return name.topPrivateDomain().toString();
    }
    return host;
  }
}
