package io.flightwatch.nlp.money;

import io.flightwatch.nlp.money.MoneyExtractor.Form;
import java.math.BigDecimal;

/**
 * An amount as read from the text, before its conversion to USD.
 *
 * @param consumedEnd where scanning goes on: after the article's printed conversion when there is one
 * @param conversion  the article's own conversion of this amount ("($110 billion)"), or null
 * @param dropped     a phrase that was read but is no amount ("10^999999 yuan", "shillings" in a story that names no
 *                    shilling country): skipped as a whole, so that no part of it is read again
 */
record ParsedAmount(
    int begin, int end, int consumedEnd, String code, Form form, BigDecimal amount, BigDecimal low, BigDecimal high,
    boolean approximate, ParsedAmount conversion, boolean dropped) {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  static ParsedAmount drop(int begin, int consumedEnd) {
    return new ParsedAmount(begin, consumedEnd, consumedEnd, null, null, null, null, null, false, null, true);
  }

  /** The amount, or the middle of a range or vague amount. */
  BigDecimal mid() {
    return amount != null ? amount : low.add(high).divide(TWO, Decimals.MC);
  }

  ParsedAmount withHedge(boolean approx) {
    return new ParsedAmount(begin, end, consumedEnd, code, form, amount, low, high, approximate || approx, conversion,
        dropped);
  }

  ParsedAmount withConversion(ParsedAmount conv, int consumed) {
    return new ParsedAmount(begin, end, Math.max(consumedEnd, consumed), code, form, amount, low, high, approximate,
        conv, dropped);
  }
}
