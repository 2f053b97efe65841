package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.flightwatch.common.Band;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The country totals as CSV for analysts: one row per country, role and kind with claims (the tidy form of the JSON
 * list, same figures), written by Jackson's CSV module.
 *
 * <pre>
 *   country,name,role,kind,low,high,claims,sources,named_people,articles,updated_at
 *   US,United States,destination,officials_fled,1000,1180,3,5,1,7,2024-05-02T07:00:00Z
 * </pre>
 */
final class CsvDownloads {

  static final String CONTENT_TYPE = "text/csv; charset=utf-8";

  private static final CsvMapper MAPPER = new CsvMapper();
  private static final CsvSchema COUNTRIES = CsvSchema.builder()
      .addColumn("country").addColumn("name").addColumn("role").addColumn("kind")
      .addColumn("low").addColumn("high").addColumn("claims").addColumn("sources").addColumn("named_people")
      .addColumn("articles").addColumn("updated_at")
      .build().withHeader();

  private CsvDownloads() {}

  /** {@code json} (the default) or {@code csv}; anything else is a 400. */
  static boolean wantsCsv(String format) {
    if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
      return false;
    }
    if (format.strip().equalsIgnoreCase("csv")) {
      return true;
    }
    throw ApiException.badRequest("unknown format: " + (format.length() > 40 ? format.substring(0, 40) + "..." : format)
        + " (json, csv)");
  }

  static String countries(List<CountryTotals> totals) {
    List<Object[]> rows = new ArrayList<>();
    for (CountryTotals t : totals) {
      add(rows, t, "destination", t.asDestination());
      add(rows, t, "origin", t.asOrigin());
    }
    try {
      return MAPPER.writer(COUNTRIES).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(List<Object[]> rows, CountryTotals t, String role, RoleTotals r) {
    if (r == null) {
      return;
    }
    for (ClaimKind k : ClaimKind.values()) {
      Band b = r.of(k);
      if (b != null && b.claims() > 0) {
        rows.add(new Object[] {t.country(), t.name(), role, k.wireName(), b.low().toPlainString(),
            b.high().toPlainString(), b.claims(), b.sources(), b.namedPeople(), t.articles(),
            t.updatedAt() == null ? "" : t.updatedAt().toString()});
      }
    }
  }

  /** Sends {@code csv} as a download named {@code name}.csv. */
  static void send(Context ctx, String name, String csv) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + name.toLowerCase(Locale.ROOT) + ".csv\"");
    ctx.contentType(CONTENT_TYPE).result(csv);
  }
}
