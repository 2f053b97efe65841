package io.flightwatch.common;

import java.math.BigDecimal;

/**
 * A monetary amount found in an article, with its currency and a USD estimate. The original is always kept.
 *
 * @param text          the text as it stands ("HK$2.5 billion", "tens of billions of yuan")
 * @param begin         character offset in {@link Article#fullText()}
 * @param end           end offset (exclusive)
 * @param amount        the amount in {@code currency}; null when only a range is known
 * @param low           lower end (equal to amount when exact)
 * @param high          upper end (equal to amount when exact)
 * @param currency      ISO 4217 code
 * @param approximate   hedged ("more than", "about", "tens of")
 * @param amountUsd     USD estimate of amount (or of the middle of the range), 2 decimals
 * @param usdLow        USD estimate of low
 * @param usdHigh       USD estimate of high
 * @param usdRateSource where the rate comes from: "identity" (US dollars), "article" (the article's own conversion),
 *                      "article-rate" (a rate implied by another conversion in the article), "ecb@2014-08-15" (the
 *                      ECB's reference rate of that business day), "peg:EUR@2019-02-04" (a fixed peg to that currency's
 *                      rate), "annual@2016~" (an annual average); a trailing "~" marks an approximate rate
 * @param usdRate       USD per one unit of {@code currency} as used, or null when not converted
 * @param rateDate      the day the rate holds for (the first day of the year for an annual average), or null
 */
public record MoneyMention(
    String text,
    int begin,
    int end,
    BigDecimal amount,
    BigDecimal low,
    BigDecimal high,
    String currency,
    boolean approximate,
    BigDecimal amountUsd,
    BigDecimal usdLow,
    BigDecimal usdHigh,
    String usdRateSource,
    BigDecimal usdRate,
    java.time.LocalDate rateDate) {}
