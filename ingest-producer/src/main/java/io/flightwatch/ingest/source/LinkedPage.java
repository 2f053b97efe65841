package io.flightwatch.ingest.source;

import io.flightwatch.ingest.SkipException;
import io.flightwatch.ingest.SkipReason;
import io.flightwatch.ingest.http.HttpFetcher;
import io.flightwatch.ingest.text.HtmlExtractor;
import io.flightwatch.ingest.text.Texts;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A feed entry's linked page as text: its type checked, its charset found, its main text extracted. */
final class LinkedPage {

  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);

  private LinkedPage() {}

  /** The page's main text, title, language, canonical URL and date. */
  static HtmlExtractor.Page parse(URI page, HttpFetcher.Response r, double maxInvalidUtf8Ratio) throws SkipException {
    String contentType = r.header("Content-Type").orElse("text/html").toLowerCase(Locale.ROOT);
    if (!(contentType.contains("html") || contentType.startsWith("text/"))) {
      throw new SkipException(SkipReason.UNSUPPORTED_TYPE, "linked page is " + contentType + ": " + page);
    }
    String html = Texts.decode(r.body(), charset(contentType, r.body()), maxInvalidUtf8Ratio);
    if (!contentType.contains("html")) {
      return new HtmlExtractor.Page("", Texts.tidy(html), null, null, null);
    }
    return HtmlExtractor.extract(html, r.uri().toString());
  }

  /** Charset of the Content-Type header, else of a meta tag in the first 2 KB, else UTF-8. */
  static Charset charset(String contentType, byte[] body) {
    String name = null;
    int i = contentType.indexOf("charset=");
    if (i >= 0) {
      name = contentType.substring(i + "charset=".length()).replace("\"", "").split("[;\\s]")[0];
    } else {
      String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        name = m.group(1);
      }
    }
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

}
