package io.flightwatch.ingest.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Main-text extraction from an HTML page with jsoup: navigation, header, footer, asides, forms, scripts and styles are
 * dropped; the text is taken from the largest {@code <article>}, else {@code <main>}, else the element whose direct
 * paragraphs hold the most text, else the whole body.
 */
public final class HtmlExtractor {

  /** What a page yields; any field but {@code body} may be null. */
  public record Page(String title, String body, String canonicalUrl, String language, Instant publishedAt) {}

  private static final String BOILERPLATE =
      "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header, footer, aside, form, button,"
          + " [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

  private HtmlExtractor() {}

  public static Page extract(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    String title = firstNonBlank(
        doc.select("meta[property=og:title]").attr("content"),
        doc.title(),
        doc.select("h1").text());
    String canonical = doc.select("link[rel=canonical]").attr("abs:href");
    if (canonical.isBlank()) {
      canonical = doc.select("link[rel=canonical]").attr("href");
    }
    String lang = language(doc.select("html").attr("lang"));
    Instant published = published(doc);

    doc.select(BOILERPLATE).remove();
    Element main = mainElement(doc);
    String body = main == null ? "" : render(main);
    return new Page(Texts.fold(title), body, canonical.isBlank() ? null : canonical, lang, published);
  }

  private static Element mainElement(Document doc) {
    Elements articles = doc.select("article");
    if (!articles.isEmpty()) {
      return largest(articles);
    }
    Elements mains = doc.select("main, [role=main]");
    if (!mains.isEmpty()) {
      return largest(mains);
    }
    // The element whose own paragraphs hold most text: the article column, not the page around it.
    Map<Element, Integer> scores = new HashMap<>();
    for (Element p : doc.select("p")) {
      Element parent = p.parent();
      if (parent != null) {
        scores.merge(parent, p.text().length(), Integer::sum);
      }
    }
    return scores.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(doc.body());
  }

  private static Element largest(Elements els) {
    Element best = els.first();
    for (Element e : els) {
      if (e.text().length() > best.text().length()) {
        best = e;
      }
    }
    return best;
  }

  /** Text with a blank line between blocks (paragraphs, headings, list items), single spaces within them. */
  public static String render(Element root) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          sb.append(t.text());
        } else if (node instanceof Element e) {
          if (e.normalName().equals("br")) {
            sb.append('\n');
          } else if (e.isBlock()) {
            sb.append("\n\n");
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock()) {
          sb.append("\n\n");
        }
      }
    }, root);
    return Texts.tidy(sb.toString());
  }

  private static String language(String lang) {
    String l = Texts.fold(lang).toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    if (dash > 0) {
      l = l.substring(0, dash);
    }
    return l.matches("[a-z]{2,3}") ? l : null;
  }

  /** "datePublished": "2019-12-20T08:00:00+01:00" inside a JSON-LD block. */
  private static final java.util.regex.Pattern JSON_LD_DATE =
      java.util.regex.Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"");

  private static Instant published(Document doc) {
    java.util.regex.Matcher ld = JSON_LD_DATE.matcher(doc.select("script[type=application/ld+json]").html());
    for (String candidate : new String[] {
        doc.select("meta[property=article:published_time]").attr("content"),
        ld.find() ? ld.group(1) : "",
        doc.select("meta[itemprop=datePublished]").attr("content"),
        doc.select("meta[name=date], meta[name=pubdate], meta[name=publishdate], meta[name=DC.date.issued]")
            .attr("content"),
        doc.select("time[datetime]").attr("datetime")}) {
      Instant i = parseInstant(candidate);
      if (i != null) {
        return i;
      }
    }
    return null;
  }

  /**
   * ISO-8601 instant, offset date-time or date; null when absent or unparseable (a bad date never skips an article).
   */
  public static Instant parseInstant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = s.strip();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // not an offset date-time; try the shorter forms below
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      // not an instant either
    }
    try {
      return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }
}
