package io.flightwatch.aggregator.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.aggregator.topology.StoreKeys;
import io.flightwatch.common.Case;
import io.flightwatch.common.Countries;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/cases?country=&status=&limit=} and {@code /api/cases/{id}}. Cases are keyed (and partitioned) by case id,
 * whose first part is the origin, so a country's cases are one key range on each instance.
 */
final class CaseQueries {

  static final Set<String> STATUSES = Set.of("at_large", "located", "arrested_abroad", "returned");
  private static final TypeReference<List<Case>> CASES_LIST = new TypeReference<>() {};

  /** The cursors of {@code /api/cases}: a case's {@link #position}. */
  static final String LIST = "cases";
  static final Pattern POSITION = Pattern.compile("[0-9]{28}\u0000[A-Z]{2}:[^\u0000]{1,300}");

  /**
   * A case's place in the list: latest news first (no date last), then by id; the same on every instance, so lists
   * merge exactly.
   */
  static String position(Case c) {
    Instant t = c.updatedAt();
    String when = t == null ? "9".repeat(28)
        : String.format("%019d%09d", Long.MAX_VALUE - Math.max(0, t.getEpochSecond()), 999_999_999 - t.getNano());
    return StoreKeys.join(when, c.id());
  }

  private final Supplier<StoreQueries> queries;
  private final Forwarder forwarder;

  CaseQueries(Supplier<StoreQueries> queries, Forwarder forwarder) {
    this.queries = queries;
    this.forwarder = forwarder;
  }

  private StoreQueries queries() {
    return StoreQueries.ready(queries);
  }

  /** A country's named people by status, beside the list: {"summary": {...}, "cases": [...]}. */
  void list(Context ctx) {
    String raw = ctx.queryParam("country");
    String country = raw == null || raw.isBlank() ? null : RestApi.iso(raw);
    String status = status(ctx.queryParam("status"));
    int limit = RestApi.limit(ctx.queryParam("limit"), RestApi.DEFAULT_CLAIMS_LIMIT);
    String after = Cursors.after(ctx, LIST, POSITION);
    boolean csv = CsvDownloads.wantsCsv(ctx.queryParam("format"));
    StoreQueries q = queries();
    // Other instances answer from their own part only (/api/cases/local), so a list never fans out twice.
    List<Case> all = new ArrayList<>();
    String path = "/api/cases/local" + (country == null ? "" : "?country=" + country);
    for (HostInfo host : q.hosts(AggregatorTopology.CASES_STORE)) {
      all.addAll(q.isSelf(host) ? local(q, country) : forwarder.fetch(q, host, path, CASES_LIST));
    }
    Map<String, Integer> summary = new TreeMap<>();
    STATUSES.forEach(s -> summary.put(s, 0));
    all.forEach(c -> summary.merge(c.status(), 1, Integer::sum));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("country", country);
    body.put("name", country == null ? null : Countries.name(country));
    body.put("summary", summary);
    Cursors.Page<Case> page = Cursors.page(all.stream().filter(c -> status == null || status.equals(c.status()))
        .toList(), CaseQueries::position, after, limit, LIST, false);
    List<Case> listed = page.rows();
    Cursors.header(ctx, page.next());
    if (csv) {
      CsvDownloads.send(ctx, "flightwatch-cases" + (country == null ? "" : "-" + country), CsvDownloads.cases(listed));
      return;
    }
    body.put("cases", listed.stream().map(KindViews.CaseView::of).toList());
    body.put("next", page.next());
    ctx.json(body);
  }

  /** The part of the list this instance holds (forwarded requests only): the records as on the topic. */
  void localPart(Context ctx) {
    if (!Forwarder.isForwarded(ctx)) {
      throw ApiException.notFound("no such endpoint: " + ctx.path());
    }
    String raw = ctx.queryParam("country");
    ctx.json(local(queries(), raw == null || raw.isBlank() ? null : RestApi.iso(raw)));
  }

  private static List<Case> local(StoreQueries q, String country) {
    String from = country == null ? null : country + ":";
    String to = country == null ? null : StoreKeys.upper(country + ":");
    List<Case> out = new ArrayList<>();
    for (KeyValue<String, Case> kv : q.<Case>localRange(AggregatorTopology.CASES_STORE, from, to, null,
        Integer.MAX_VALUE)) {
      out.add(kv.value);
    }
    return out;
  }

  /** One case by id ("UA:yanukovych"), answered by the instance that owns it. */
  void one(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.length() > 300 || !id.matches("[A-Z]{2}:.+") || id.contains(StoreKeys.SEP)) {
      throw ApiException.badRequest("a case id is an ISO country code, ':' and a name key (e.g. UA:yanukovych)");
    }
    StoreQueries q = queries();
    KeyQueryMetadata md = q.locate(AggregatorTopology.CASES_STORE, id);
    if (q.isSelf(md.activeHost())) {
      ctx.json(KindViews.CaseView.of(q.<Case>localGet(AggregatorTopology.CASES_STORE, id, md.partition())
          .orElseThrow(() -> ApiException.notFound("no case " + id))));
      return;
    }
    if (Forwarder.isForwarded(ctx)) {
      throw ApiException.unavailable("ownership of the case moved (rebalancing), retry shortly");
    }
    forwarder.relay(ctx, q, md.activeHost(), "/api/cases/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
        .replace("+", "%20"));
  }

  private static String status(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip().toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(s)) {
      throw ApiException.badRequest("unknown status (at_large, located, arrested_abroad, returned)");
    }
    return s;
  }
}
