package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.MoneyMention;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The national currencies the euro replaced, still printed in stories of old cases: each read with its ISO code and
 * converted through the euro at its irrevocable conversion rate ({@code pegs.tsv}). Sentences are invented.
 */
class LegacyCurrenciesTest {

  private static final MoneyExtractor EXTRACTOR = MoneyExtractor.withDefaults();

  private static final LocalDate DATE = LocalDate.of(2019, 6, 1);

  @ParameterizedTest(name = "{1} -> {2}")
  // CHECKSTYLE.OFF: LineLength - one sentence a row
  @CsvSource(delimiter = '|', textBlock = """
      A police chief hid 4bn pesetas in accounts abroad.                   | 4bn pesetas                | ESP | 4000000000 | 166.386
      The builder paid the minister 900 million Spanish pesetas.           | 900 million Spanish pesetas | ESP | 900000000 | 166.386
      An arms buyer moved 800 million drachmas to Cyprus.                  | 800 million drachmas       | GRD | 800000000  | 340.75
      The party treasurer kept 30 million Deutsche marks in Geneva.        | 30 million Deutsche marks  | DEM | 30000000   | 1.95583
      The oil firm paid 200 million French francs in commissions.          | 200 million French francs  | FRF | 200000000  | 6.55957
      A contractor gave the councillor 5 billion Italian lire.             | 5 billion Italian lire     | ITL | 5000000000 | 1936.27
      The mayor took 2 billion lire from the road fund.                    | 2 billion lire             | ITL | 2000000000 | 1936.27
      The director sent 12 million Dutch guilders to Curacao.              | 12 million Dutch guilders  | NLG | 12000000   | 2.20371
      A lobbyist paid 40 million Belgian francs to two ministers.          | 40 million Belgian francs  | BEF | 40000000   | 40.3399
      The bank lost 90 million Austrian schillings.                        | 90 million Austrian schillings | ATS | 90000000 | 13.7603
      A minister received 1 million Irish pounds from a developer.         | 1 million Irish pounds     | IEP | 1000000    | 0.787564
      An official hid 300 million Portuguese escudos in Macau.             | 300 million Portuguese escudos | PTE | 300000000 | 200.482
      The agency lost 70 million Finnish markkaa.                          | 70 million Finnish markkaa | FIM | 70000000   | 5.94573
      """)
  // CHECKSTYLE.ON: LineLength
  void eachIsReadAndConvertedThroughTheEuro(String sentence, String text, String code, String amount, String perEuro) {
    List<MoneyMention> found = EXTRACTOR.find(sentence, DATE);
    assertThat(found).as("mentions in: %s", sentence).hasSize(1);
    MoneyMention m = found.get(0);
    assertThat(m.text()).isEqualTo(text);
    assertThat(m.currency()).isEqualTo(code);
    assertThat(m.amount()).isEqualByComparingTo(amount);
    BigDecimal euroUsd = EXTRACTOR.rates().quote("EUR", DATE).orElseThrow().usdPerUnit();
    BigDecimal expected = m.amount().divide(new BigDecimal(perEuro), MathContext.DECIMAL64).multiply(euroUsd);
    assertThat(m.amountUsd()).isBetween(expected.multiply(new BigDecimal("0.999")),
        expected.multiply(new BigDecimal("1.001")));
  }

  @Test
  void anAmountFromBeforeTheEuroGoesThroughItsFirstRateAndIsApproximate() {
    RateTable.Quote peseta = EXTRACTOR.rates().quote("ESP", LocalDate.of(1994, 5, 2)).orElseThrow();
    assertThat(peseta.source()).startsWith("peg:EUR@1999-01");
    assertThat(peseta.approximate()).isTrue();
  }

  @Test
  void escudosOnlyInAPortugueseStory() {
    assertThat(EXTRACTOR.find("In Lisbon, the official hid 300 million escudos.", DATE))
        .extracting(MoneyMention::currency).containsExactly("PTE");
    assertThat(EXTRACTOR.find("In Praia, the official hid 300 million escudos.", DATE)).isEmpty();
  }
}
