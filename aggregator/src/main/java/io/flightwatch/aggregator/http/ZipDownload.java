package io.flightwatch.aggregator.http;

import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.Json;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/download.zip}: everything an analyst needs in one file, streamed as it is read (a {@link ZipOutputStream}
 * on the response, the claims a page of {@link RestApi#MAX_LIMIT} at a time, so nothing is truncated and nothing is
 * held whole): {@code README.txt} (columns, the band, the dedup rule, how to cite), {@code countries.csv} and
 * {@code countries.json} (every country's all-time totals) and {@code claims.csv} (every distinct claim).
 *
 * <p><b>A failure midway never looks like a complete file.</b> The zip's central directory (without which no tool opens
 * it) is written only after every entry was written whole. When reading a later page or writing fails, nothing more is
 * written: if nothing has reached the client yet, the answer becomes an ordinary JSON error; otherwise the connection
 * is aborted without the final chunk of the chunked response, so the client sees a failed transfer rather than a short
 * zip. Either way the failure is logged and counted ({@code flightwatch_aggregator_download_failures_total}, by
 * {@code cause}: {@code server} when the content could not be read, {@code client} when the connection broke).
 */
final class ZipDownload {

  private static final Logger log = LoggerFactory.getLogger(ZipDownload.class);

  static final String README = "/io/flightwatch/aggregator/http/download-readme.txt";
  static final String FAILURES = "flightwatch.aggregator.download.failures";

  /** What goes into the zip, read through this per request (the stores, or a test's pages). */
  interface Contents {

    /** Every country's all-time totals. */
    List<CountryTotals> countries();

    /** The page of the claim list after {@code after} (null: the first page). */
    Cursors.Page<ClaimView> claims(String after);

    /** From the stores of every instance. */
    static Contents of(StoreQueries q, CountryQueries countries, ClaimQueries claims) {
      return new Contents() {
        @Override
        public List<CountryTotals> countries() {
          return countries.all(q, null, null);
        }

        @Override
        public Cursors.Page<ClaimView> claims(String after) {
          return claims.allClaims(q, null, RestApi.MAX_LIMIT, after);
        }
      };
    }
  }

  private final Supplier<Contents> contents;
  private final Counter serverFailures;
  private final Counter clientFailures;

  /**
   * @param contents called once per request; may throw an {@link ApiException} (503 while the stores are not ready)
   */
  ZipDownload(Supplier<Contents> contents, MeterRegistry registry) {
    this.contents = contents;
    this.serverFailures = failures(registry, "server");
    this.clientFailures = failures(registry, "client");
  }

  private static Counter failures(MeterRegistry registry, String cause) {
    return Counter.builder(FAILURES).tag("cause", cause)
        .description("Zip downloads that failed midway (server: content could not be read; client: connection broke)")
        .register(registry);
  }

  void send(Context ctx) throws IOException {
    Contents source = contents.get();
    // read before the first byte is sent, so that "not ready" is still a 503 and not a broken file
    List<CountryTotals> totals = source.countries().stream()
        .sorted(Comparator.comparing(t -> CountryQueries.position(t, RestApi.Role.DESTINATION,
            ClaimKind.OFFICIALS_FLED)))
        .toList();
    Cursors.Page<ClaimView> first = source.claims(null);
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"flightwatch.zip\"");
    Cuttable out = new Cuttable(ctx.res().getOutputStream());
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    try {
      write(zip, totals, first, source);
      zip.finish(); // the central directory: only now, after every entry was written whole
    } catch (IOException | RuntimeException e) {
      out.cut(); // nothing more reaches the client, least of all a central directory making the part look whole
      closeQuietly(zip); // frees the deflater; writes nothing through the cut stream
      fail(ctx, e, out.written());
      return;
    }
    zip.close();
  }

  private static void write(ZipOutputStream zip, List<CountryTotals> totals, Cursors.Page<ClaimView> first,
      Contents source) throws IOException {
    entry(zip, "README.txt", readme());
    entry(zip, "countries.csv", CsvDownloads.countries(totals).getBytes(StandardCharsets.UTF_8));
    entry(zip, "countries.json", Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(
        totals.stream().map(KindViews.Country::of).toList()));
    zip.putNextEntry(new ZipEntry("claims.csv"));
    Cursors.Page<ClaimView> page = first;
    boolean header = true;
    while (true) {
      zip.write(CsvDownloads.claims(page.rows(), header).getBytes(StandardCharsets.UTF_8));
      header = false;
      if (page.next() == null || page.rows().isEmpty()) {
        break;
      }
      page = source.claims(ClaimQueries.position(page.rows().get(page.rows().size() - 1)));
    }
    zip.closeEntry();
  }

  /**
   * After a failure midway: an ordinary error when nothing was sent yet, else the connection aborted. Only the response
   * stream throws {@link IOException} here, so one means the client's connection broke.
   */
  private void fail(Context ctx, Exception e, long written) {
    boolean client = e instanceof IOException;
    (client ? clientFailures : serverFailures).increment();
    if (!client && !ctx.res().isCommitted()) {
      log.error("/api/download.zip failed before its first byte reached the client; answered with an error", e);
      ctx.res().resetBuffer();
      ctx.res().setHeader("Content-Disposition", null);
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    if (client) {
      log.warn("/api/download.zip: the connection broke after {} bytes ({}); download aborted", written, e.toString());
    } else {
      log.error("/api/download.zip failed after {} bytes of it were written; connection aborted without the zip's "
          + "end, so the client sees a failed download, not a short file", written, e);
    }
    Request.getBaseRequest(ctx.req()).getHttpChannel().abort(e);
  }

  private static void closeQuietly(ZipOutputStream zip) {
    try {
      zip.close();
    } catch (IOException | RuntimeException e) {
      log.debug("closing an aborted zip: {}", e.toString());
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  static byte[] readme() {
    try (InputStream in = ZipDownload.class.getResourceAsStream(README)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + README);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("{generated}", Instant.now().toString()).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The response stream, until cut: then writes, flushes and the close are refused without touching it, so a zip
   * closed after a failure cannot append its central directory, and the response stays open for the error or abort.
   */
  static final class Cuttable extends FilterOutputStream {

    private boolean cut;
    private long written;

    Cuttable(OutputStream out) {
      super(out);
    }

    void cut() {
      cut = true;
    }

    long written() {
      return written;
    }

    private void check() throws IOException {
      if (cut) {
        throw new IOException("download aborted");
      }
    }

    @Override
    public void write(int b) throws IOException {
      check();
      out.write(b);
      written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check();
      out.write(b, off, len);
      written += len;
    }

    @Override
    public void flush() throws IOException {
      check();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (!cut) {
        super.close();
      }
    }
  }
}
