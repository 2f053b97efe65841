package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/download.zip} through the real server: whole when every page reads, and when a page fails midway the
 * client sees a failed download (no final chunk, no central directory), never a short zip that opens; the failure is
 * logged and counted.
 */
class ZipDownloadTest {

  /** Rows a page (the server's pages hold 1,000; fewer keep the test quick). */
  private static final int ROWS = 200;

  @TempDir
  Path dir;

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<LogEvent> logged = new CopyOnWriteArrayList<>();
  private final Logger zipLog = (Logger) LogManager.getLogger(ZipDownload.class);
  private AbstractAppender appender;

  @BeforeEach
  void captureLog() {
    appender = new AbstractAppender("zip-download-test", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        logged.add(event.toImmutable());
      }
    };
    appender.start();
    zipLog.addAppender(appender);
  }

  @AfterEach
  void releaseLog() {
    zipLog.removeAppender(appender);
    appender.stop();
  }

  /**
   * Pages of claims whose quotes are random hex, which deflate cannot shrink much: a page is some 30 KB of zip, so
   * the first pages are on the wire before a later one is read. Page {@code failing} (1-based) throws.
   */
  private static ZipDownload.Contents pages(int count, int failing, AtomicInteger read) {
    return new ZipDownload.Contents() {
      @Override
      public List<CountryTotals> countries() {
        return List.of(new CountryTotals("CN", "China", RoleTotals.EMPTY, RoleTotals.EMPTY, 1, null));
      }

      @Override
      public Cursors.Page<ClaimView> claims(String after) {
        int number = read.incrementAndGet();
        if (number == failing) {
          throw ApiException.unavailable("partition 3 of claim-summaries-store moved while read, retry shortly");
        }
        Random random = new Random(number);
        List<ClaimView> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
          StringBuilder quote = new StringBuilder();
          for (int j = 0; j < 16; j++) {
            quote.append(Long.toHexString(random.nextLong()));
          }
          String key = String.format(Locale.ROOT, "officials_fled|officials|CN|-|%d|p%05d", number, i);
          rows.add(new ClaimView(key, "officials_fled", "officials", "CN", "ZZ", BigDecimal.TEN, BigDecimal.TEN,
              "10 officials", null, false, false, false, null, null, null, "2024-03", Instant.EPOCH, Instant.EPOCH,
              1, 1, List.of(new ClaimView.Source("a" + i, "https://news.example.org/" + i, "example.org", null,
                  "t", quote.toString(), Instant.EPOCH))));
        }
        return new Cursors.Page<>(rows, number < count ? "more" : null);
      }
    };
  }

  private RestApi server(ZipDownload.Contents contents) {
    return new RestApi(() -> null, () -> true, () -> "RUNNING", new SseHub(registry), registry, () -> contents)
        .start("127.0.0.1", 0);
  }

  private double failures(String cause) {
    return registry.counter(ZipDownload.FAILURES, "cause", cause).count();
  }

  private static HttpResponse<byte[]> get(int port) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/download.zip")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Everything the server sends on one connection, until it closes it (or resets it). */
  private static byte[] raw(int port) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write("GET /api/download.zip HTTP/1.1\r\nHost: x\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          got.write(buffer, 0, n);
        }
      } catch (java.net.SocketException reset) {
        // an aborted connection may end in a reset: what came before it is what the client got
      }
    }
    return got.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The body of a chunked response, and whether its final (empty) chunk arrived. */
  private record Chunked(byte[] body, boolean complete) {

    static Chunked of(byte[] response) {
      int at = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0) + 4;
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        int eol = indexOf(response, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
        if (eol < 0) {
          return new Chunked(body.toByteArray(), false);
        }
        int size = Integer.parseInt(new String(response, at, eol - at, StandardCharsets.ISO_8859_1).strip(), 16);
        if (size == 0) {
          return new Chunked(body.toByteArray(), true);
        }
        int start = eol + 2;
        int available = Math.min(size, response.length - start);
        body.write(response, start, Math.max(0, available));
        if (available < size) {
          return new Chunked(body.toByteArray(), false);
        }
        at = start + size + 2;
      }
    }
  }

  /** The names of the entries of a zip file, read by its central directory (as an unzip tool or a browser does). */
  private List<String> entries(byte[] zip) throws IOException {
    Path file = Files.write(dir.resolve("download-" + System.nanoTime() + ".zip"), zip);
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(file.toFile())) {
      z.stream().forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  @Test
  void aDownloadWhosePagesAllReadIsAWholeZip() throws Exception {
    AtomicInteger read = new AtomicInteger();
    try (RestApi api = server(pages(4, -1, read))) {
      HttpResponse<byte[]> r = get(api.port());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(entries(r.body())).containsExactly("README.txt", "countries.csv", "countries.json", "claims.csv");
      long claims = 0;
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8)) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().equals("claims.csv")) {
            claims = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count() - 1;
          }
        }
      }
      assertThat(claims).isEqualTo(4L * ROWS);
      assertThat(failures("server") + failures("client")).isZero();
    }
  }

  @Test
  void aPageFailingMidwayAbortsTheDownloadInsteadOfEndingAShortZip() throws Exception {
    AtomicInteger read = new AtomicInteger();
    try (RestApi api = server(pages(6, 4, read))) {
      // an HTTP client sees the transfer fail
      assertThatThrownBy(() -> get(api.port())).isInstanceOf(IOException.class);
      assertThat(failures("server")).isEqualTo(1.0);

      // on the wire: a 200 whose chunked body stops without its final chunk, and what came is not a zip that opens
      read.set(0);
      byte[] response = raw(api.port());
      String head = new String(response, 0, indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0),
          StandardCharsets.ISO_8859_1);
      assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
      Chunked body = Chunked.of(response);
      assertThat(body.complete()).as("the final chunk was sent").isFalse();
      assertThat(body.body().length).as("bytes of zip that reached the client").isGreaterThan(40_000);
      // no end-of-central-directory record (PK 5 6): no tool can open the part as a zip
      assertThat(indexOf(body.body(), new byte[] {'P', 'K', 5, 6}, 0)).isEqualTo(-1);
      assertThatThrownBy(() -> entries(body.body())).isInstanceOf(ZipException.class);
      assertThat(failures("server")).isEqualTo(2.0);
      assertThat(failures("client")).isZero();
    }
    assertThat(logged).filteredOn(e -> e.getLevel() == Level.ERROR).hasSize(2).allSatisfy(e -> {
      assertThat(e.getMessage().getFormattedMessage()).contains("/api/download.zip failed after")
          .contains("connection aborted");
      assertThat(e.getThrown()).isInstanceOf(ApiException.class).hasMessageContaining("moved while read");
    });
  }

  @Test
  void aFailureBeforeAnyByteWasSentIsAnOrdinaryJsonError() throws Exception {
    AtomicInteger read = new AtomicInteger();
    ZipDownload.Contents small = pages(3, 2, read);
    ZipDownload.Contents oneRow = new ZipDownload.Contents() {
      @Override
      public List<CountryTotals> countries() {
        return small.countries();
      }

      @Override
      public Cursors.Page<ClaimView> claims(String after) {
        Cursors.Page<ClaimView> page = small.claims(after);
        return new Cursors.Page<>(page.rows().subList(0, 1), page.next());
      }
    };
    try (RestApi api = server(oneRow)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + api.port() + "/api/download.zip")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
      assertThat(r.headers().firstValue("Content-Disposition")).isEmpty();
      assertThat(r.body()).contains("\"status\":503").contains("moved while read");
      assertThat(failures("server")).isEqualTo(1.0);
    }
    assertThat(logged).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
        .satisfies(e -> assertThat(e.getMessage().getFormattedMessage()).contains("before its first byte"));
  }
}
