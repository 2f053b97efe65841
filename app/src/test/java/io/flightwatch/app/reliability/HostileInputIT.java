package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flightwatch.aggregator.topology.ClaimChecks;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Json;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.ingest.IngestApp;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.IngestSummary;
import io.flightwatch.ingest.SkipReason;
import io.flightwatch.ingest.source.Source;
import io.flightwatch.ingest.source.Sources;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input for all three services, one table row per kind: where it went (DLQ with which reason, skipped with
 * which reason, or processed safely), whether the service still runs, and whether a valid record sent right after it
 * arrives.
 *
 * <p>The valid record after a hostile one on a Kafka topic uses the same key, so it lands on the same partition behind
 * it: once the valid one is visible, the hostile one has been dealt with. The processor and aggregator run in their own
 * JVMs, as in production; the producer runs in this JVM against a fixture HTTP server on 127.0.0.1.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

  private static final Duration WAIT = Duration.ofMinutes(2);

  private Path dir;
  private Pipeline pipeline;
  private Child processor;
  private Child aggregator;
  private KafkaProducer<byte[], byte[]> producer;
  private HttpServer server;
  private ExecutorService serverThreads;
  private final CountDownLatch releaseStalledResponses = new CountDownLatch(1);
  private final Queue<String> table = new ConcurrentLinkedQueue<>();
  private int rows;
  private int sentinel;

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("rel-hostile");
    pipeline = Pipeline.start(dir);
    processor = pipeline.processor("proc");
    aggregator = pipeline.aggregator("agg");
    Child.startAll(aggregator, processor);
    producer = new KafkaProducer<>(KafkaDefaults.producer(Map.of("bootstrap.servers", pipeline.bootstrap())),
        new ByteArraySerializer(), new ByteArraySerializer());
    startFixtureServer();
  }

  @AfterAll
  void stop() {
    try {
      System.out.println("RELIABILITY hostile-input table (" + rows + " kinds):");
      System.out.println(String.format(Locale.ROOT, "  %-10s | %-38s | %-62s | %-7s | %s", "service", "input",
          "where it went", "running", "valid record after it"));
      table.forEach(System.out::println);
      System.out.println("RELIABILITY hostile-input: " + rows + " kinds across 3 services, every service still running,"
          + " every valid record sent after a hostile one arrived: "
              + (table.stream().allMatch(r -> r.endsWith("arrived"))
          ? "yes" : "NO"));
    } finally {
      releaseStalledResponses.countDown();
      if (server != null) {
        server.stop(0);
      }
      if (serverThreads != null) {
        serverThreads.shutdownNow();
      }
      if (producer != null) {
        producer.close(Duration.ofSeconds(10));
      }
      if (pipeline != null) {
        pipeline.close();
      }
      io.flightwatch.common.kafka.LocalKafka.deleteRecursively(dir);
    }
  }

  // ---------------------------------------------------------------------------------------------- nlp-processor

  static Stream<Arguments> processorCases() {
    String big = "The ferry timetable changed again this week. ".repeat(10 * 1024 * 1024 / 45 + 1);
    return Stream.of(
        row("malformed JSON", k -> utf8("{\"id\":\"" + k + "\",\"title\":\"Half a reco"), "dlq:invalid_json"),
        row("JSON array instead of object", k -> utf8("[\"not\",\"an\",\"article\"]"), "dlq:invalid_json"),
        row("10,000 nested arrays", k -> utf8("[".repeat(10_000) + "]".repeat(10_000)), "dlq:invalid_json"),
        row("binary (random bytes, NUL)", k -> randomBytes(4096), "dlq:binary"),
        row("invalid UTF-8", k -> concat(utf8("{\"id\":\"" + k + "\",\"title\":\"caf"), new byte[] {(byte) 0xC3, 0x28,
            (byte) 0xFF}, utf8("\",\"body\":\"text\"}")), "dlq:binary"),
        row("empty value (0 bytes)", k -> new byte[0], "dlq:empty_record"),
        row("escaped control characters", k -> utf8(article(k, "\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006",
            "\\u0007\\u0008\\u000b\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016")),
            "dlq:binary_text"),
        row("missing id", k -> utf8("{\"title\":\"No id here\",\"body\":\"A body without an id at all.\"}"),
            "dlq:missing_id"),
        row("id differs from key", k -> utf8(article("someone-else", "Wrong id", "The id does not match the key.")),
            "dlq:id_mismatch"),
        row("wrong types (date text, object title)", k -> utf8("{\"id\":\"" + k + "\",\"title\":{\"a\":1},"
            + "\"body\":\"Some body text.\",\"publishedAt\":\"last Tuesday\"}"), "dlq:invalid_field"),
        row("null key", k -> utf8(article("rel-null-key", "Null key", "An article whose record has no key.")),
            "dlq:missing_key"),
        row("unknown fields", k -> utf8("{\"id\":\"" + k + "\",\"title\":\"Extra fields\",\"body\":\"Officials from "
            + "Kenya moved 45 million dollars abroad to Norway, prosecutors said.\",\"shoeSize\":44,"
            + "\"nested\":{\"deep\":[1,2,3]}}"), "processed"),
        row("HTML/script in title and entity names", k -> utf8(article(k,
            "<script>alert('t')</script> Former <b>mayor</b> traced abroad",
            "<img src=x onerror=alert(1)> Dorin <script>Kalvak</script>, a former deputy mayor of a river province, "
                + "fled to Canada in 2017 after auditors found gaps in the budget, prosecutors said.")), "processed"),
        row("absurd number (10^30 dollars)", k -> utf8(article(k, "Impossible sums",
            "Prosecutors said corrupt officials from Peru moved 10^30 dollars abroad to Spain before the audit began."
                + " Officials from Peru moved 1,000,000,000,000,000,000,000,000,000,000 dollars abroad to Spain, "
                + "a blog claimed.")), "processed"),
        row("10 MB body", k -> utf8(article(k, "A very long timetable", big)), "processed"),
        row("tombstone for an unknown article", k -> null, "no output"));
  }

  @ParameterizedTest(name = "processor: {0}")
  @MethodSource("processorCases")
  void processorInput(String kind, Function<String, byte[]> value, String expected) throws Exception {
    String key = "rel-hostile-p" + (++sentinel);
    boolean nullKey = kind.equals("null key");
    producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), nullKey ? null : utf8(key), value.apply(key)))
        .get(30, TimeUnit.SECONDS);
    // the valid record after it: same key (same partition, behind it)
    producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), utf8(key), utf8(article(key, "Valid article " + key,
        "Officials from Kenya moved 45 million dollars abroad to Norway, prosecutors said on Monday."))))
        .get(30, TimeUnit.SECONDS);

    String[] went = new String[1];
    await(kind + ": valid record after it annotated").atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
      List<ConsumerRecord<String, String>> annotated = pipeline.committed(Topics.ARTICLES_ANNOTATED.name()).stream()
          .filter(r -> key.equals(r.key())).toList();
      if (annotated.isEmpty() || !annotated.get(annotated.size() - 1).value().contains("Valid article " + key)) {
        return false;
      }
      went[0] = processorOutcome(key, nullKey, annotated);
      return went[0] != null;
    });
    String where = went[0];
    boolean running = healthy(processor);
    addRow("processor", kind, where, running, true);
    assertThat(where).as(kind).startsWith(expected);
    assertThat(running).as("processor running after " + kind).isTrue();
    if (kind.startsWith("absurd number")) {
      assertAbsurdAmountsNeverCounted(key);
    }
  }

  private String processorOutcome(String key, boolean nullKey, List<ConsumerRecord<String, String>> annotated) {
    for (ConsumerRecord<String, String> r : pipeline.committed(Topics.ARTICLES_DLQ.name())) {
      boolean mine = nullKey ? r.key() == null && "missing_key".equals(header(r, Topics.DLQ_REASON_HEADER))
          : key.equals(r.key());
      if (mine && "nlp-processor".equals(header(r, Topics.DLQ_SERVICE_HEADER))) {
        return "dlq:" + header(r, Topics.DLQ_REASON_HEADER) + " (articles.dlq, " + Topics.DLQ_REASON_HEADER + ")";
      }
    }
    if (nullKey) {
      return null; // not there yet: the null-key record is on another partition than the valid one
    }
    if (annotated.size() >= 2) {
      JsonNode a = Pipeline.tree(annotated.get(0).value());
      JsonNode info = a.path("processing");
      List<String> usd = new ArrayList<>();
      a.path("claims").forEach(c -> {
        if (c.hasNonNull("amountUsd")) {
          usd.add(c.get("amountUsd").asText());
        }
      });
      return "processed (articles.annotated: " + a.path("claims").size() + " claims"
          + (usd.isEmpty() ? "" : ", amountUsd " + usd) + ", relevant=" + info.path("relevant").asBoolean()
          + ", truncated=" + info.path("truncated").asBoolean()
          + (a.path("title").asText().contains("<script>") ? ", title kept as text" : "") + ")";
    }
    return "no output (nothing emitted, nothing in the DLQ)";
  }

  /** A claim the extractor drew from an absurd figure must never reach a total: the aggregator rejects it. */
  private void assertAbsurdAmountsNeverCounted(String articleId) {
    for (ConsumerRecord<String, String> r : pipeline.committed(Topics.CLAIMS.name())) {
      JsonNode c = Pipeline.tree(r.value());
      if (!articleId.equals(c.path("articleId").asText())) {
        continue;
      }
      for (String f : List.of("amountUsd", "amountUsdLow", "amountUsdHigh")) {
        if (c.hasNonNull(f) && c.get(f).decimalValue().compareTo(ClaimChecks.MAX_USD) > 0) {
          await("absurd claim " + r.key() + " rejected by the aggregator").atMost(WAIT)
              .pollInterval(Duration.ofMillis(250))
              .until(() -> pipeline.committed(Topics.ARTICLES_DLQ.name()).stream()
                  .anyMatch(d -> r.key().equals(d.key())
                      && "aggregator".equals(header(d, Topics.DLQ_SERVICE_HEADER))));
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- aggregator

  static Stream<Arguments> aggregatorCases() {
    return Stream.of(
        row("claim count 10^12", k -> claim(k, c -> c.put("count", 1_000_000_000_000L)), "dlq:count out of range"),
        row("claim count negative", k -> claim(k, c -> c.put("count", -5)), "dlq:count out of range"),
        row("claim USD amount 1E+30", k -> claim(k, c -> c.put("kind", "money_moved_abroad").putNull("count")
            .put("amountUsd", new BigDecimal("1E+30"))), "dlq:USD amount out of range"),
        row("claim USD amount negative", k -> claim(k, c -> c.put("kind", "money_moved_abroad").putNull("count")
            .put("amountUsd", new BigDecimal("-1000"))), "dlq:USD amount out of range"),
        row("claim with unknown country code XQ", k -> claim(k, c -> c.put("destination", "XQ")),
            "dlq:unknown destination country code"),
        row("claim with country code of 10 kB", k -> claim(k, c -> c.put("origin", "Q".repeat(10_000))),
            "dlq:unknown origin country code"),
        row("claim without kind", k -> claim(k, c -> c.putNull("kind")), "dlq:missing kind"),
        row("claim without articleId", k -> claim(k, c -> c.putNull("articleId")), "dlq:missing articleId"),
        row("claim: null record key", k -> claim("rel-null-claim-key", c -> { }), "dlq:missing record key"),
        row("claim: malformed JSON", k -> utf8("{\"key\":\"" + k + "\",\"kind\":"), "dlq:exception"),
        row("claim: wrong types (count \"many\")", k -> utf8(new String(claim(k, c -> { }), StandardCharsets.UTF_8)
            .replace("\"count\":1", "\"count\":\"many\"")), "dlq:exception"),
        row("claim: unknown kind", k -> claim(k, c -> c.put("kind", "officials_teleported")), "dlq:exception"),
        row("claim: tombstone (null value)", k -> null, "dlq:null claim value"),
        row("claim: HTML/script in named person", k -> claim(k, c -> c.put("namedPerson",
            "<script>alert(1)</script> Brenn Oduya").put("quote", "<img src=x onerror=alert(2)> fled to Norway")),
            "counted"));
  }

  @ParameterizedTest(name = "aggregator: {0}")
  @MethodSource("aggregatorCases")
  void aggregatorInput(String kind, Function<String, byte[]> value, String expected) throws Exception {
    int n = ++sentinel;
    String key = "officials_fled|person|rel hostile " + n + "|NO";
    boolean nullKey = kind.contains("null record key");
    producer.send(new ProducerRecord<>(Topics.CLAIMS.name(), nullKey ? null : utf8(key), value.apply(key)))
        .get(30, TimeUnit.SECONDS);
    String validArticle = "rel-valid-claim-" + n;
    producer.send(new ProducerRecord<>(Topics.CLAIMS.name(), utf8(key), claim(key, c -> c.put("articleId", validArticle)
        .put("id", validArticle + "#0")))).get(30, TimeUnit.SECONDS);

    String[] went = new String[1];
    await(kind + ": valid claim after it counted").atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .until(() -> {
          JsonNode claims = pipeline.getJson(aggregator.url() + "/api/claims?country=NO&limit=1000");
          JsonNode mine = null;
          for (JsonNode c : claims) {
            if (key.equals(c.path("key").asText())) {
              mine = c;
            }
          }
          if (mine == null || !mine.path("sources").toString().contains(validArticle)) {
            return false;
          }
          went[0] = aggregatorOutcome(key, nullKey, mine);
          return went[0] != null;
        });
    String where = went[0];
    boolean running = healthy(aggregator);
    addRow("aggregator", kind, where, running, true);
    assertThat(where).as(kind).startsWith(expected);
    assertThat(running).as("aggregator running after " + kind).isTrue();
  }

  private String aggregatorOutcome(String key, boolean nullKey, JsonNode counted) {
    for (ConsumerRecord<String, String> r : pipeline.committed(Topics.ARTICLES_DLQ.name())) {
      boolean mine = nullKey ? r.key() == null && "aggregator".equals(header(r, Topics.DLQ_SERVICE_HEADER))
          : key.equals(r.key());
      if (!mine || "nlp-processor".equals(header(r, Topics.DLQ_SERVICE_HEADER))) {
        continue;
      }
      String reason = header(r, Topics.DLQ_REASON_HEADER);
      if (reason != null) {
        return "dlq:" + reason + " (" + Topics.DLQ_REASON_HEADER + ")";
      }
      String exception = header(r, "__streams.errors.exception");
      if (exception != null) {
        return "dlq:exception " + exception.substring(exception.lastIndexOf('.') + 1) + " (__streams.errors.*)";
      }
    }
    if (nullKey) {
      return null;
    }
    // Both articles support the claim (they share an outlet, so it is one independent source).
    if (counted.path("articleCount").asInt() >= 2) {
      return "counted (JSON string over REST: " + counted.path("namedPerson").asText().replace("\n", " ") + ")";
    }
    return "skipped (no DLQ record, not counted)";
  }

  // ---------------------------------------------------------------------------------------------- ingest-producer

  static Stream<Arguments> producerCases() {
    return Stream.of(
        Arguments.of("feed: XXE (external entity /etc/passwd)", "/xxe.xml", SkipReason.XML_DOCTYPE_FORBIDDEN),
        Arguments.of("feed: billion laughs", "/laughs.xml", SkipReason.XML_DOCTYPE_FORBIDDEN),
        Arguments.of("feed: HTTP 500", "/error500", SkipReason.HTTP_ERROR),
        Arguments.of("feed: slow-loris (headers, then silence)", "/slow", SkipReason.TIMEOUT),
        Arguments.of("feed: redirect loop", "/loop-a", SkipReason.REDIRECT_LOOP),
        Arguments.of("feed: 3 MB body, Content-Length (cap 1 MB)", "/big.xml", SkipReason.BODY_TOO_LARGE),
        Arguments.of("feed: 3 MB body, chunked (cap 1 MB)", "/big-chunked.xml", SkipReason.BODY_TOO_LARGE),
        Arguments.of("feed: malformed XML", "/malformed.xml", SkipReason.MALFORMED_XML),
        Arguments.of("feed: HTML page instead of a feed", "/page.html", SkipReason.NOT_A_FEED),
        Arguments.of("file: binary bytes as .txt", "file:binary.txt", SkipReason.INVALID_UTF8),
        Arguments.of("file: empty .txt", "file:empty.txt", SkipReason.EMPTY_BODY),
        Arguments.of("file: malformed JSON line", "file:bad.jsonl", SkipReason.INVALID_JSON),
        Arguments.of("file: JSON without body", "file:nobody.json", SkipReason.MISSING_FIELD),
        Arguments.of("file: 2 MB .txt (cap 1 MB)", "file:huge.txt", SkipReason.BODY_TOO_LARGE));
  }

  @ParameterizedTest(name = "producer: {0}")
  @MethodSource("producerCases")
  void producerInput(String kind, String input, SkipReason expected) throws Exception {
    int n = ++sentinel;
    Settings s = Settings.load(IngestConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, pipeline.bootstrap(),
        IngestConfig.PROGRESS, "never",
        IngestConfig.MAX_BODY_BYTES, String.valueOf(1024 * 1024),
        IngestConfig.CONNECT_TIMEOUT_MS, "2000",
        IngestConfig.REQUEST_TIMEOUT_MS, "2000",
        IngestConfig.READ_DEADLINE_MS, "2000"));
    IngestConfig config = new IngestConfig(s);
    List<Source> sources = new ArrayList<>();
    if (input.startsWith("file:")) {
      sources.add(Sources.path(config, localFile(input.substring(5))));
    } else {
      sources.addAll(Sources.feeds(config, List.of(URI.create(base() + input))));
    }
    sources.addAll(Sources.feeds(config, List.of(URI.create(base() + "/good/" + n + ".xml"))));
    IngestSummary summary;
    boolean running;
    try (IngestApp app = new IngestApp(s, sources)) {
      summary = app.run();
      running = app.failure() == null;
    }
    String goodUrl = base() + "/articles/" + n;
    await(kind + ": the good feed's article published after it").atMost(WAIT).pollInterval(Duration.ofMillis(250))
        .until(() -> pipeline.committed(Topics.ARTICLES_RAW.name()).stream()
            .anyMatch(r -> r.value() != null && r.value().contains(goodUrl)));
    String where = summary.skipped(expected) > 0 ? "skipped: " + expected.name().toLowerCase(Locale.ROOT)
        + " (ingest.skipped counter; " + summary.line() + ")" : "NOT skipped as expected: " + summary.line();
    addRow("producer", kind, where, running, true);
    assertThat(summary.skipped(expected)).as(kind + ": " + summary.line()).isEqualTo(1);
    assertThat(summary.published()).as("the good article after it").isEqualTo(1);
    assertThat(running).isTrue();
    if (kind.contains("XXE")) {
      assertThat(pipeline.committed(Topics.ARTICLES_RAW.name())).noneMatch(r -> r.value() != null
          && r.value().contains("root:"));
    }
  }

  // ---------------------------------------------------------------------------------------------- fixtures

  private void startFixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serverThreads = Executors.newFixedThreadPool(8);
    server.setExecutor(serverThreads);
    server.createContext("/xxe.xml", ex -> respond(ex, 200, "application/rss+xml", "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        + rss("<item><title>&xxe;</title><link>" + base() + "/articles/xxe</link><description>&xxe;</description>"
            + "</item>")));
    StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    lol.append("]>\n").append(rss("<item><title>&lol9;</title><description>&lol9;</description></item>"));
    server.createContext("/laughs.xml", ex -> respond(ex, 200, "application/rss+xml", lol.toString()));
    server.createContext("/error500", ex -> respond(ex, 500, "text/plain", "internal error"));
    server.createContext("/slow", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(utf8("<?xml version=\"1.0\"?><rss"));
        out.flush();
        // then nothing: the producer's read deadline must cut the connection (released at teardown)
        releaseStalledResponses.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the client hung up, as it should
      }
    });
    server.createContext("/loop-a", ex -> redirect(ex, base() + "/loop-b"));
    server.createContext("/loop-b", ex -> redirect(ex, base() + "/loop-a"));
    String huge = rss("<item><title>Huge</title><description>" + "x".repeat(3 * 1024 * 1024) + "</description></item>");
    server.createContext("/big.xml", ex -> respond(ex, 200, "application/rss+xml", huge));
    server.createContext("/big-chunked.xml", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        byte[] bytes = utf8(huge);
        for (int i = 0; i < bytes.length; i += 16 * 1024) {
          out.write(bytes, i, Math.min(16 * 1024, bytes.length - i));
        }
      } catch (IOException e) {
        // the client cancelled at the cap, as it should
      }
    });
    server.createContext("/malformed.xml", ex -> respond(ex, 200, "application/rss+xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Open"));
    server.createContext("/page.html", ex -> respond(ex, 200, "text/html",
        "<html><head><title>Not a feed</title></head><body><p>Just a page about gardening.</p></body></html>"));
    server.createContext("/good/", ex -> {
      String n = ex.getRequestURI().getPath().replaceAll("\\D", "");
      respond(ex, 200, "application/rss+xml", rss("<item><title>Good feed item " + n + "</title><link>" + base()
          + "/articles/" + n + "</link><content:encoded><![CDATA[<p>Officials from Kenya moved 45 million dollars "
          + "abroad to Norway, prosecutors said in the good feed number " + n + ".</p>]]></content:encoded></item>"));
    });
    server.createContext("/articles/", ex -> respond(ex, 404, "text/plain", "not here"));
    server.start();
  }

  private Path localFile(String name) throws IOException {
    Path d = Files.createDirectories(dir.resolve("local-" + (++sentinel)));
    Path f = d.resolve(name);
    switch (name) {
      case "binary.txt" -> Files.write(f, randomBytes(8192));
      case "empty.txt" -> Files.write(f, new byte[0]);
      case "bad.jsonl" -> Files.writeString(f, "{\"title\": \"Unclosed\", \"body\": \n", StandardCharsets.UTF_8);
      case "nobody.json" -> Files.writeString(f, "{\"title\": \"A title and nothing else\"}", StandardCharsets.UTF_8);
      case "huge.txt" -> Files.writeString(f,
          "Long title\n\n" + "Words about nothing much. ".repeat(2 * 1024 * 1024 / 25),
          StandardCharsets.UTF_8);
      default -> throw new IllegalArgumentException(name);
    }
    return f;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String rss(String items) {
    return "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
        + "<title>Fixture</title><link>http://127.0.0.1/</link><description>fixture</description>" + items
        + "</channel></rss>";
  }

  private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = utf8(body);
    ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // the client refused the body (size cap), as it should
    }
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().add("Location", to);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private boolean healthy(Child c) {
    var r = pipeline.get(c.url() + "/health");
    return r.statusCode() == 200 && Pipeline.tree(r.body()).path("state").asText().matches("RUNNING|REBALANCING");
  }

  private synchronized void addRow(String service, String kind, String where, boolean running, boolean arrived) {
    rows++;
    table.add(String.format(Locale.ROOT, "  %-10s | %-38s | %-62s | %-7s | %s", service, kind, where,
        running ? "yes" : "NO", arrived ? "arrived" : "LOST"));
  }

  private static Arguments row(String kind, Function<String, byte[]> value, String expected) {
    return Arguments.of(kind, value, expected);
  }

  private static String article(String id, String title, String body) {
    ObjectNode a = Json.MAPPER.createObjectNode();
    a.put("id", id).putNull("url").putNull("source").put("title", title).put("body", body).put("language", "en")
        .put("publishedAt", "2024-02-01T10:00:00Z").put("fetchedAt", "2024-02-01T10:05:00Z").putNull("contentHash");
    // the JSON escapes of control characters must reach the wire as escapes, not as raw bytes
    return a.toString().replace("\\\\u", "\\u");
  }

  /** A valid claim JSON (every field present), changed by {@code edit}. */
  private static byte[] claim(String key, java.util.function.Consumer<ObjectNode> edit) {
    ObjectNode c = Json.MAPPER.createObjectNode();
    c.put("id", "rel-hostile-article#0").put("key", key).put("articleId", "rel-hostile-article")
        .put("articleVersion", "v1").put("kind", "officials_fled").put("subject", "officials").put("origin", "KE")
        .put("destination", "NO").putArray("destinationsMentioned");
    c.put("count", 1).putNull("amount").putNull("amountLow").putNull("amountHigh").putNull("currency")
        .put("valueText", "Brenn Oduya").putNull("amountUsd").putNull("amountUsdLow").putNull("amountUsdHigh")
        .putNull("usdRateSource").put("approximate", false).put("hedged", false).put("namedPerson", "Brenn Oduya")
        .putNull("period").put("cumulative", false).putNull("overlapsWith")
        .put("quote", "Brenn Oduya fled to Norway, prosecutors said.").put("quoteBegin", 0).put("quoteEnd", 45)
        .put("confidence", 0.8).put("url", "https://news.example.test/hostile").putNull("source")
        .put("title", "Hostile fixture").put("publishedAt", "2024-02-01T10:00:00Z").put("retracted", false);
    edit.accept(c);
    return utf8(c.toString());
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    b[0] = 0;
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
