package io.flightwatch.common;

import io.flightwatch.common.kafka.KafkaDefaults;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic contract, in one place (documented in docs/topics.md). Topics are created explicitly by
 * {@code flightwatch broker}/{@code up} or the compose init service; brokers run with auto-create off.
 */
public final class Topics {

  /** Partitions of the data topics: room for two instances with two stream threads each and some more. */
  public static final int PARTITIONS = 6;

  /** key = article id; value = the article. */
  public static final TopicSpec<String, Article> ARTICLES_RAW =
      new TopicSpec<>("articles.raw", Serdes.String(), JsonSerde.of(Article.class), PARTITIONS, false,
          KafkaDefaults.MAX_RECORD_BYTES);

  /** key = article id; value = the NLP result for its newest version. */
  public static final TopicSpec<String, AnnotatedArticle> ARTICLES_ANNOTATED =
      new TopicSpec<>("articles.annotated", Serdes.String(), JsonSerde.of(AnnotatedArticle.class), PARTITIONS, false,
          KafkaDefaults.MAX_RECORD_BYTES);

  /** key = canonical claim key ({@link ClaimKeys}); value = one claim or a retraction. */
  public static final TopicSpec<String, Claim> CLAIMS =
      new TopicSpec<>("claims", Serdes.String(), JsonSerde.of(Claim.class), PARTITIONS, false,
          KafkaDefaults.MAX_RECORD_BYTES);

  /**
   * key = ISO 3166-1 alpha-2; value = the country's totals. Compacted: the latest value per country is the state. Its
   * records are bounded (no list grows with the claims behind them), so the topic keeps the usual 1 MB limit.
   */
  public static final TopicSpec<String, CountryTotals> COUNTRY_TOTALS =
      new TopicSpec<>("country-totals", Serdes.String(), JsonSerde.of(CountryTotals.class), PARTITIONS, true,
          KafkaDefaults.BOUNDED_RECORD_BYTES);

  /**
   * key = {@link CountryYear#key} ("CN/2016"); value = the country's totals for that year, or null when no claim is
   * counted in it any more. Compacted: the latest value per country and year is the state.
   */
  public static final TopicSpec<String, CountryYear> COUNTRY_YEARS =
      new TopicSpec<>("country-years", Serdes.String(), JsonSerde.of(CountryYear.class), PARTITIONS, true,
          KafkaDefaults.BOUNDED_RECORD_BYTES);

  /**
   * key = case id ({@link Case#id}); value = the case of one named person, or null when no claim names them any more.
   * Compacted: the latest value per case is the state.
   */
  public static final TopicSpec<String, Case> CASES =
      new TopicSpec<>("cases", Serdes.String(), JsonSerde.of(Case.class), PARTITIONS, true,
          KafkaDefaults.BOUNDED_RECORD_BYTES);

  /** Records that could not be processed, as they arrived, with the reason in headers. */
  public static final TopicSpec<byte[], byte[]> ARTICLES_DLQ =
      new TopicSpec<>("articles.dlq", Serdes.ByteArray(), Serdes.ByteArray(), 1, false,
      KafkaDefaults.MAX_RECORD_BYTES);

  /** The producer's durable memory of what it has published: key = article id, value = the published version. */
  public static final TopicSpec<String, SeenArticle> INGEST_SEEN =
      new TopicSpec<>("ingest.seen", Serdes.String(), JsonSerde.of(SeenArticle.class), 1, true,
      KafkaDefaults.BOUNDED_RECORD_BYTES);

  /** The producer's per-feed HTTP state: key = feed URL, value = ETag / Last-Modified / failure count. */
  public static final TopicSpec<String, FeedState> INGEST_FEEDS =
      new TopicSpec<>("ingest.feeds", Serdes.String(), JsonSerde.of(FeedState.class), 1, true,
      KafkaDefaults.BOUNDED_RECORD_BYTES);

  /** Every topic the pipeline needs, for explicit creation. */
  public static final List<TopicSpec<?, ?>> ALL =
      List.of(ARTICLES_RAW, ARTICLES_ANNOTATED, CLAIMS, COUNTRY_TOTALS, COUNTRY_YEARS, CASES, ARTICLES_DLQ, INGEST_SEEN,
      INGEST_FEEDS);

  /** Header names on {@link #ARTICLES_DLQ} records written by the services themselves. */
  public static final String DLQ_REASON_HEADER = "flightwatch.reason";
  public static final String DLQ_SERVICE_HEADER = "flightwatch.service";
  public static final String DLQ_SOURCE_TOPIC_HEADER = "flightwatch.source.topic";

  private Topics() {}
}
