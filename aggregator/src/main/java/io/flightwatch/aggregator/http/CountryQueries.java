package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.aggregator.topology.MonthlyTotals;
import io.flightwatch.aggregator.topology.StoreKeys;
import io.flightwatch.aggregator.topology.YearSpan;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/countries?role=&kind=&from=&to=&limit=&cursor=}: every country's totals, gathered from every instance
 * (one entry per country each) and ranked by the chosen role and kind's band.
 */
final class CountryQueries {

  private static final TypeReference<List<KindViews.Country>> TOTALS_LIST = new TypeReference<>() {};

  static final String LIST = "countries";
  static final Pattern POSITION = Pattern.compile("[0-9.]{19}\u0000[0-9.]{19}\u0000[A-Z]{2}");

  private final Supplier<StoreQueries> queries;
  private final Forwarder forwarder;

  CountryQueries(Supplier<StoreQueries> queries, Forwarder forwarder) {
    this.queries = queries;
    this.forwarder = forwarder;
  }

  void countries(Context ctx) {
    RestApi.Role role = RestApi.role(ctx.queryParam("role"));
    ClaimKind kind = RestApi.kind(ctx.queryParam("kind"), ClaimKind.OFFICIALS_FLED);
    int limit = RestApi.limit(ctx.queryParam("limit"), RestApi.MAX_LIMIT);
    Integer from = ClaimQueries.year(ctx.queryParam("from"));
    Integer to = ClaimQueries.year(ctx.queryParam("to"));
    String after = Cursors.after(ctx, LIST, POSITION);
    StoreQueries q = StoreQueries.ready(queries);
    List<CountryTotals> all = Forwarder.isForwarded(ctx) ? localTotals(q, from, to) : all(q, from, to);
    Cursors.Page<CountryTotals> page = Cursors.page(all, t -> position(t, role, kind), after, limit, LIST, false);
    Cursors.header(ctx, page.next());
    if (CsvDownloads.wantsCsv(ctx.queryParam("format"))) {
      CsvDownloads.send(ctx, "flightwatch-countries", CsvDownloads.countries(page.rows()));
    } else {
      ctx.json(page.rows().stream().map(KindViews.Country::of).toList());
    }
  }

  /**
   * A country's place in the list: by that role and kind's {@code high} desc, then {@code low} desc, then code.
   */
  static String position(CountryTotals t, RestApi.Role role, ClaimKind kind) {
    return StoreKeys.join(Cursors.descending(role.of(t).of(kind).high()), Cursors.descending(role.of(t).of(kind).low()),
        t.country());
  }

  /** Every country's totals (all time, or over a span of years), from every instance. */
  List<CountryTotals> all(StoreQueries q, Integer from, Integer to) {
    String span = (from == null ? "" : "from=" + from) + (to == null ? "" : (from == null ? "" : "&") + "to=" + to);
    TreeMap<String, CountryTotals> all = new TreeMap<>();
    for (HostInfo host : q.hosts(AggregatorTopology.COUNTRY_TOTALS_STORE)) {
      List<CountryTotals> part = q.isSelf(host) ? localTotals(q, from, to)
          : forwarder.fetch(q, host, "/api/countries" + (span.isEmpty() ? "" : "?" + span), TOTALS_LIST).stream()
              .map(KindViews.Country::totals).toList();
      part.forEach(t -> all.put(t.country(), t));
    }
    return new ArrayList<>(all.values());
  }

  /** This instance's countries: all-time totals, or with a span of years the sum of those years ({@link YearSpan}). */
  private static List<CountryTotals> localTotals(StoreQueries q, Integer from, Integer to) {
    List<CountryTotals> out = new ArrayList<>();
    Map<String, CountryTotals> allTime = new HashMap<>();
    for (KeyValue<String, CountryTotals> kv : q.<CountryTotals>localAll(AggregatorTopology.COUNTRY_TOTALS_STORE)) {
      allTime.put(kv.key, kv.value);
    }
    if (from == null && to == null) {
      return new ArrayList<>(allTime.values());
    }
    Map<String, List<MonthlyTotals.Month>> years = new TreeMap<>();
    for (KeyValue<String, MonthlyTotals.Month> kv : q.<MonthlyTotals.Month>localAll(
        AggregatorTopology.YEARLY_TOTALS_STORE)) {
      if (YearSpan.within(StoreKeys.last(kv.key), from, to)) {
        years.computeIfAbsent(StoreKeys.first(kv.key), c -> new ArrayList<>()).add(kv.value);
      }
    }
    years.forEach((country, ys) -> {
      CountryTotals t = allTime.get(country);
      out.add(YearSpan.over(country, ys, t == null ? 0 : t.articles(), t == null ? null : t.updatedAt()));
    });
    return out;
  }
}
