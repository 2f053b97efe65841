package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.Band;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import io.flightwatch.common.RoleTotals;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamFilterTest {

  private static CountryTotals totals(String country, ClaimKind kind) {
    Band one = new Band(BigDecimal.ONE, BigDecimal.TEN, 1, 1, 0, "k");
    return new CountryTotals(country, country, RoleTotals.EMPTY.with(kind, one), RoleTotals.EMPTY, 1, null);
  }

  @Test
  void countriesAndKindsAreParsedAndChecked() {
    StreamFilter f = StreamFilter.of("ca, us", "officials_fled,money_recovered");
    assertThat(f.countries()).containsExactlyInAnyOrder("CA", "US");
    assertThat(f.kinds()).containsExactlyInAnyOrder(ClaimKind.OFFICIALS_FLED, ClaimKind.MONEY_RECOVERED);
    assertThat(StreamFilter.of(null, "")).isEqualTo(StreamFilter.ALL);
    assertThatThrownBy(() -> StreamFilter.of("Canada", null)).isInstanceOf(ApiException.class)
        .hasMessageContaining("not an ISO");
    assertThatThrownBy(() -> StreamFilter.of(null, "everything")).isInstanceOf(ApiException.class)
        .hasMessageContaining("unknown kind");
    // an empty item is no kind either (it was a NullPointerException, a 500, before)
    assertThatThrownBy(() -> StreamFilter.of(null, "officials_fled,,money_recovered")).isInstanceOf(ApiException.class)
        .hasMessageContaining("unknown kind").hasMessageContaining(RestApi.KINDS);
  }

  @Test
  void anEventPassesOnItsCountryAndTheKindsWithClaimsInIt() {
    StreamFilter canadaFlights = StreamFilter.of("CA", "officials_fled");
    assertThat(canadaFlights.passes(StreamFilter.About.of(totals("CA", ClaimKind.OFFICIALS_FLED)))).isTrue();
    assertThat(canadaFlights.passes(StreamFilter.About.of(totals("CA", ClaimKind.MONEY_MOVED_ABROAD)))).isFalse();
    assertThat(canadaFlights.passes(StreamFilter.About.of(totals("US", ClaimKind.OFFICIALS_FLED)))).isFalse();
    assertThat(canadaFlights.passes(StreamFilter.About.anyKind("CA"))).isTrue();
    assertThat(canadaFlights.passes(null)).as("hello").isTrue();
    assertThat(StreamFilter.ALL.passes(new StreamFilter.About("JP", Set.of()))).isTrue();
  }
}
