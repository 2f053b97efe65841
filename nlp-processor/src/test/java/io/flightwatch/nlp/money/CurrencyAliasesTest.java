package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CurrencyAliasesTest {

  private static CurrencyAliases parse(String tsv) throws IOException {
    return CurrencyAliases.parse("c.tsv", new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void lookupPrefersCaseSensitiveRowsAndFoldsCaseForWords() {
    CurrencyAliases a = CurrencyAliases.loadDefault();
    assertThat(a.lookup("USD").code()).isEqualTo("USD");
    assertThat(a.lookup("Hong   Kong\ndollars").code()).isEqualTo("HKD");
    assertThat(a.lookup("YUAN").code()).isEqualTo("CNY");
    assertThat(a.lookup("usd")).isNull(); // codes are case-sensitive: "usd" is not how anyone prints it
    assertThat(a.lookup("won").ambiguous()).isTrue();
    assertThat(a.lookup("¥").ctxCode()).isEqualTo("JPY");
  }

  @Test
  void aliasTableIsDataNotCode() throws IOException {
    CurrencyAliases a = parse("""
        alias\tcode\tposition\tcase\tflags
        zorkmids\tZRK\tpost\tci\t-
        Z$\tZRK\tpre\tcs\tgeneric
        """);
    MoneyExtractor ex = new MoneyExtractor(RateTable.loadDefault(), a);
    assertThat(ex.find("He paid 5 million zorkmids and Z$3 million.")).extracting(m -> m.currency())
        .containsExactly("ZRK", "ZRK");
    assertThat(ex.find("He paid 5 million dollars.")).isEmpty();
  }

  @Test
  void badRowsAreAllReported() {
    assertThatThrownBy(() -> parse("x\tUSD\tsomewhere\tcs\t-\ny\tUSD\tpre\tmaybe\t-\nz\tUSD\tpre\tcs\tshiny\nw\tUSD\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("line 2")
        .hasMessageContaining("unknown flag shiny")
        .hasMessageContaining("line 4");
  }
}
