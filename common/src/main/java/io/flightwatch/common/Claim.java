package io.flightwatch.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One extracted claim, as published to {@code claims} (key = {@link #key()}, the canonical claim key).
 *
 * <p>A record with {@code retracted = true} withdraws this article's support for the claim with the same key: the
 * processor sends it when a new version of an article no longer makes the claim (or makes it differently).
 *
 * @param id                     article id + "#" + index within the article version
 * @param key                    canonical claim key ({@link ClaimKeys#canonical}); also the Kafka key
 * @param articleId              id of the article the claim was read from
 * @param articleVersion         content hash of that article version
 * @param kind                   what happened
 * @param subject                who it happened to
 * @param origin                 ISO 3166-1 alpha-2 of the home country, or null
 * @param destination            ISO alpha-2 of where they fled / money went (for returns and recoveries: where from);
 *                               null when the text names no single country
 * @param destinationsMentioned  for an aggregate with no single destination: the countries named as destinations
 * @param count                  officials kinds: the number as printed, or null when vague ("thousands")
 * @param amount                 money kinds: the amount as printed in its own currency, or null when vague
 * @param amountLow              lower end of a range or vague amount, in {@code currency}
 * @param amountHigh             upper end of a range or vague amount, in {@code currency}
 * @param currency               ISO 4217 code
 * @param valueText              the number as printed ("more than 1,000", "tens of billions of yuan")
 * @param amountUsd              USD estimate of {@code amount} (or of the middle of the range), 2 decimals
 * @param amountUsdLow           USD estimate of {@code amountLow}
 * @param amountUsdHigh          USD estimate of {@code amountHigh}
 * @param usdRateSource          where the rate comes from ({@link MoneyMention#usdRateSource}): "article" when the
 *                               article printed its own conversion, "ecb@2014-08-15", "annual@2016~" ...
 * @param usdRate                USD per one unit of {@code currency} as used, or null
 * @param rateDate               the day {@code usdRate} holds for, or null
 * @param approximate            the text hedges the number (more than, about, up to, tens of)
 * @param hedged                 the article presents the fact as rumour or belief
 * @param namedPerson            set when the claim is about one named individual
 * @param period                 the period the figure covers when stated ("since 2014"), else null
 * @param periodFrom             first day of the period the figure covers, read from the sentence and the article's
 *                               date ("in 2016": 2016-01-01; "since 2014": 2014-01-01; "last year"), else null
 * @param periodTo               last day of that period (for "since 2014", the publication date), else null
 * @param cumulative             the figure is a running total (stock) rather than one event (flow)
 * @param overlapsWith           index of another claim of the same article that already contains these people / this
 *                               money
 * @param quote                  the evidence sentence
 * @param quoteBegin             character offset of the sentence in {@link Article#fullText()}
 * @param quoteEnd               end offset (exclusive)
 * @param confidence             0..1
 * @param url                    article URL
 * @param source                 article source
 * @param title                  article title
 * @param publishedAt            article publication time, or null
 * @param outlet                 who published it: the registrable domain of the URL ("bbc.co.uk"), or the feed's name
 *                               for a local file (its path, or the "source" of a JSON item; {@link Outlets#of})
 * @param fingerprint            SimHash of the article text (16 hex digits, {@link TextFingerprint}): syndicated copies
 *                               of one story under other URLs differ from it in a few bits; null when unknown
 * @param retracted              this record withdraws the article's earlier support for {@code key}
 */
public record Claim(
    String id,
    String key,
    String articleId,
    String articleVersion,
    ClaimKind kind,
    Subject subject,
    String origin,
    String destination,
    List<String> destinationsMentioned,
    Long count,
    BigDecimal amount,
    BigDecimal amountLow,
    BigDecimal amountHigh,
    String currency,
    String valueText,
    BigDecimal amountUsd,
    BigDecimal amountUsdLow,
    BigDecimal amountUsdHigh,
    String usdRateSource,
    BigDecimal usdRate,
    LocalDate rateDate,
    boolean approximate,
    boolean hedged,
    String namedPerson,
    String period,
    LocalDate periodFrom,
    LocalDate periodTo,
    boolean cumulative,
    Integer overlapsWith,
    String quote,
    int quoteBegin,
    int quoteEnd,
    double confidence,
    String url,
    String source,
    String title,
    Instant publishedAt,
    String outlet,
    String fingerprint,
    boolean retracted) {

  public Claim {
    destinationsMentioned = destinationsMentioned == null ? List.of() : List.copyOf(destinationsMentioned);
  }

  /** The same claim with its canonical key filled in. */
  public Claim withKey(String newKey) {
    return new Claim(id, newKey, articleId, articleVersion, kind, subject, origin, destination, destinationsMentioned,
        count, amount, amountLow, amountHigh, currency, valueText, amountUsd, amountUsdLow, amountUsdHigh,
        usdRateSource, usdRate, rateDate, approximate, hedged, namedPerson, period, periodFrom, periodTo, cumulative,
        overlapsWith, quote, quoteBegin, quoteEnd, confidence, url, source, title, publishedAt, outlet, fingerprint,
        retracted);
  }

  /** A retraction of this claim (same key and article), sent when a newer article version no longer supports it. */
  public Claim asRetraction() {
    return new Claim(id, key, articleId, articleVersion, kind, subject, origin, destination, destinationsMentioned,
        count, amount, amountLow, amountHigh, currency, valueText, amountUsd, amountUsdLow, amountUsdHigh,
        usdRateSource, usdRate, rateDate, approximate, hedged, namedPerson, period, periodFrom, periodTo, cumulative,
        overlapsWith, quote, quoteBegin, quoteEnd, confidence, url, source, title, publishedAt, outlet, fingerprint,
        true);
  }

  /** The same claim with its evidence sentence cut to {@code maxChars} (an ellipsis marks the cut). */
  public Claim withQuoteAtMost(int maxChars) {
    if (quote == null || quote.length() <= maxChars) {
      return this;
    }
    int end = maxChars - 1;
    if (Character.isHighSurrogate(quote.charAt(end - 1))) {
      end--;
    }
    return new Claim(id, key, articleId, articleVersion, kind, subject, origin, destination, destinationsMentioned,
        count, amount, amountLow, amountHigh, currency, valueText, amountUsd, amountUsdLow, amountUsdHigh,
        usdRateSource, usdRate, rateDate, approximate, hedged, namedPerson, period, periodFrom, periodTo, cumulative,
        overlapsWith, quote.substring(0, end) + "\u2026", quoteBegin, quoteEnd, confidence, url, source, title,
        publishedAt, outlet, fingerprint, retracted);
  }

  /** The outlet to count, derived from the URL and source when the record does not carry one (older records). */
  public String outletOrDerived() {
    return outlet != null && !outlet.isBlank() ? outlet : Outlets.of(url, source);
  }

  /** Publication date (UTC), or null. */
  public LocalDate publishedDate() {
    return publishedAt == null ? null : LocalDate.ofInstant(publishedAt, java.time.ZoneOffset.UTC);
  }
}
