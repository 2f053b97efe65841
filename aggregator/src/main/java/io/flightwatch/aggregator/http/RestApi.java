package io.flightwatch.aggregator.http;

import io.flightwatch.aggregator.topology.AggregatorTopology;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.Json;
import io.flightwatch.common.RoleTotals;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP face of the aggregator: REST over the state stores (answered locally or forwarded to the instance
 * that owns the key; lists gathered from every instance), server-sent events, health, metrics and the dashboard's
 * static files.
 */
public final class RestApi implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RestApi.class);

  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_CLAIMS_LIMIT = 100;

  /** The valid kinds (their wire names, the words of every answer), as every 400 about a kind names them. */
  static final String KINDS = String.join(", ", Arrays.stream(ClaimKind.values()).map(ClaimKind::wireName).toList());

  /** Which role's totals a list is sorted by. */
  enum Role {
    DESTINATION, ORIGIN;

    RoleTotals of(CountryTotals t) {
      return this == DESTINATION ? t.asDestination() : t.asOrigin();
    }
  }

  private final Supplier<StoreQueries> queries;
  private final BooleanSupplier healthy;
  private final Supplier<String> state;
  private final SseHub hub;
  private final PrometheusMeterRegistry registry;
  private final Forwarder forwarder;
  private final ClaimQueries claimQueries;
  private final CaseQueries caseQueries;
  private final CountryQueries countryQueries;
  private final FlowQueries flowQueries;
  private final ZipDownload zipDownload;
  private final MeterRegistry meters;
  private final Javalin app;

  /**
   * @param queries null until the streams client exists; requests then get 503
   */
  public RestApi(Supplier<StoreQueries> queries, BooleanSupplier healthy, Supplier<String> state, SseHub hub,
      PrometheusMeterRegistry registry) {
    this(queries, healthy, state, hub, registry, null);
  }

  /**
   * @param zipContents what {@code /api/download.zip} reads (a test's pages); null: the stores
   */
  RestApi(Supplier<StoreQueries> queries, BooleanSupplier healthy, Supplier<String> state, SseHub hub,
      PrometheusMeterRegistry registry, Supplier<ZipDownload.Contents> zipContents) {
    this.queries = queries;
    this.healthy = healthy;
    this.state = state;
    this.hub = hub;
    this.registry = registry;
    this.meters = registry;
    this.forwarder = new Forwarder(Counter.builder("flightwatch.aggregator.http.forwarded")
        .description("REST requests answered by asking another instance").register(registry));
    this.claimQueries = new ClaimQueries(queries, forwarder);
    this.caseQueries = new CaseQueries(queries, forwarder);
    this.countryQueries = new CountryQueries(queries, forwarder);
    this.flowQueries = new FlowQueries(queries, forwarder);
    this.zipDownload = new ZipDownload(zipContents != null ? zipContents
        : () -> ZipDownload.Contents.of(StoreQueries.ready(queries), countryQueries, claimQueries), registry);
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.staticFiles.add("/public", Location.CLASSPATH);
      config.staticFiles.enableWebjars(); // /webjars/echarts/... for the map
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    });
    routes();
  }

  private void routes() {
    app.before(ctx -> {
      SecurityHeaders.ALL.forEach(ctx::header);
      if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
        throw new ApiException(405, "read-only API: only GET is allowed");
      }
    });
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal error");
    });
    app.error(404, ctx -> {
      // Our own 404s (unknown country) already carry a JSON body; Javalin's "endpoint not found" does not.
      String type = ctx.res().getContentType();
      if (type == null || !type.startsWith("application/json")) {
        error(ctx, 404, "no such endpoint: " + ctx.path());
      }
    });

    // A parameter nobody reads ("?since=", "?format=") is an answer to another question: say so, naming the valid ones.
    app.before(ctx -> QueryParams.check(ctx.path(), ctx.queryParamMap().keySet()));
    app.get("/health", this::health);
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    app.get("/api/countries", countryQueries::countries);
    app.get("/api/countries/{iso}", this::country);
    app.get("/api/countries/{iso}/monthly", claimQueries::monthly);
    app.get("/api/countries/{iso}/years", claimQueries::years);
    app.get("/api/countries/{iso}/evidence", claimQueries::evidence);
    app.get("/api/claims", claimQueries::claims);
    app.get("/api/sources", claimQueries::sources);
    app.get("/api/flows", flowQueries::flows);
    app.get("/api/download.zip", zipDownload::send);
    app.get("/api/cases", caseQueries::list);
    app.get("/api/cases/local", caseQueries::localPart);
    app.get("/api/cases/{id}", caseQueries::one);
    app.get("/api/openapi.json", ctx -> ApiDocs.openApi(ctx));
    app.get("/api/schemas/{name}", ctx -> ApiDocs.schema(ctx, ctx.pathParam("name")));
    SseHandler stream = new SseHandler(hub::join);
    // Javalin opens a stream only for "Accept: text/event-stream" exactly and answers anything else with an empty 200;
    // a client that asks otherwise (curl, "text/event-stream, */*") gets the stream too
    app.get("/api/stream", ctx -> {
      StreamFilter filter = StreamFilter.of(ctx.queryParam("country"), ctx.queryParam("kind"));
      ctx.attribute(StreamFilter.ATTRIBUTE, filter);
      stream.handle(EventStreamRequest.of(ctx));
    });
  }

  private void error(Context ctx, int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    meters.counter("flightwatch.aggregator.http.errors", "status", String.valueOf(status)).increment();
    ctx.status(status).json(body);
  }

  private StoreQueries queries() {
    return StoreQueries.ready(queries);
  }

  /**
   * UP (200) only when the stores answer (Streams RUNNING); RESTORING (503) while a rebalance or a restore from the
   * changelog is under way, when REST would answer 503 too; DOWN (503) otherwise.
   */
  private void health(Context ctx) {
    String s = state.get();
    boolean alive = healthy.getAsBoolean();
    String status = !alive ? "DOWN" : "RUNNING".equals(s) ? "UP" : "RESTORING";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("state", s);
    ctx.status("UP".equals(status) ? 200 : 503).json(body);
  }

  // --- parameters
  // -------------------------------------------------------------------------------------------------------

  static String iso(String raw) {
    return Countries.parse(raw).orElseThrow(() -> ApiException.badRequest(
        "not an ISO 3166-1 alpha-2 country code: " + abbreviate(raw)));
  }

  static ClaimKind kind(String raw, ClaimKind fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    for (ClaimKind k : ClaimKind.values()) {
      if (k.wireName().equals(raw.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw ApiException.badRequest("unknown kind: " + abbreviate(raw) + " (" + KINDS + ")");
  }

  static Role role(String raw) {
    if (raw == null || raw.isBlank()) {
      return Role.DESTINATION;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "destination" -> Role.DESTINATION;
      case "origin" -> Role.ORIGIN;
      default -> throw ApiException.badRequest("unknown role: " + abbreviate(raw) + " (destination, origin)");
    };
  }

  static int limit(String raw, int fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ": " + abbreviate(raw));
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 24 ? s : s.substring(0, 24) + "...";
  }

  // --- key lookups
  // ------------------------------------------------------------------------------------------------------

  /**
   * {@code /api/countries/{iso}}: answered from the local store when this instance owns the country, else by the owner.
   */
  private void country(Context ctx) {
    String iso = iso(ctx.pathParam("iso"));
    StoreQueries q = queries();
    KeyQueryMetadata md = q.locate(AggregatorTopology.COUNTRY_TOTALS_STORE, iso);
    if (q.isSelf(md.activeHost())) {
      Optional<CountryTotals> value = q.localGet(AggregatorTopology.COUNTRY_TOTALS_STORE, iso, md.partition());
      ctx.json(KindViews.Country.of(value.orElseThrow(() -> ApiException.notFound("no totals for " + iso + " ("
          + Countries.name(iso) + ") yet"))));
      return;
    }
    if (Forwarder.isForwarded(ctx)) {
      throw ApiException.unavailable("ownership of " + iso + " moved (rebalancing), retry shortly");
    }
    forwarder.relay(ctx, q, md.activeHost(), "/api/countries/" + iso);
  }

  // --- lifecycle
  // --------------------------------------------------------------------------------------------------------

  public RestApi start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    hub.closeAll();
    app.stop();
  }
}
