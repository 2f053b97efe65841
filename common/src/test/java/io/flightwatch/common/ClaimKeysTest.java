package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical claim key decides what counts as "the same statistic": the aggregator's dedup stands on it. */
class ClaimKeysTest {

  static String key(Samples.ClaimBuilder b) {
    return ClaimKeys.canonical(b.build());
  }

  static Samples.ClaimBuilder fled(long count) {
    return Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", "US").count(count);
  }

  static Samples.ClaimBuilder money(String amount, String currency) {
    return Samples.claim(0, ClaimKind.MONEY_MOVED_ABROAD, Subject.OFFICIALS, "CN", "US")
        .amount(new BigDecimal(amount), currency);
  }

  @Test
  void theSameFigurePrintedDifferentlyHasOneKey() {
    // "1,012" in one outlet, "more than 1,000" in another, "about 1,000" in a third
    String exact = key(fled(1012).valueText("1,012"));
    String rounded = key(fled(1000).valueText("more than 1,000").approximate(true));
    assertThat(exact).isEqualTo(rounded);
    assertThat(key(fled(1000).valueText("about 1,000").hedged(true).confidence(0.2))).isEqualTo(exact);
  }

  @Test
  void differentFiguresHaveDifferentKeys() {
    assertThat(key(fled(1000))).isNotEqualTo(key(fled(1500)));
    assertThat(key(fled(40))).isNotEqualTo(key(fled(4000)));
    assertThat(key(fled(18000))).isNotEqualTo(key(fled(10000)));
  }

  @Test
  void whoReportsItAndWhereItWasPrintedDoNotMatter() {
    Samples.ClaimBuilder other = fled(1000).article("b9d2e71c00aa4f31", "v7").url("https://other.example.com/x")
        .source("https://other.example.com/feed").title("A different headline").quote("A different sentence.");
    assertThat(key(other)).isEqualTo(key(fled(1000)));
  }

  @Test
  void aRetractionHasTheKeyOfTheClaimItWithdraws() {
    Claim c = Samples.moneyMoved();
    assertThat(ClaimKeys.canonical(c.asRetraction())).isEqualTo(c.key()).isEqualTo(ClaimKeys.canonical(c));
  }

  @Test
  void namedPeopleAreOnePersonWhateverTheSpacingCaseOrAccents() {
    Samples.ClaimBuilder a = fled(1).namedPerson("Dai  Xuemin");
    Samples.ClaimBuilder b = fled(1).namedPerson("dai xuemin");
    Samples.ClaimBuilder c = fled(1).namedPerson("DAI Xuemin.");
    assertThat(key(a)).isEqualTo(key(b)).isEqualTo(key(c));
    assertThat(key(fled(1).namedPerson("José Álvarez"))).isEqualTo(key(fled(1).namedPerson("Jose Alvarez")));
    assertThat(ClaimKeys.normaliseName("  Dai\tXuemin ")).isEqualTo("dai xuemin");
  }

  @Test
  void aNamedPersonIsNotTheAggregateWithTheSameNumber() {
    assertThat(key(fled(1).namedPerson("Dai Xuemin"))).isNotEqualTo(key(fled(1)));
    assertThat(key(fled(1).namedPerson("Dai Xuemin"))).isNotEqualTo(key(fled(1).namedPerson("Li Wenhao")));
  }

  @Test
  void aNamedPersonsKeyIgnoresTheNumbersAndSubject() {
    String a = key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", "US").count(1L)
        .namedPerson("Dai Xuemin"));
    String b = key(Samples.claim(1, ClaimKind.OFFICIALS_FLED, Subject.FUGITIVES, "CN", "US").count(null)
        .namedPerson("Dai Xuemin").period("since 2019"));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void destinationKindOriginSubjectAndPeriodSeparateStatistics() {
    String base = key(fled(1000));
    Set<String> keys = new HashSet<>();
    keys.add(base);
    keys.add(key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", "CA").count(1000L)));
    keys.add(key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", null).count(1000L)));
    keys.add(key(Samples.claim(0, ClaimKind.OFFICIALS_RETURNED, Subject.OFFICIALS, "CN", "US").count(1000L)));
    keys.add(key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "VN", "US").count(1000L)));
    keys.add(key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.FAMILY, "CN", "US").count(1000L)));
    keys.add(key(fled(1000).period("since 2014")));
    assertThat(keys).hasSize(7);
    // a null subject reads as "unspecified"
    assertThat(key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, null, "CN", "US").count(1000L)))
        .isEqualTo(key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.UNSPECIFIED, "CN", "US").count(1000L)));
  }

  @Test
  void thePeriodIsNormalised() {
    assertThat(key(fled(1000).period("Since 2014."))).isEqualTo(key(fled(1000).period("since  2014")));
  }

  @Test
  void moneyIsKeyedByAmountAndCurrency() {
    String yuan = key(money("300000000", "CNY"));
    assertThat(yuan).contains("300000000CNY");
    // printed as 300 million or as 298.6 million: two significant digits, same statistic
    assertThat(key(money("298600000", "CNY"))).isEqualTo(yuan);
    // same number, other currency: another statistic
    assertThat(key(money("300000000", "USD"))).isNotEqualTo(yuan);
    // same currency, other amount
    assertThat(key(money("3000000000", "CNY"))).isNotEqualTo(yuan);
    // the USD estimate does not enter the key: two rate tables must not split one statistic
    assertThat(key(money("300000000", "CNY").usd(new BigDecimal("41700000.00"), null, null)))
        .isEqualTo(key(money("300000000", "CNY").usd(new BigDecimal("42000000.00"), null, null)));
  }

  @Test
  void moneyScaleDoesNotMatter() {
    assertThat(key(money("2500000000.00", "HKD"))).isEqualTo(key(money("2.5E+9", "HKD")));
  }

  @Test
  void vagueMoneyIsKeyedByItsRange() {
    Samples.ClaimBuilder range = Samples.claim(0, ClaimKind.MONEY_MOVED_ABROAD, Subject.OFFICIALS, "CN", null)
        .amountRange(new BigDecimal("10000000000"), new BigDecimal("99000000000")).currency("CNY");
    assertThat(key(range)).contains("10000000000~99000000000CNY");
    Samples.ClaimBuilder usdOnly = Samples.claim(0, ClaimKind.MONEY_RECOVERED, Subject.OFFICIALS, "CN", null)
        .usd(new BigDecimal("1230000.00"), null, null);
    assertThat(key(usdOnly)).contains("1200000USD");
    Samples.ClaimBuilder nothing = Samples.claim(0, ClaimKind.MONEY_RECOVERED, Subject.OFFICIALS, "CN", null);
    assertThat(key(nothing)).contains("|?|");
  }

  @Test
  void aVagueCountIsKeyedAsUnknownValue() {
    String thousands = key(Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", "US").count(null)
        .valueText("thousands"));
    assertThat(thousands).isEqualTo("officials_fled|officials|CN|US|?|-");
  }

  @Test
  void theKeyFormatIsTheDocumentedOne() {
    assertThat(ClaimKeys.canonical(Samples.namedFled())).isEqualTo("officials_fled|person|zhao minghui|CA");
    assertThat(ClaimKeys.canonical(Samples.returnedSince2015()))
        .isEqualTo("officials_returned|fugitives|CN|-|1000|since 2015");
    assertThat(ClaimKeys.canonical(Samples.moneyMoved())).isEqualTo("money_moved_abroad|officials|CN|-|300000000CNY|-");
  }

  @Test
  void zeroIsZero() {
    assertThat(key(fled(0))).isEqualTo("officials_fled|officials|CN|US|0|-");
  }
}
