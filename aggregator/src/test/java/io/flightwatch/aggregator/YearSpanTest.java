package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.aggregator.topology.MonthlyTotals;
import io.flightwatch.aggregator.topology.YearSpan;
import io.flightwatch.common.Band;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearSpanTest {

  private static MonthlyTotals.Month fled(String low, String high, int claims, String largest) {
    Band b = new Band(new BigDecimal(low), new BigDecimal(high), claims, claims, 0, largest);
    return new MonthlyTotals.Month(RoleTotals.EMPTY.with(ClaimKind.OFFICIALS_FLED, b), RoleTotals.EMPTY);
  }

  @Test
  void aSpanOfYearsKeepsTheLargestClaimAsItsLowAndAddsTheHighs() {
    CountryTotals t = YearSpan.over("AU", List.of(fled("40", "55", 2, "k2016"), fled("120", "130", 3, "k2017")), 7,
        null);
    Band b = t.asDestination().officialsFled();
    assertThat(b.low()).isEqualByComparingTo("120");
    assertThat(b.high()).isEqualByComparingTo("185");
    assertThat(b.claims()).isEqualTo(5);
    assertThat(b.largestClaim()).isEqualTo("k2017");
    assertThat(t.asOrigin()).isEqualTo(RoleTotals.EMPTY);
    assertThat(t.articles()).isEqualTo(7);
  }

  @Test
  void undatedClaimsAreInNoSpanAndTheBoundsAreInclusive() {
    assertThat(YearSpan.within("undated", null, null)).isFalse();
    assertThat(YearSpan.within("2014", 2014, 2014)).isTrue();
    assertThat(YearSpan.within("2013", 2014, null)).isFalse();
    assertThat(YearSpan.within("2031", null, 2030)).isFalse();
  }
}
