package io.flightwatch.ingest.source;

import static io.flightwatch.ingest.source.FeedFixtures.contentItem;
import static io.flightwatch.ingest.source.FeedFixtures.linkItem;
import static io.flightwatch.ingest.source.FeedFixtures.page;
import static io.flightwatch.ingest.source.FeedFixtures.rss;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Article;
import io.flightwatch.common.FeedState;
import io.flightwatch.common.Topics;
import io.flightwatch.ingest.Harness;
import io.flightwatch.ingest.IngestApp;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.IngestSummary;
import io.flightwatch.ingest.SkipReason;
import io.flightwatch.ingest.TestServer;
import io.flightwatch.ingest.http.HttpFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSourceTest {

  private static final String STORY = "<p>Customs officers at the city airport stopped a former deputy mayor carrying"
      + " four suitcases of banknotes on Tuesday evening.</p><p>Investigators said the money had been withdrawn over"
      + " several weeks from municipal accounts.</p>";

  private final TestServer server = new TestServer();
  private final IngestConfig config = IngestConfig.of(Map.of(
      IngestConfig.READ_DEADLINE_MS, "1500",
      IngestConfig.REQUEST_TIMEOUT_MS, "1000",
      IngestConfig.MAX_BODY_BYTES, "65536",
      IngestConfig.POLL_INTERVAL_MS, "1000",
      IngestConfig.BACKOFF_MAX_MS, "8000",
      IngestConfig.PROGRESS, "never"));
  private final HttpFetcher fetcher = new HttpFetcher(config);

  @TempDir
  Path tmp;

  @AfterEach
  void stop() {
    server.close();
  }

  private FeedSource feed(String path) {
    return new FeedSource(config, fetcher, URI.create(server.url(path)), Clock.systemUTC());
  }

  private IngestSummary runOnce(Harness h, Source... sources) {
    try (IngestApp app = h.app(config, List.of(sources))) {
      return app.run();
    }
  }

  @Test
  void rssItemsUseFullContentOrTheLinkedPagesMainText() {
    server.text("/rss", "application/rss+xml", rss(
        contentItem(server.url("/news/minister?utm_source=rss&utm_medium=feed"), "Finance minister flies out",
            "<p>The finance minister left the capital on a private jet late on Monday, aides confirmed.</p>"
                + "<script>alert('x')</script><p>Parliament had summoned him for questions the same day.</p>")
            + linkItem(server.url("/story/2"), "Customs stop deputy mayor at airport")));
    server.text("/story/2", "text/html; charset=utf-8",
        page("Customs stop deputy mayor", server.url("/story/2-canonical"), "en-GB", STORY));

    Harness h = new Harness();
    IngestSummary s = runOnce(h, feed("/rss"));

    assertThat(s.published()).isEqualTo(2);
    List<Article> articles = h.articles();
    Article first = articles.get(0);
    assertThat(first.url()).isEqualTo(server.url("/news/minister"));
    assertThat(first.title()).isEqualTo("Finance minister flies out");
    assertThat(first.body()).startsWith("The finance minister left the capital")
        .contains("\n\nParliament had summoned him").doesNotContain("alert").doesNotContain("<p>");
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-06-04T08:30:00Z"));
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.source()).isEqualTo(server.url("/rss"));

    Article second = articles.get(1);
    assertThat(second.url()).isEqualTo(server.url("/story/2-canonical"));
    assertThat(second.title()).isEqualTo("Customs stop deputy mayor at airport");
    assertThat(second.body()).contains("four suitcases of banknotes").contains("municipal accounts")
        .doesNotContain("Home").doesNotContain("Most read").doesNotContain("Copyright").doesNotContain("tracker");
    assertThat(second.language()).isEqualTo("en");
    // Each article is written with its "seen" record in the same committed transaction.
    assertThat(h.records(Topics.INGEST_SEEN.name())).extracting(r -> r.key())
        .containsExactly(first.id(), second.id());
  }

  @Test
  void storiesListedUnderOneLinkAreDistinctArticles() {
    String live = server.url("/live");
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      items.append(contentItem(live, "Update " + i + ": officials leave", "<p>Story number " + i + " of the live page:"
          + " another official was reported to have left the country.</p>"));
    }
    server.text("/shared", "application/rss+xml", rss(items.toString()));
    Harness h = new Harness();
    IngestSummary s = runOnce(h, feed("/shared"));
    assertThat(s.published()).isEqualTo(5);
    assertThat(s.updated()).isZero();
    assertThat(h.articles()).extracting(Article::id).doesNotHaveDuplicates();
    assertThat(h.articles()).extracting(Article::url).containsOnly(live);
  }

  @Test
  void atomContentIsReadAsPlainText() {
    server.text("/atom", "application/atom+xml", FeedFixtures.ATOM);
    Harness h = new Harness();
    runOnce(h, feed("/atom"));
    assertThat(h.articles()).singleElement().satisfies(a -> {
      assertThat(a.url()).isEqualTo("https://courier.example/2024/06/port-chief");
      assertThat(a.title()).isEqualTo("Port authority chief resigns after audit");
      assertThat(a.body()).contains("auditors found gaps in the cargo ledgers").contains("\n\nHer deputy")
          .doesNotContain("<p>");
      assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-06-06T09:15:00Z"));
    });
  }

  @Test
  void conditionalGetIsHonouredWithinARunAndAfterARestart() {
    String body = rss(contentItem("https://gazette.example/a/1", "Central bank governor resigns",
        "<p>The governor of the central bank resigned on Friday and was seen at the border the next morning.</p>"));
    server.route("/cond", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.getResponseHeaders().add("ETag", "\"v1\"");
        ex.getResponseHeaders().add("Last-Modified", "Fri, 07 Jun 2024 10:00:00 GMT");
        TestServer.send(ex, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
      }
    });
    Harness h = new Harness();
    FeedSource source = feed("/cond");
    try (IngestApp app = h.app(config, List.of(source))) {
      assertThat(app.run().published()).isEqualTo(1);
      IngestSummary second = app.run();
      assertThat(second.published()).isEqualTo(1);
      assertThat(second.duplicates()).isZero();
    }
    List<TestServer.Request> requests = server.requests("/cond");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).header("If-None-Match")).isNull();
    assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo("Fri, 07 Jun 2024 10:00:00 GMT");
    assertThat(requests.get(1).header("User-Agent")).isEqualTo(IngestConfig.DEFAULT_USER_AGENT);
    assertThat(h.articles()).hasSize(1);

    // A new process restores the validators from ingest.feeds and still gets 304.
    Harness restarted = new Harness();
    FeedState stored = Topics.INGEST_FEEDS.valueSerde().deserializer().deserialize(Topics.INGEST_FEEDS.name(),
        h.records(Topics.INGEST_FEEDS.name()).get(h.records(Topics.INGEST_FEEDS.name()).size() - 1).value());
    assertThat(stored.etag()).isEqualTo("\"v1\"");
    restarted.feeds.put(stored.url(), stored);
    assertThat(runOnce(restarted, feed("/cond")).published()).isZero();
    assertThat(server.requests("/cond").get(2).header("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(restarted.articles()).isEmpty();
  }

  @Test
  void xxeFeedsCannotReadLocalFilesOrReachOtherHostsAndGoodFeedsStillArrive() throws Exception {
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-4711 do not leak");
    server.text("/xxe-file", "application/rss+xml", """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
        <rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>
        <item><title>Leak &xxe;</title><link>https://x.example/1</link>
        <description>&xxe; &xxe; &xxe; &xxe; &xxe; &xxe; &xxe; &xxe; &xxe; &xxe; &xxe; &xxe;</description></item>
        </channel></rss>
        """.formatted(secret.toUri()));
    server.text("/xxe-remote", "application/rss+xml", """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY %% remote SYSTEM "%s"> %%remote; ]>
        <rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>
        </channel></rss>
        """.formatted(server.url("/leak")));
    server.text("/leak", "text/plain", "<!ENTITY stolen 'x'>");
    server.text("/good", "application/rss+xml", rss(contentItem("https://gazette.example/a/2",
        "Senator's brother moves assets offshore",
        "<p>Company filings show the senator's brother moved holdings worth several million abroad in May.</p>")));

    Harness h = new Harness();
    IngestSummary s = runOnce(h, feed("/xxe-file"), feed("/xxe-remote"), feed("/good"));

    assertThat(s.skipped(SkipReason.XML_DOCTYPE_FORBIDDEN)).isEqualTo(2);
    assertThat(h.skippedCounter(SkipReason.XML_DOCTYPE_FORBIDDEN)).isEqualTo(2.0);
    assertThat(server.hits("/leak")).isZero();
    assertThat(h.articles()).extracting(Article::title).containsExactly("Senator's brother moves assets offshore");
    for (var r : h.producer.history()) {
      assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("TOP-SECRET");
    }
  }

  @Test
  void billionLaughsIsRejected() {
    StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      String prev = "&lol" + (i - 1) + ";";
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
    }
    server.text("/laughs", "application/rss+xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [" + dtd + "]>\n"
        + "<rss version=\"2.0\"><channel><title>&lol9;</title><link>https://x.example/</link>"
        + "<description>d</description></channel></rss>");
    Harness h = new Harness();
    IngestSummary s = runOnce(h, feed("/laughs"));
    assertThat(s.skipped(SkipReason.XML_DOCTYPE_FORBIDDEN)).isEqualTo(1);
    assertThat(h.articles()).isEmpty();
  }

  @Test
  void everyBadItemIsSkippedWithItsReasonWhileGoodItemsOfTheSameFeedArrive() {
    byte[] binary = new byte[4000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (0x80 + (i % 0x7f));
    }
    server.status("/missing", 404)
        .status("/broken", 500)
        .redirect("/loop-a", server.url("/loop-b"))
        .redirect("/loop-b", server.url("/loop-a"))
        .trickle("/slow")
        .text("/huge", "text/html", "<html><body><p>" + "x".repeat(200_000) + "</p></body></html>")
        .bytes("/binary", "text/html", binary)
        .text("/boiler", "text/html", page("Nothing here", server.url("/boiler"), "en", ""))
        .bytes("/report.pdf", "application/pdf", "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII))
        .text("/story/ok", "text/html", page("Customs", server.url("/story/ok"), "en", STORY))
        .redirect("/short", server.url("/story/moved"))
        .text("/story/moved", "text/html", page("Moved", "", "en",
            "<p>A provincial governor who vanished in March resurfaced abroad, his lawyer told reporters.</p>"));
    server.route("/huge-chunked", ex -> {
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = "<p>filler text</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 200; i++) {
        ex.getResponseBody().write(chunk);
      }
    });
    for (int i = 0; i < 7; i++) {
      server.redirect("/hop" + i, server.url("/hop" + (i + 1)));
    }
    server.text("/hostile", "application/rss+xml", rss(
        linkItem(server.url("/missing"), "Gone")
            + linkItem(server.url("/broken"), "Broken")
            + linkItem(server.url("/loop-a"), "Loop")
            + linkItem(server.url("/hop0"), "Hops")
            + linkItem(server.url("/slow"), "Slow")
            + linkItem(server.url("/huge"), "Huge")
            + linkItem(server.url("/huge-chunked"), "Huge without length")
            + linkItem(server.url("/binary"), "Binary")
            + linkItem(server.url("/boiler"), "Boilerplate")
            + linkItem(server.url("/report.pdf"), "Pdf")
            + "<item><title>No link, no content</title></item>"
            + linkItem(server.url("/story/ok"), "Customs stop deputy mayor")
            + linkItem(server.url("/short"), "Governor resurfaces abroad")
            + contentItem("https://gazette.example/a/3",
                "&lt;script&gt;alert(1)&lt;/script&gt; Minister's aide detained",
                "<p>An aide to the interior minister was detained at the harbour with undeclared gold bars.</p>")));

    Harness h = new Harness();
    IngestSummary s = runOnce(h, feed("/hostile"));

    assertThat(s.skipped()).containsOnly(
        Map.entry("http_error", 2L), Map.entry("redirect_loop", 1L), Map.entry("too_many_redirects", 1L),
        Map.entry("timeout", 1L), Map.entry("body_too_large", 2L), Map.entry("invalid_utf8", 1L),
        Map.entry("empty_body", 1L), Map.entry("unsupported_type", 1L), Map.entry("missing_field", 1L));
    assertThat(h.skippedCounter(SkipReason.TIMEOUT)).isEqualTo(1.0);
    assertThat(s.published()).isEqualTo(3);
    List<Article> articles = h.articles();
    assertThat(articles).extracting(Article::title).containsExactly("Customs stop deputy mayor",
        "Governor resurfaces abroad", "<script>alert(1)</script> Minister's aide detained");
    assertThat(articles.get(1).url()).isEqualTo(server.url("/story/moved"));
    assertThat(articles.get(2).body()).doesNotContain("<");
    assertThat(s.line()).startsWith("published=3 updated=0 duplicates=0 skipped=11 (");
  }

  @Test
  void feedLevelFailuresAreSkippedAndTheFeedBacksOff() {
    server.text("/bad", "application/rss+xml", "<rss version=\"2.0\"><channel><item><title>oops</channel>")
        .text("/html", "text/html", "<!DOCTYPE html><html><body><p>Not a feed</p></body></html>")
        .text("/note", "application/xml", "<?xml version=\"1.0\"?><note><to>you</to></note>")
        .status("/down", 503);
    Harness h = new Harness();
    FeedSource down = feed("/down");
    IngestSummary s = runOnce(h, feed("/bad"), feed("/html"), feed("/note"), down);
    assertThat(s.skipped()).containsOnly(Map.entry("malformed_xml", 1L), Map.entry("not_a_feed", 2L),
        Map.entry("http_error", 1L));

    List<Duration> delays = new ArrayList<>();
    Emitter ignore = new Emitter() {
      @Override
      public void article(Article article) {
      }

      @Override
      public void skipped(String origin, SkipReason reason, String detail) {
      }
    };
    for (int i = 0; i < 4; i++) {
      try {
        down.emit(ignore);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      delays.add(Duration.between(down.state().lastPolledAt(), down.nextPollAt()));
    }
    assertThat(down.state().consecutiveFailures()).isEqualTo(5);
    assertThat(delays).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8),
        Duration.ofSeconds(8));
    assertThat(down.delay(0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anEditedLinkedPageBecomesANewVersionEvenWhenTheFeedAnswers304() {
    String feedBody = rss(linkItem(server.url("/page"), "Customs stop deputy mayor at airport"));
    server.route("/quiet", ex -> {
      if ("\"f1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
      } else {
        ex.getResponseHeaders().add("ETag", "\"f1\"");
        TestServer.send(ex, 200, "application/rss+xml", feedBody.getBytes(StandardCharsets.UTF_8));
      }
    });
    AtomicReference<String> version = new AtomicReference<>("p1");
    server.route("/page", ex -> {
      String etag = "\"" + version.get() + "\"";
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
      } else {
        String extra = version.get().equals("p2") ? "<p>On Wednesday a court released him on bail.</p>" : "";
        ex.getResponseHeaders().add("ETag", etag);
        TestServer.send(ex, 200, "text/html; charset=utf-8", page("Customs stop deputy mayor", null, "en",
            STORY + extra)
            .getBytes(StandardCharsets.UTF_8));
      }
    });
    IngestConfig cfg = IngestConfig.of(Map.of(IngestConfig.READ_DEADLINE_MS, "1500",
        IngestConfig.REQUEST_TIMEOUT_MS, "1000", IngestConfig.PAGE_RECHECK_MS, "60000", IngestConfig.PROGRESS,
        "never"));
    SteppedClock clock = new SteppedClock(Instant.parse("2026-03-02T08:00:00Z"));
    FeedSource source = new FeedSource(cfg, new HttpFetcher(cfg), URI.create(server.url("/quiet")), clock);
    Harness h = new Harness();
    try (IngestApp app = h.app(cfg, List.of(source))) {
      assertThat(app.run().published()).isEqualTo(1);
      clock.advance(Duration.ofSeconds(30));
      app.run();
      assertThat(server.requests("/page")).as("not due yet").hasSize(1);
      clock.advance(Duration.ofSeconds(31));
      assertThat(app.run().updated()).as("due, unchanged: 304").isZero();
      assertThat(server.requests("/page")).hasSize(2);
      assertThat(server.requests("/page").get(1).header("If-None-Match")).isEqualTo("\"p1\"");
      version.set("p2");
      clock.advance(Duration.ofSeconds(61));
      assertThat(app.run().updated()).as("edited page").isEqualTo(1);
    }
    assertThat(server.requests("/quiet")).extracting(r -> r.header("If-None-Match"))
        .containsExactly(null, "\"f1\"", "\"f1\"", "\"f1\"");
    assertThat(h.articles()).hasSize(2);
    assertThat(h.articles().get(1).id()).isEqualTo(h.articles().get(0).id());
    assertThat(h.articles().get(1).body()).contains("released him on bail");
    assertThat(h.registry.get("ingest.feed.polls").tag("feed", server.url("/quiet")).tag("outcome", "not_modified")
        .counter().count()).isEqualTo(3);
    assertThat(h.registry.get("ingest.feed.articles").tag("feed", server.url("/quiet")).tag("result", "updated")
        .counter().count()).isEqualTo(1);
  }

  /** A clock the test moves forward. */
  private static final class SteppedClock extends Clock {
    private Instant now;

    SteppedClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
