package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.common.Band;
import io.flightwatch.common.Case;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lists as CSV for analysts, written by Jackson's CSV module: the country totals (one row per country, role and
 * kind with claims: the tidy form of the JSON list, same figures), distinct claims and named people.
 *
 * <pre>
 *   country,name,role,kind,low,high,claims,sources,named_people,articles,updated_at
 *   US,United States,destination,officials_fled,1000,1180,3,5,1,7,2024-05-02T07:00:00Z
 * </pre>
 */
final class CsvDownloads {

  static final String CONTENT_TYPE = "text/csv; charset=utf-8";

  /** Quotes a value only when it needs quotes (by default Jackson quotes every value over 24 characters). */
  private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();
  private static final CsvSchema COUNTRIES = CsvSchema.builder()
      .addColumn("country").addColumn("name").addColumn("role").addColumn("kind")
      .addColumn("low").addColumn("high").addColumn("claims").addColumn("sources").addColumn("named_people")
      .addColumn("articles").addColumn("updated_at")
      .build().withHeader();

  private static final CsvSchema CLAIMS = CsvSchema.builder()
      .addColumn("key").addColumn("kind").addColumn("subject").addColumn("origin").addColumn("destination")
      .addColumn("low").addColumn("high").addColumn("value_text").addColumn("named_person").addColumn("cumulative")
      .addColumn("approximate").addColumn("hedged").addColumn("period").addColumn("period_from").addColumn("period_to")
      .addColumn("month").addColumn("first_seen").addColumn("updated_at").addColumn("sources").addColumn("articles")
      .addColumn("first_source_url").addColumn("first_source_outlet").addColumn("first_source_quote")
      .build().withHeader();

  private static final CsvSchema CASES = CsvSchema.builder()
      .addColumn("id").addColumn("name").addColumn("origin").addColumn("status").addColumn("return_channel")
      .addColumn("destinations").addColumn("offices")
      .addColumn("money_moved_abroad_low_usd").addColumn("money_moved_abroad_high_usd")
      .addColumn("money_recovered_low_usd").addColumn("money_recovered_high_usd").addColumn("events")
      .addColumn("updated_at")
      .build().withHeader();

  private static final CsvSchema FLOWS = CsvSchema.builder()
      .addColumn("from").addColumn("to").addColumn("origin").addColumn("destination").addColumn("kind")
      .addColumn("low").addColumn("high").addColumn("claims").addColumn("sources").addColumn("named_people")
      .build().withHeader();

  private CsvDownloads() {}

  /** A country's flows, one row each ({@code from} -> {@code to} is the way people or money moved). */
  static String flows(List<Flows.Flow> flows) {
    List<Object[]> rows = new ArrayList<>();
    for (Flows.Flow f : flows) {
      rows.add(new Object[] {f.from(), f.to(), f.origin(), f.destination(), f.kind(), plain(f.low()), plain(f.high()),
          f.claims(), f.sources(), f.namedPeople()});
    }
    return write(FLOWS, rows);
  }

  /**
   * Distinct claims, one row each, with the first supporting article (the JSON has up to five; /api/sources has all).
   *
   * <pre>
   *   key,kind,subject,origin,destination,low,high,value_text,...,sources,articles,first_source_url,...
   * </pre>
   */
  static String claims(List<ClaimView> claims) {
    return claims(claims, true);
  }

  /** The claims' rows, with the header line or without it (a later page of one file). */
  static String claims(List<ClaimView> claims, boolean header) {
    List<Object[]> rows = new ArrayList<>();
    for (ClaimView v : claims) {
      ClaimView.Source first = v.sources().isEmpty() ? null : v.sources().get(0);
      rows.add(new Object[] {v.key(), v.kind(), text(v.subject()), text(v.origin()), text(v.destination()),
          plain(v.low()), plain(v.high()), text(v.valueText()), text(v.namedPerson()), v.cumulative(), v.approximate(),
          v.hedged(), text(v.period()), text(v.periodFrom()), text(v.periodTo()), text(v.month()), text(v.firstSeen()),
          text(v.updatedAt()), v.sourceCount(), v.articleCount(), first == null ? "" : text(first.url()),
          first == null ? "" : text(first.outlet()), first == null ? "" : text(first.quote())});
    }
    return write(header ? CLAIMS : CLAIMS.withoutHeader(), rows);
  }

  /**
   * Named people, one row each; lists (destinations, offices) joined with "; ". The money columns are named by their
   * kinds' wire names ({@code money_moved_abroad_low_usd}, ...), as every other answer names the kinds.
   */
  static String cases(List<Case> cases) {
    List<Object[]> rows = new ArrayList<>();
    for (Case c : cases) {
      rows.add(new Object[] {c.id(), c.name(), text(c.origin()), c.status(), text(c.returnChannel()),
          String.join("; ", c.destinations().stream().map(Case.Destination::country).toList()),
          String.join("; ", c.offices()), plain(c.moneyMovedLowUsd()), plain(c.moneyMovedHighUsd()),
          plain(c.moneyRecoveredLowUsd()), plain(c.moneyRecoveredHighUsd()), c.timeline().size(),
          text(c.updatedAt())});
    }
    return write(CASES, rows);
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String plain(java.math.BigDecimal d) {
    return d == null ? "" : d.toPlainString();
  }

  private static String write(CsvSchema schema, List<Object[]> rows) {
    try {
      return MAPPER.writer(schema).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

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
    return write(COUNTRIES, rows);
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
