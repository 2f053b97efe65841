package io.flightwatch.ingest;

import io.flightwatch.common.Article;
import io.flightwatch.common.PublicationDates;
import io.flightwatch.ingest.text.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The article id rule of the topic contract.
 *
 * <ul>
 *   <li>With a URL: id = first 32 hex chars (128 bits) of SHA-256 over the normalised URL ({@link #normaliseUrl}).</li>
 *   <li>Without one: the same hash over the normalised text: title + newline + body, whitespace folded to single
 *       spaces, lower-cased (so re-wrapped or re-cased copies of one text share an id).</li>
 *   <li>contentHash = the same hash over title + blank line + body with whitespace folded (case kept): any real edit of
 *       the title or body is a new version; re-indentation is not.</li>
 * </ul>
 * 128 bits keeps the key short; a collision needs about 2^64 articles.
 */
public final class ArticleIds {

  /** Query parameters that only track the reader; they do not change which article a URL points to. */
  private static final Set<String> TRACKING_PARAMS = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
      "ref_src", "ref_url", "cmpid", "ocid", "mkt_tok", "spm", "twclid", "ttclid", "s_cid", "__twitter_impression");

  private ArticleIds() {}

  /** The id of an article with this (already normalised or raw) URL, or of its text when {@code url} is null. */
  public static String id(String url, String title, String body) {
    String normalised = url == null ? null : normaliseUrl(url);
    return normalised != null ? hash(normalised) : hash(normaliseText(title + "\n" + body));
  }

  /**
   * The id of a URL-less article read from a local file, from the file's path under the input root ("2024/port.txt"),
   * so an edited file is a new version of the same article rather than a second article.
   */
  public static String localId(String pathUnderRoot) {
    return hash("file:" + pathUnderRoot.replace('\\', '/'));
  }

  /** {@code a} with the id of its local file, when it has no URL (a URL, if any, stays its identity). */
  public static Article withLocalId(Article a, String pathUnderRoot) {
    if (a.url() != null || pathUnderRoot == null) {
      return a;
    }
    return withId(a, localId(pathUnderRoot));
  }

  /**
   * {@code a} identified by its URL and what tells it apart from other entries of one feed under that URL (the entry's
   * guid, else its title): a feed that lists fifty stories under one link has fifty articles, not one with 49 updates.
   */
  public static Article withSharedLinkId(Article a, String entryIdentity) {
    if (a.url() == null) {
      return a;
    }
    return withId(a, hash(a.url() + "#" + normaliseText(entryIdentity)));
  }

  private static Article withId(Article a, String id) {
    return new Article(id, a.url(), a.source(), a.title(), a.body(), a.language(), a.publishedAt(), a.fetchedAt(),
        a.contentHash(), a.dateSource());
  }

  public static String contentHash(String title, String body) {
    return hash(Texts.fold(title) + "\n\n" + Texts.fold(body));
  }

  /**
   * Canonical form of an http(s) URL, or null when it is not one: scheme and host lower-cased, user info, default port
   * and fragment dropped, tracking parameters (utm_*, fbclid, gclid, ...) removed, the remaining parameters sorted, an
   * empty path made "/", and a trailing slash of a longer path removed ("/a/b/" and "/a/b" are one article).
   */
  public static String normaliseUrl(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(raw.strip());
    } catch (URISyntaxException e) {
      return null;
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    if (host == null || !("http".equals(scheme) || "https".equals(scheme))) {
      return null;
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme)
        && port == 443);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> kept = new ArrayList<>();
    if (uri.getRawQuery() != null) {
      for (String param : uri.getRawQuery().split("&")) {
        if (param.isEmpty()) {
          continue;
        }
        String name = (param.contains("=") ? param.substring(0, param.indexOf('=')) : param).toLowerCase(Locale.ROOT);
        if (!name.startsWith("utm_") && !TRACKING_PARAMS.contains(name)) {
          kept.add(param);
        }
      }
    }
    kept.sort(null);
    StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
    if (!defaultPort) {
      sb.append(':').append(port);
    }
    sb.append(path);
    if (!kept.isEmpty()) {
      sb.append('?').append(String.join("&", kept));
    }
    return sb.toString();
  }

  /** Whitespace folded to single spaces, lower-cased (Locale.ROOT), stripped. */
  public static String normaliseText(String text) {
    return Texts.fold(text).toLowerCase(Locale.ROOT);
  }

  /** First 32 hex chars of SHA-256 over the UTF-8 bytes. */
  public static String hash(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /**
   * Builds the article record with its id and content hash. {@code url} is normalised here (null when not http(s));
   * {@code body} must already be plain text.
   */
  public static Article article(String url, String source, String title, String body, String language,
      Instant publishedAt, Instant fetchedAt) {
    return article(url, source, title, body, language, publishedAt,
        publishedAt == null ? PublicationDates.NONE : PublicationDates.INPUT, fetchedAt);
  }

  /** As {@link #article(String, String, String, String, String, Instant, Instant)}, saying where the date came from. */
  public static Article article(String url, String source, String title, String body, String language,
      Instant publishedAt, String dateSource, Instant fetchedAt) {
    String canonical = normaliseUrl(url);
    String t = Texts.fold(title);
    return new Article(id(canonical, t, body), canonical, source, t, body, language, publishedAt, fetchedAt,
        contentHash(t, body), dateSource);
  }
}
