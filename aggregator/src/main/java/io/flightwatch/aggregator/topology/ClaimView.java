package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Countries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One distinct claim as counted and served ({@code /api/claims}, {@code /api/countries/{iso}/evidence}): the counted
 * value, how many articles and independent outlets report it, and a few of them as evidence. Its size is bounded
 * whatever the number of supporting articles: the full list is {@code /api/claims/{key}/sources}.
 *
 * @param key          canonical claim key
 * @param origin       ISO alpha-2, or "ZZ" when the claim names no single country
 * @param destination  ISO alpha-2, or "ZZ"
 * @param low          smallest value the claim can mean (USD for money, people for officials)
 * @param high         largest value the claim can mean
 * @param month        month of first publication ("yyyy-MM", UTC) or "undated"
 * @param firstSeen    first publication of the claim, or null when no support is dated
 * @param periodFrom   first day of the period the representative's figure covers, or null
 * @param periodTo     last day of that period, or null
 * @param updatedAt    newest event time of a record that changed the claim
 * @param sourceCount  independent sources: distinct outlets, syndicated copies counted with their original
 * @param articleCount supporting articles, copies included
 * @param sources      up to {@link #EVIDENCE} supporting articles, the representative first
 */
public record ClaimView(String key, String kind, String subject, String origin, String destination, BigDecimal low,
    BigDecimal high, String valueText, String namedPerson, boolean cumulative, boolean approximate, boolean hedged,
    String period, LocalDate periodFrom, LocalDate periodTo, String month, Instant firstSeen, Instant updatedAt,
    int sourceCount, int articleCount, List<Source> sources) {

  /** Supporting articles carried on the view itself. */
  public static final int EVIDENCE = 3;

  /** Characters of an evidence sentence carried on the view (the stored support keeps more). */
  public static final int QUOTE_CHARS = 600;

  public ClaimView {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** One article supporting the claim. */
  public record Source(String articleId, String url, String outlet, String source, String title, String quote,
      Instant publishedAt) {

    public static Source of(Claim c) {
      return new Source(c.articleId(), c.url(), c.outletOrDerived(), c.source(), c.title(),
          c.withQuoteAtMost(QUOTE_CHARS).quote(), c.publishedAt());
    }
  }

  /**
   * The view of a claim key from its representative (the first of {@code evidence}) and its counts.
   *
   * @param evidence the best supports, representative first (see {@link ClaimSummary#PREFERENCE})
   */
  public static ClaimView of(String key, List<Claim> evidence, String month, Instant firstSeen, Instant updatedAt,
      int sourceCount, int articleCount) {
    Claim rep = evidence.get(0);
    BigDecimal[] band = valueBand(rep);
    List<Source> sources = new ArrayList<>();
    for (Claim c : evidence.subList(0, Math.min(EVIDENCE, evidence.size()))) {
      sources.add(Source.of(c));
    }
    return new ClaimView(key, rep.kind().wireName(), rep.subject() == null ? null : rep.subject().wireName(),
        bucket(rep.origin()), bucket(rep.destination()), band[0], band[1], rep.valueText(), rep.namedPerson(),
        rep.cumulative(), rep.approximate(), rep.hedged(), rep.period(), rep.periodFrom(), rep.periodTo(), month,
        firstSeen, updatedAt, sourceCount,
        articleCount,
        sources);
  }

  public ClaimKind claimKind() {
    return ClaimKind.fromWire(kind);
  }

  /**
   * The year the claim's figure belongs to: the year of its stated period when the period lies within one year ("in
   * 2016", "last year"), else the year of first publication, else "undated".
   */
  public String year() {
    if (periodFrom != null && periodTo != null && periodFrom.getYear() == periodTo.getYear()) {
      return String.valueOf(periodFrom.getYear());
    }
    return Months.UNDATED.equals(month) ? Months.UNDATED : month.substring(0, 4);
  }

  /** The country the claim counts for in one role. */
  public String country(Role role) {
    return role == Role.DESTINATION ? destination : origin;
  }

  private static String bucket(String iso) {
    return iso == null ? Countries.UNSPECIFIED : iso;
  }

  /**
   * The range a claim's figure stands for. Officials: the printed count (a vague count such as "thousands" has none and
   * adds 0). Money, in USD: a precise amount counts its USD estimate at both ends; a range or vague amount ("tens of
   * billions") counts its low end towards the band's low and its high end towards the band's high, so the band stays an
   * honest envelope. Money is rounded to cents, half-even.
   */
  static BigDecimal[] valueBand(Claim c) {
    if (!c.kind().isMoney()) {
      BigDecimal n = c.count() == null ? BigDecimal.ZERO : BigDecimal.valueOf(c.count());
      return new BigDecimal[] {n, n};
    }
    BigDecimal mid = c.amountUsd();
    BigDecimal lo;
    BigDecimal hi;
    if (c.amount() != null && mid != null) {
      lo = mid;
      hi = mid;
    } else {
      lo = firstNonNull(c.amountUsdLow(), mid, c.amountUsdHigh());
      hi = firstNonNull(c.amountUsdHigh(), mid, c.amountUsdLow());
    }
    return new BigDecimal[] {cents(lo), cents(hi)};
  }

  private static BigDecimal firstNonNull(BigDecimal... values) {
    for (BigDecimal v : values) {
      if (v != null) {
        return v;
      }
    }
    return BigDecimal.ZERO;
  }

  static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }
}
