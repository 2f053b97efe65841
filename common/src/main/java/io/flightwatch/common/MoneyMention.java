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
 * @param usdRateSource "article" or the rate table id and date the conversion used
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
    String usdRateSource) {}
