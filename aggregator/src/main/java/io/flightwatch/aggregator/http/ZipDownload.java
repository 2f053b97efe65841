package io.flightwatch.aggregator.http;

import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.Json;
import io.javalin.http.Context;
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

/**
 * {@code /api/download.zip}: everything an analyst needs in one file, streamed as it is read (a {@link ZipOutputStream}
 * on the response, the claims a page of {@link RestApi#MAX_LIMIT} at a time, so nothing is truncated and nothing is
 * held whole): {@code README.txt} (columns, the band, the dedup rule, how to cite), {@code countries.csv} and
 * {@code countries.json} (every country's all-time totals) and {@code claims.csv} (every distinct claim).
 */
final class ZipDownload {

  static final String README = "/io/flightwatch/aggregator/http/download-readme.txt";

  private final Supplier<StoreQueries> queries;
  private final CountryQueries countries;
  private final ClaimQueries claims;

  ZipDownload(Supplier<StoreQueries> queries, CountryQueries countries, ClaimQueries claims) {
    this.queries = queries;
    this.countries = countries;
    this.claims = claims;
  }

  void send(Context ctx) throws IOException {
    StoreQueries q = StoreQueries.ready(queries);
    // read before the first byte is sent, so that "not ready" is still a 503 and not a broken file
    List<CountryTotals> totals = countries.all(q, null, null).stream()
        .sorted(Comparator.comparing(t -> CountryQueries.position(t, RestApi.Role.DESTINATION,
            ClaimKind.OFFICIALS_FLED)))
        .toList();
    Cursors.Page<ClaimView> page = claims.allClaims(q, null, RestApi.MAX_LIMIT, null);
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"flightwatch.zip\"");
    OutputStream out = ctx.res().getOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, "README.txt", readme());
      entry(zip, "countries.csv", CsvDownloads.countries(totals).getBytes(StandardCharsets.UTF_8));
      entry(zip, "countries.json", Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(totals));
      zip.putNextEntry(new ZipEntry("claims.csv"));
      boolean header = true;
      while (true) {
        zip.write(CsvDownloads.claims(page.rows(), header).getBytes(StandardCharsets.UTF_8));
        header = false;
        if (page.next() == null || page.rows().isEmpty()) {
          break;
        }
        String after = ClaimQueries.position(page.rows().get(page.rows().size() - 1));
        page = claims.allClaims(q, null, RestApi.MAX_LIMIT, after);
      }
      zip.closeEntry();
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
}
