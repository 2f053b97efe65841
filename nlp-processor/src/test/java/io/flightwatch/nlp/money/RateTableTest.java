package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.MoneyMention;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateTableTest {

  private static final RateTable RATES = RateTable.loadDefault();

  private static BigDecimal usd(String currency, LocalDate date) {
    return RATES.quote(currency, date).orElseThrow().usdPerUnit();
  }

  @Test
  void everyCurrencyTheAliasTableNamesCanBeConverted() {
    for (CurrencyAliases.Alias a : CurrencyAliases.loadDefault().all()) {
      // "?": no currency of its own, only what a context word says
      assertThat("?".equals(a.code()) || RATES.knows(a.code())).as("rate for %s (%s)", a.code(), a.text()).isTrue();
      for (io.flightwatch.nlp.money.CurrencyAliases.Context c : a.contexts()) {
        assertThat(RATES.knows(c.code())).as("rate for %s", c.code()).isTrue();
      }
    }
  }

  @Test
  void ecbCrossRatesAtTheDateOrTheBusinessDayBefore() {
    // 2014-08-14 was a Thursday; 2014-08-16 a Saturday, converted at Friday's rate.
    RateTable.Quote friday = RATES.quote("CNY", LocalDate.of(2014, 8, 16)).orElseThrow();
    assertThat(friday.rateDate()).isEqualTo(LocalDate.of(2014, 8, 15));
    assertThat(friday.source()).isEqualTo("ecb@2014-08-15");
    assertThat(friday.approximate()).isFalse();
    // About 6.15 yuan to the dollar then; about 7.1 in 2020.
    assertThat(BigDecimal.ONE.divide(friday.usdPerUnit(), java.math.MathContext.DECIMAL64))
        .isBetween(new BigDecimal("6.0"), new BigDecimal("6.3"));
    assertThat(BigDecimal.ONE.divide(usd("CNY", LocalDate.of(2020, 6, 1)), java.math.MathContext.DECIMAL64))
        .isBetween(new BigDecimal("7.0"), new BigDecimal("7.2"));
    assertThat(usd("EUR", LocalDate.of(2008, 7, 15))).isBetween(new BigDecimal("1.55"), new BigDecimal("1.61"));
    assertThat(usd("USD", LocalDate.of(2008, 7, 15))).isEqualByComparingTo("1");
  }

  @Test
  void theRoubleMovedAndTheTableFollows() {
    BigDecimal rub2011 = usd("RUB", LocalDate.of(2011, 6, 1)); // about 28 roubles to the dollar
    BigDecimal rub2024 = usd("RUB", LocalDate.of(2024, 6, 1)); // about 90: the ECB stopped in March 2022
    assertThat(BigDecimal.ONE.divide(rub2011, java.math.MathContext.DECIMAL64))
        .isBetween(new BigDecimal("26"), new BigDecimal("30"));
    assertThat(RATES.quote("RUB", LocalDate.of(2024, 6, 1)).orElseThrow().source()).isEqualTo("annual@2024");
    assertThat(RATES.quote("RUB", LocalDate.of(2024, 6, 1)).orElseThrow().approximate()).isTrue();
    assertThat(rub2011.divide(rub2024, java.math.MathContext.DECIMAL64)).isGreaterThan(new BigDecimal("2.5"));
  }

  @Test
  void annualAveragesForCurrenciesTheEcbDoesNotPublish() {
    assertThat(RATES.quote("NGN", LocalDate.of(2016, 3, 1)).orElseThrow().source()).isEqualTo("annual@2016");
    assertThat(usd("NGN", LocalDate.of(2011, 3, 1))).isGreaterThan(usd("NGN", LocalDate.of(2024, 3, 1)).multiply(
        new BigDecimal("5")));
    // Before the first year listed: the first year; after the last: the last.
    assertThat(RATES.quote("UAH", LocalDate.of(1999, 1, 1)).orElseThrow().source()).isEqualTo("annual@2008");
    assertThat(RATES.quote("UAH", LocalDate.of(2031, 1, 1)).orElseThrow().source()).isEqualTo("annual@2025");
    assertThat(RATES.quote("VES", LocalDate.of(2020, 1, 1))).isEmpty();
  }

  @Test
  void pegsFollowTheirAnchor() {
    assertThat(usd("AED", LocalDate.of(2015, 5, 5))).isEqualByComparingTo(
        BigDecimal.ONE.divide(new BigDecimal("3.6725"), java.math.MathContext.DECIMAL64));
    RateTable.Quote xof = RATES.quote("XOF", LocalDate.of(2019, 2, 4)).orElseThrow();
    assertThat(xof.usdPerUnit()).isEqualByComparingTo(usd("EUR", LocalDate.of(2019, 2, 4))
        .divide(new BigDecimal("655.957"), java.math.MathContext.DECIMAL64));
    assertThat(xof.source()).isEqualTo("peg:EUR@2019-02-04");
  }

  @Test
  void beforeTheEcbDataTheFirstDayIsUsedAndSaidToBeApproximate() {
    RateTable.Quote q = RATES.quote("GBP", LocalDate.of(1995, 4, 1)).orElseThrow();
    assertThat(q.rateDate()).isEqualTo(LocalDate.of(1999, 1, 4));
    assertThat(q.approximate()).isTrue();
  }

  @Test
  void anAmountIsConvertedAtItsArticlesDate() {
    MoneyExtractor ex = MoneyExtractor.withDefaults();
    MoneyMention in2011 = ex.find("Officials moved 800 billion yuan abroad.", LocalDate.of(2011, 6, 16)).get(0);
    MoneyMention in2020 = ex.find("Officials moved 800 billion yuan abroad.", LocalDate.of(2020, 6, 16)).get(0);
    assertThat(in2011.usdRateSource()).isEqualTo("ecb@2011-06-16");
    // 6.48 yuan to the dollar in June 2011, 7.08 in June 2020.
    assertThat(in2011.amountUsd()).isBetween(new BigDecimal("1.21E11"), new BigDecimal("1.25E11"));
    assertThat(in2020.amountUsd()).isBetween(new BigDecimal("1.11E11"), new BigDecimal("1.15E11"));
    MoneyMention naira = ex.find("He stole 2 billion naira.", LocalDate.of(2016, 9, 1)).get(0);
    assertThat(naira.usdRateSource()).isEqualTo("annual@2016~");
  }

  @Test
  void toUsdRoundsHalfEvenToCentsAndATestTableHoldsAtEveryDate() {
    RateTable t = RateTable.of("mine", LocalDate.of(2019, 6, 30), Map.of("EUR", new BigDecimal("1.1"),
        "XAA", new BigDecimal("0.001")));
    assertThat(t.toUsd(new BigDecimal("10"), "EUR", LocalDate.of(2001, 1, 1))).contains(new BigDecimal("11.00"));
    assertThat(t.toUsd(new BigDecimal("125"), "XAA", null)).contains(new BigDecimal("0.12"));
    assertThat(t.toUsd(new BigDecimal("135"), "XAA", null)).contains(new BigDecimal("0.14"));
    assertThat(t.toUsd(new BigDecimal("1"), "XBB", null)).isEmpty();
    assertThat(t.quote("EUR", null).orElseThrow().source()).isEqualTo("mine@2019-06-30");
  }
}
