package io.flightwatch.aggregator.http;

import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.aggregator.topology.Role;
import io.flightwatch.aggregator.topology.StoreKeys;
import io.flightwatch.aggregator.topology.YearSpan;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyQueryMetadata;

/**
 * {@code /api/flows?country=XX&kind=&from=&to=}: the country's origin → destination flows, each a band, from the claims
 * the country ledger already keeps per (country, role, claim) ({@code country-claims-store}): one pass over the
 * country's claims in both roles on the instance that owns the country, folded into a band per flow as they are read
 * (no new state, nothing held per claim but the keys seen and the named people).
 */
final class FlowQueries {

  static final String LIST = "flows";
  static final Pattern POSITION = Pattern.compile("[0-9.]{19}\u0000[a-z_]{1,30}\u0000[A-Z]{2}\u0000[A-Z]{2}");

  private final Supplier<StoreQueries> queries;
  private final Forwarder forwarder;

  FlowQueries(Supplier<StoreQueries> queries, Forwarder forwarder) {
    this.queries = queries;
    this.forwarder = forwarder;
  }

  void flows(Context ctx) {
    String raw = ctx.queryParam("country");
    if (raw == null || raw.isBlank()) {
      throw ApiException.badRequest("country= is required (an ISO 3166-1 alpha-2 code, e.g. country=RU)");
    }
    String iso = RestApi.iso(raw);
    ClaimKind kind = RestApi.kind(ctx.queryParam("kind"), null);
    Integer from = ClaimQueries.year(ctx.queryParam("from"));
    Integer to = ClaimQueries.year(ctx.queryParam("to"));
    int limit = RestApi.limit(ctx.queryParam("limit"), RestApi.DEFAULT_CLAIMS_LIMIT);
    String after = Cursors.after(ctx, LIST, POSITION);
    boolean csv = CsvDownloads.wantsCsv(ctx.queryParam("format"));
    StoreQueries q = StoreQueries.ready(queries);
    KeyQueryMetadata md = q.locate(AggregatorTopology.COUNTRY_TOTALS_STORE, iso);
    if (!q.isSelf(md.activeHost())) {
      if (Forwarder.isForwarded(ctx)) {
        throw ApiException.unavailable("ownership of " + iso + " moved (rebalancing), retry shortly");
      }
      forwarder.relay(ctx, q, md.activeHost(), "/api/flows?country=" + iso + "&limit=" + limit
          + (kind == null ? "" : "&kind=" + kind.wireName()) + (from == null ? "" : "&from=" + from)
          + (to == null ? "" : "&to=" + to) + (after == null ? "" : "&cursor=" + ctx.queryParam("cursor"))
          + (csv ? "&format=csv" : ""));
      return;
    }
    Flows flows = new Flows();
    for (Role role : Role.values()) {
      String prefix = StoreKeys.prefix(iso, role.wireName());
      q.<ClaimView>localScan(AggregatorTopology.COUNTRY_CLAIMS_STORE, prefix, StoreKeys.upper(prefix), md.partition(),
          kv -> {
            ClaimView v = kv.value;
            if ((kind == null || kind.wireName().equals(v.kind()))
                && (from == null && to == null || YearSpan.within(v.year(), from, to))) {
              flows.add(v);
            }
          });
    }
    Cursors.Page<Flows.Flow> page = Cursors.page(flows.result(), Flows.Flow::position, after, limit, LIST, false);
    Cursors.header(ctx, page.next());
    if (csv) {
      CsvDownloads.send(ctx, "flightwatch-flows-" + iso, CsvDownloads.flows(page.rows()));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("country", iso);
    body.put("name", Countries.name(iso));
    body.put("flows", page.rows());
    body.put("next", page.next());
    ctx.json(body);
  }
}
