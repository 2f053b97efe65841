package io.flightwatch.ingest.source;

import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.http.HttpFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Factories for the launcher and the CLI. */
public final class Sources {

  private Sources() {}

  /** A directory (recursive) or a single .txt/.html/.json/.jsonl file. */
  public static Source path(IngestConfig config, Path path) {
    return new LocalSource(config, path, Clock.systemUTC());
  }

  /** JSON lines from a stream (standard input). */
  public static Source stdin(IngestConfig config, InputStream in) {
    return new StdinSource(config, in, Clock.systemUTC());
  }

  /** Feeds sharing one HTTP client. */
  public static List<Source> feeds(IngestConfig config, List<URI> urls) {
    HttpFetcher fetcher = new HttpFetcher(config);
    List<Source> out = new ArrayList<>();
    for (URI u : urls) {
      out.add(new FeedSource(config, fetcher, u, Clock.systemUTC()));
    }
    return out;
  }

  /**
   * Parses a feed URL, accepting only absolute http(s) URLs.
   *
   * @throws IllegalArgumentException with a message naming the bad value
   */
  public static URI feedUrl(String raw) {
    try {
      URI u = new URI(raw.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) feed URL: '" + raw + "'");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: '" + raw + "' (" + e.getReason() + ")", e);
    }
  }

  /**
   * Reads a feed list: one URL per line; blank lines and lines starting with '#' are ignored, as is text after " #".
   * Every bad line is reported at once.
   */
  public static List<URI> readFeedList(Path file) throws IOException {
    List<URI> urls = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      String l = line.strip();
      int comment = l.indexOf(" #");
      if (comment >= 0) {
        l = l.substring(0, comment).strip();
      }
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      try {
        urls.add(feedUrl(l));
      } catch (IllegalArgumentException e) {
        problems.add(file + ":" + n + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("bad feed list:\n  " + String.join("\n  ", problems));
    }
    return urls;
  }
}
