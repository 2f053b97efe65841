package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.aggregator.topology.ClaimSummary;
import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.aggregator.topology.MonthlyTotals;
import io.flightwatch.aggregator.topology.Months;
import io.flightwatch.aggregator.topology.Role;
import io.flightwatch.aggregator.topology.StoreKeys;
import io.flightwatch.aggregator.topology.Support;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The claim lists and a country's months, each a range query on the instance that owns the data: a country's claims and
 * months on the owner of the country, a claim's supports on the owner of the claim, and the global list as the first
 * entries of each partition's ranking index, merged. No request scans every claim.
 */
final class ClaimQueries {

  private static final TypeReference<List<ClaimView>> CLAIMS_LIST = new TypeReference<>() {};

  /** The cursors of the claim lists ({@code /api/claims}, a country's evidence): a claim's {@link #position}. */
  static final String LIST = "claims";
  static final Pattern POSITION = Pattern.compile("\\d{10}\u0000[^\u0000]{1,2000}");

  private final Supplier<StoreQueries> queries;
  private final Forwarder forwarder;

  ClaimQueries(Supplier<StoreQueries> queries, Forwarder forwarder) {
    this.queries = queries;
    this.forwarder = forwarder;
  }

  private StoreQueries queries() {
    return StoreQueries.ready(queries);
  }

  /** {@code /api/claims?country=&kind=&limit=&cursor=}. */
  void claims(Context ctx) {
    String raw = ctx.queryParam("country");
    String country = raw == null || raw.isBlank() ? null : RestApi.iso(raw);
    ClaimKind kind = RestApi.kind(ctx.queryParam("kind"), null);
    int limit = RestApi.limit(ctx.queryParam("limit"), RestApi.DEFAULT_CLAIMS_LIMIT);
    String after = Cursors.after(ctx, LIST, POSITION);
    String cursor = after == null ? "" : "&cursor=" + ctx.queryParam("cursor");
    boolean csv = CsvDownloads.wantsCsv(ctx.queryParam("format"));
    if (country != null) {
      countryClaims(ctx, country, kind, limit, after, "/api/claims?country=" + country + "&limit=" + limit
          + (kind == null ? "" : "&kind=" + kind.wireName()) + cursor + (csv ? "&format=csv" : ""), false);
      return;
    }
    StoreQueries q = queries();
    Cursors.Page<ClaimView> page = Forwarder.isForwarded(ctx) ? rankedLocally(q, kind, limit, after)
        : allClaims(q, kind, limit, after);
    Cursors.header(ctx, page.next());
    send(ctx, page.rows(), csv, "flightwatch-claims");
  }

  /** One page of the claims of every instance, merged: each instance's page after the cursor, then the first. */
  Cursors.Page<ClaimView> allClaims(StoreQueries q, ClaimKind kind, int limit, String after) {
    String path = "/api/claims?limit=" + limit + (kind == null ? "" : "&kind=" + kind.wireName())
        + (after == null ? "" : "&cursor=" + Cursors.encode(LIST, after));
    List<ClaimView> all = new ArrayList<>();
    boolean more = false;
    for (HostInfo host : q.hosts(AggregatorTopology.CLAIM_SUMMARIES_STORE)) {
      Cursors.Page<ClaimView> part = q.isSelf(host) ? rankedLocally(q, kind, limit, after)
          : forwarder.fetchPage(q, host, path, CLAIMS_LIST);
      all.addAll(part.rows());
      more |= part.next() != null;
    }
    return Cursors.page(all, ClaimQueries::position, after, limit, LIST, more);
  }

  /** A claim's place in the claim lists: most independent sources first, then by key (the ranking indexes' order). */
  static String position(ClaimView v) {
    return StoreKeys.join(StoreKeys.descending(v.sourceCount()), v.key());
  }

  private static void send(Context ctx, List<ClaimView> claims, boolean csv, String name) {
    if (csv) {
      CsvDownloads.send(ctx, name, CsvDownloads.claims(claims));
    } else {
      ctx.json(claims);
    }
  }

  /** {@code /api/countries/{iso}/evidence?kind=&limit=}: the claims counted for a country in either role. */
  void evidence(Context ctx) {
    String iso = RestApi.iso(ctx.pathParam("iso"));
    ClaimKind kind = RestApi.kind(ctx.queryParam("kind"), null);
    int limit = RestApi.limit(ctx.queryParam("limit"), RestApi.DEFAULT_CLAIMS_LIMIT);
    String after = Cursors.after(ctx, LIST, POSITION);
    boolean csv = CsvDownloads.wantsCsv(ctx.queryParam("format"));
    countryClaims(ctx, iso, kind, limit, after, "/api/countries/" + iso + "/evidence?limit=" + limit
        + (kind == null ? "" : "&kind=" + kind.wireName()) + (after == null ? "" : "&cursor="
            + ctx.queryParam("cursor"))
        + (csv ? "&format=csv" : ""), true);
  }

  private void countryClaims(Context ctx, String iso, ClaimKind kind, int limit, String after, String path,
      boolean asEvidence) {
    StoreQueries q = queries();
    KeyQueryMetadata md = q.locate(AggregatorTopology.COUNTRY_TOTALS_STORE, iso);
    if (!q.isSelf(md.activeHost())) {
      if (Forwarder.isForwarded(ctx)) {
        throw ApiException.unavailable("ownership of " + iso + " moved (rebalancing), retry shortly");
      }
      forwarder.relay(ctx, q, md.activeHost(), path);
      return;
    }
    Map<String, ClaimView> found = new TreeMap<>();
    String scope = kind == null ? StoreKeys.ALL_KINDS : kind.wireName();
    for (Role role : Role.values()) {
      // each role's first limit + 1 entries after the cursor: enough to know whether a next page exists
      String prefix = StoreKeys.countryRankPrefix(iso, role.wireName(), scope);
      for (KeyValue<String, String> kv : q.<String>localRange(AggregatorTopology.COUNTRY_INDEX_STORE,
          after == null ? prefix : prefix + after + StoreKeys.SEP, StoreKeys.upper(prefix), md.partition(),
          limit + 1)) {
        String key = StoreKeys.last(kv.key);
        q.<ClaimView>localGet(AggregatorTopology.COUNTRY_CLAIMS_STORE, StoreKeys.join(iso, role.wireName(), key),
            md.partition()).ifPresent(v -> found.putIfAbsent(v.key(), v));
      }
    }
    Cursors.Page<ClaimView> page = Cursors.page(new ArrayList<>(found.values()), ClaimQueries::position, after, limit,
        LIST, false);
    List<ClaimView> claims = page.rows();
    Cursors.header(ctx, page.next());
    boolean csv = CsvDownloads.wantsCsv(ctx.queryParam("format"));
    if (!asEvidence) {
      send(ctx, claims, csv, "flightwatch-claims-" + iso);
      return;
    }
    if (claims.isEmpty() && after == null) {
      throw ApiException.notFound("no claims counted for " + iso + " (" + Countries.name(iso) + ")");
    }
    if (csv) {
      send(ctx, claims, true, "flightwatch-evidence-" + iso);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("country", iso);
    body.put("name", Countries.name(iso));
    body.put("claims", claims);
    body.put("next", page.next());
    ctx.json(body);
  }

  /** This instance's page: the first entries after the cursor of each partition's ranking index, merged by key. */
  private Cursors.Page<ClaimView> rankedLocally(StoreQueries q, ClaimKind kind, int limit, String after) {
    String prefix = StoreKeys.prefix(kind == null ? StoreKeys.ALL_KINDS : kind.wireName());
    // Each partition's first entries, merged by their keys (which sort in list order), before any summary is read;
    // one more than the page, to know whether a next page exists.
    List<String> ranked = new ArrayList<>();
    for (KeyValue<String, String> kv : q.<String>localRange(AggregatorTopology.CLAIM_RANK_STORE,
        after == null ? prefix : prefix + after + StoreKeys.SEP, StoreKeys.upper(prefix), null, limit + 1)) {
      ranked.add(kv.key);
    }
    ranked.sort(null);
    List<ClaimView> out = new ArrayList<>();
    for (String rankKey : ranked.subList(0, Math.min(limit, ranked.size()))) {
      String key = StoreKeys.last(rankKey);
      KeyQueryMetadata md = q.locate(AggregatorTopology.CLAIM_SUMMARIES_STORE, key);
      q.<ClaimSummary>localGet(AggregatorTopology.CLAIM_SUMMARIES_STORE, key, md.partition())
          .ifPresent(s -> out.add(s.view()));
    }
    return Cursors.page(out, ClaimQueries::position, after, limit, LIST, ranked.size() > limit);
  }

  /**
   * {@code /api/sources?claim=KEY&after=ARTICLE&limit=}: every supporting article of one claim, in article-id order.
   */
  void sources(Context ctx) {
    String key = ctx.queryParam("claim");
    if (key == null || key.isBlank() || key.length() > 2_000 || key.contains(StoreKeys.SEP)) {
      throw ApiException.badRequest("claim= must be a canonical claim key");
    }
    // the page's "next" is the last article id: passed back as after= (or as cursor=, like the other lists)
    String cursor = ctx.queryParam("cursor");
    String after = cursor != null && !cursor.isEmpty() ? cursor : ctx.queryParam("after");
    if (after != null && (after.length() > 200 || after.contains(StoreKeys.SEP))) {
      throw ApiException.badRequest("bad cursor: not an article id this API gave as 'next'");
    }
    int limit = RestApi.limit(ctx.queryParam("limit"), RestApi.MAX_LIMIT);
    StoreQueries q = queries();
    KeyQueryMetadata md = q.locate(AggregatorTopology.CLAIM_SUMMARIES_STORE, key);
    if (!q.isSelf(md.activeHost())) {
      if (Forwarder.isForwarded(ctx)) {
        throw ApiException.unavailable("ownership of the claim moved (rebalancing), retry shortly");
      }
      forwarder.relay(ctx, q, md.activeHost(), "/api/sources?claim=" + encode(key) + "&limit=" + limit
          + (after == null ? "" : "&after=" + encode(after)));
      return;
    }
    String prefix = StoreKeys.prefix(key);
    String from = after == null || after.isEmpty() ? prefix : StoreKeys.join(key, after) + StoreKeys.SEP;
    List<ClaimView.Source> out = new ArrayList<>();
    for (KeyValue<String, Support> kv : q.<Support>localRange(AggregatorTopology.CLAIM_SUPPORTS_STORE, from,
        StoreKeys.upper(prefix), md.partition(), limit)) {
      out.add(ClaimView.Source.of(kv.value.claim()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("claim", key);
    body.put("sources", out);
    body.put("next", out.size() < limit ? null : out.get(out.size() - 1).articleId());
    Cursors.header(ctx, (String) body.get("next"));
    ctx.json(body);
  }

  /** {@code /api/countries/{iso}/monthly}: one range over the country's months. */
  void monthly(Context ctx) {
    String iso = RestApi.iso(ctx.pathParam("iso"));
    TreeMap<String, MonthlyTotals.Month> months = periods(ctx, iso, AggregatorTopology.MONTHLY_TOTALS_STORE,
        "/monthly", null, null);
    if (months != null) {
      ctx.json(KindViews.Months.of(iso, Countries.name(iso), months));
    }
  }

  /** {@code /api/countries/{iso}/years?from=YYYY&to=YYYY}: one range over the country's years. */
  void years(Context ctx) {
    String iso = RestApi.iso(ctx.pathParam("iso"));
    Integer from = year(ctx.queryParam("from"));
    Integer to = year(ctx.queryParam("to"));
    String query = (from == null ? "" : "from=" + from) + (to == null ? "" : (from == null ? "" : "&") + "to=" + to);
    TreeMap<String, MonthlyTotals.Month> years = periods(ctx, iso, AggregatorTopology.YEARLY_TOTALS_STORE,
        "/years" + (query.isEmpty() ? "" : "?" + query), from, to);
    if (years != null) {
      ctx.json(KindViews.Years.of(iso, Countries.name(iso), years));
    }
  }

  /**
   * The country's periods from {@code store} on its owner (null when the request was relayed there); with bounds, only
   * years within them ("undated" only when no bound is given).
   */
  private TreeMap<String, MonthlyTotals.Month> periods(Context ctx, String iso, String store, String suffix,
      Integer from, Integer to) {
    StoreQueries q = queries();
    KeyQueryMetadata md = q.locate(AggregatorTopology.COUNTRY_TOTALS_STORE, iso);
    if (!q.isSelf(md.activeHost())) {
      if (Forwarder.isForwarded(ctx)) {
        throw ApiException.unavailable("ownership of " + iso + " moved (rebalancing), retry shortly");
      }
      forwarder.relay(ctx, q, md.activeHost(), "/api/countries/" + iso + suffix);
      return null;
    }
    String prefix = StoreKeys.prefix(iso);
    TreeMap<String, MonthlyTotals.Month> out = new TreeMap<>();
    for (KeyValue<String, MonthlyTotals.Month> kv : q.<MonthlyTotals.Month>localRange(store, prefix,
        StoreKeys.upper(prefix), md.partition(), Integer.MAX_VALUE)) {
      String period = StoreKeys.last(kv.key);
      boolean dated = !period.equals(Months.UNDATED);
      int year = dated ? Integer.parseInt(period.substring(0, 4)) : 0;
      if ((from == null && to == null) || (dated && (from == null || year >= from) && (to == null || year <= to))) {
        out.put(period, kv.value);
      }
    }
    if (out.isEmpty() && from == null && to == null) {
      throw ApiException.notFound("no totals for " + iso + " (" + Countries.name(iso) + ") yet");
    }
    return out;
  }

  static Integer year(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!raw.strip().matches("\\d{4}")) {
      throw ApiException.badRequest("a year is four digits: " + (raw.length() > 10 ? raw.substring(0, 10) : raw));
    }
    return Integer.parseInt(raw.strip());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
