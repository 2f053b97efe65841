package io.flightwatch.ingest;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The producer's configuration keys (documented in docs/ingest.md) on top of {@link CommonConfig#base()}. */
public final class IngestConfig {

  public static final String MAX_BODY_BYTES = "ingest.max.body.bytes";
  public static final String CONNECT_TIMEOUT_MS = "ingest.http.connect.timeout.ms";
  public static final String REQUEST_TIMEOUT_MS = "ingest.http.request.timeout.ms";
  public static final String READ_DEADLINE_MS = "ingest.http.read.deadline.ms";
  public static final String MAX_REDIRECTS = "ingest.max.redirects";
  public static final String USER_AGENT = "ingest.user.agent";
  public static final String POLL_INTERVAL_MS = "ingest.poll.interval.ms";
  public static final String BACKOFF_MAX_MS = "ingest.backoff.max.ms";
  public static final String PAGE_RECHECK_MS = "ingest.page.recheck.interval.ms";
  public static final String SUMMARY_INTERVAL_MS = "ingest.summary.interval.ms";
  public static final String SEEN_MAX = "ingest.seen.max";
  public static final String TRANSACTIONAL_ID = "ingest.transactional.id";
  public static final String TRANSACTION_MAX_ARTICLES = "ingest.transaction.max.articles";
  public static final String SEND_ATTEMPTS = "ingest.send.attempts";
  public static final String MIN_BODY_CHARS = "ingest.min.body.chars";
  public static final String MAX_INVALID_UTF8_RATIO = "ingest.max.invalid.utf8.ratio";
  public static final String PROGRESS = "ingest.progress";

  public static final String DEFAULT_USER_AGENT =
      "flightwatch-ingest/0.1 (+https://github.com/flightwatch; news research bot)";

  private final Settings settings;

  public IngestConfig(Settings settings) {
    this.settings = settings;
  }

  /** The definition: common keys plus the producer's. */
  public static ConfigDef definition() {
    return CommonConfig.base()
        .define(MAX_BODY_BYTES, Type.INT, 2 * 1024 * 1024, Range.between(1024, 16 * 1024 * 1024), Importance.MEDIUM,
            "Largest HTTP body or local file read, in bytes; enforced while streaming. Larger items are skipped as"
                + " body_too_large.")
        .define(CONNECT_TIMEOUT_MS, Type.LONG, 5_000L, Range.between(100, 120_000), Importance.LOW,
            "HTTP connect timeout.")
        .define(REQUEST_TIMEOUT_MS, Type.LONG, 15_000L, Range.between(100, 300_000), Importance.LOW,
            "HTTP timeout until the response headers arrive.")
        .define(READ_DEADLINE_MS, Type.LONG, 30_000L, Range.between(100, 600_000), Importance.LOW,
            "Total deadline for one fetch (all redirects, headers and the whole body): a server that trickles bytes"
                + " (slow-loris) is cut off here.")
        .define(MAX_REDIRECTS, Type.INT, 5, Range.between(0, 20), Importance.LOW,
            "Redirects followed per fetch; more is skipped as too_many_redirects, a cycle as redirect_loop.")
        .define(USER_AGENT, Type.STRING, DEFAULT_USER_AGENT, new ConfigDef.NonEmptyString(), Importance.LOW,
            "User-Agent header of every HTTP request.")
        .define(POLL_INTERVAL_MS, Type.LONG, 120_000L, Range.atLeast(1_000), Importance.MEDIUM,
            "Interval between two polls of one feed (a poll is a conditional GET: an unchanged feed costs one "
            + "request).")
        .define(BACKOFF_MAX_MS, Type.LONG, 3_600_000L, Range.atLeast(1_000), Importance.LOW,
            "Upper bound of the back-off of a failing feed (the interval doubles per consecutive failure up to this).")
        .define(PAGE_RECHECK_MS, Type.LONG, 21_600_000L, Range.atLeast(1_000), Importance.LOW,
            "Interval between two conditional GETs of a feed article's linked page, so an edit to the page becomes a"
                + " new version even when its feed entry (or the whole feed) is unchanged; at most 20 pages per poll.")
        .define(SUMMARY_INTERVAL_MS, Type.LONG, 900_000L, Range.atLeast(1_000), Importance.LOW,
            "While feeds are polled, a summary line (published, updated, duplicates, skipped by reason) this often.")
        .define(SEEN_MAX, Type.INT, 1_000_000, Range.atLeast(1), Importance.MEDIUM,
            "Article ids remembered in memory (loaded from ingest.seen at start, oldest evicted first). An evicted id "
                + "seen again is published again (downstream treats it as the same article id).")
        .define(TRANSACTIONAL_ID, Type.STRING, ProducerIdentity.AUTO, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Kafka transactional.id of the producer. auto: derived from its sources (folders, files, feed URLs), so a"
                + " restarted producer of the same sources resumes (the broker aborts what its crashed predecessor left"
                + " open) and producers of other sources never fence each other; stdin alone gets a random id. Two"
                + " producers of the same sources at once need ids of their own.")
        .define(TRANSACTION_MAX_ARTICLES, Type.INT, 100, Range.between(1, 10_000), Importance.LOW,
            "Articles per Kafka transaction; a transaction is also committed at the end of each feed poll and file.")
        .define(SEND_ATTEMPTS, Type.INT, 5, Range.between(1, 100), Importance.LOW,
            "Attempts to commit one transaction (abort and resend between attempts) before stopping with an error.")
        .define(MIN_BODY_CHARS, Type.INT, 40, Range.atLeast(1), Importance.LOW,
            "Shortest body kept; shorter (empty or boilerplate-only) items are skipped as empty_body.")
        .define(MAX_INVALID_UTF8_RATIO, Type.DOUBLE, 0.01, Range.between(0.0, 1.0), Importance.LOW,
            "Largest share of undecodable characters (replaced by U+FFFD) in a kept text; above it: invalid_utf8.")
        .define(PROGRESS, Type.STRING, "auto", ValidString.in("auto", "always", "never"), Importance.LOW,
            "Progress bar on stderr for finite inputs: auto (only on a terminal), always, never.");
  }

  /** Loads {@link #definition()} with the given overrides (tests, the launcher). */
  public static IngestConfig of(Map<String, String> overrides) {
    return new IngestConfig(Settings.load(definition(), null, Map.of(), overrides));
  }

  public Settings settings() {
    return settings;
  }

  public int maxBodyBytes() {
    return settings.getInt(MAX_BODY_BYTES);
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(settings.getLong(CONNECT_TIMEOUT_MS));
  }

  public Duration requestTimeout() {
    return Duration.ofMillis(settings.getLong(REQUEST_TIMEOUT_MS));
  }

  public Duration readDeadline() {
    return Duration.ofMillis(settings.getLong(READ_DEADLINE_MS));
  }

  public int maxRedirects() {
    return settings.getInt(MAX_REDIRECTS);
  }

  public String userAgent() {
    return settings.getString(USER_AGENT);
  }

  public Duration pollInterval() {
    return Duration.ofMillis(settings.getLong(POLL_INTERVAL_MS));
  }

  public Duration pageRecheckInterval() {
    return Duration.ofMillis(settings.getLong(PAGE_RECHECK_MS));
  }

  public Duration summaryInterval() {
    return Duration.ofMillis(settings.getLong(SUMMARY_INTERVAL_MS));
  }

  public Duration backoffMax() {
    return Duration.ofMillis(settings.getLong(BACKOFF_MAX_MS));
  }

  public int seenMax() {
    return settings.getInt(SEEN_MAX);
  }

  public String transactionalId() {
    return settings.getString(TRANSACTIONAL_ID);
  }

  public int transactionMaxArticles() {
    return settings.getInt(TRANSACTION_MAX_ARTICLES);
  }

  public int sendAttempts() {
    return settings.getInt(SEND_ATTEMPTS);
  }

  public int minBodyChars() {
    return settings.getInt(MIN_BODY_CHARS);
  }

  public double maxInvalidUtf8Ratio() {
    return settings.getDouble(MAX_INVALID_UTF8_RATIO);
  }

  public String progress() {
    return settings.getString(PROGRESS);
  }
}
