package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateTableTest {

  private static RateTable parse(String tsv) throws IOException {
    return RateTable.parse("t.tsv", new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void defaultTableIsDatedAndCoversEveryCurrencyTheAliasTableNames() {
    RateTable rates = RateTable.loadDefault();
    assertThat(rates.rate("USD").orElseThrow().usdPerUnit()).isEqualByComparingTo("1");
    assertThat(rates.rate("CNY").orElseThrow().asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(rates.sourceOf("EUR")).isEqualTo("rates.tsv@2024-12-31");
    for (CurrencyAliases.Alias a : CurrencyAliases.loadDefault().all()) {
      assertThat(rates.knows(a.code())).as("rate for %s (%s)", a.code(), a.text()).isTrue();
      if (a.ctxCode() != null) {
        assertThat(rates.knows(a.ctxCode())).as("rate for %s", a.ctxCode()).isTrue();
      }
    }
  }

  @Test
  void defaultRatesAreInAPlausibleBand() {
    RateTable rates = RateTable.loadDefault();
    // coarse sanity bands around long-run levels: catches a rate entered upside down (CNY 7.3 instead of 0.137)
    assertThat(rates.rate("CNY").orElseThrow().usdPerUnit()).isBetween(new BigDecimal("0.12"), new BigDecimal("0.16"));
    assertThat(rates.rate("GBP").orElseThrow().usdPerUnit()).isBetween(new BigDecimal("1.1"), new BigDecimal("1.5"));
    assertThat(rates.rate("EUR").orElseThrow().usdPerUnit()).isBetween(new BigDecimal("0.95"), new BigDecimal("1.25"));
    assertThat(rates.rate("HKD").orElseThrow().usdPerUnit()).isBetween(new BigDecimal("0.127"), new BigDecimal("0.13"));
    assertThat(rates.rate("JPY").orElseThrow().usdPerUnit()).isLessThan(new BigDecimal("0.01"));
  }

  @Test
  void toUsdRoundsHalfEvenToCents() throws IOException {
    RateTable t = parse("currency\tusd_per_unit\tas_of\tsource\nXAA\t0.001\t2020-01-01\ttest\n");
    assertThat(t.toUsd(new BigDecimal("125"), "XAA")).contains(new BigDecimal("0.12"));
    assertThat(t.toUsd(new BigDecimal("135"), "XAA")).contains(new BigDecimal("0.14"));
    assertThat(t.toUsd(new BigDecimal("1"), "XBB")).isEmpty();
    assertThat(t.sourceOf("XAA")).isEqualTo("t.tsv@2020-01-01");
    assertThat(t.sourceOf("XBB")).isNull();
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    String bad = """
        # comment
        currency\tusd_per_unit\tas_of\tsource
        CNY\tabc\t2024-12-31\tx
        EUR\t-1\t2024-12-31\tx
        GBP\t1.2\tnot-a-date\tx
        USD\t1
        toolong\t1\t2024-12-31\tx
        """;
    assertThatThrownBy(() -> parse(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("line 4")
        .hasMessageContaining("line 5")
        .hasMessageContaining("line 6")
        .hasMessageContaining("line 7");
  }

  @Test
  void duplicateCurrencyIsAnError() {
    assertThatThrownBy(() -> parse("USD\t1\t2024-12-31\tx\nUSD\t1\t2024-12-31\tx\n"))
        .hasMessageContaining("duplicate currency USD");
  }

  @Test
  void ofBuildsATableForTests() {
    RateTable t = RateTable.of("mine", LocalDate.of(2019, 6, 30), Map.of("EUR", new BigDecimal("1.1")));
    assertThat(t.toUsd(new BigDecimal("10"), "EUR")).contains(new BigDecimal("11.00"));
    assertThat(t.sourceOf("EUR")).isEqualTo("mine@2019-06-30");
  }
}
