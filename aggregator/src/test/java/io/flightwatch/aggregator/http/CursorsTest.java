package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CursorsTest {

  private static final Pattern ANY = Pattern.compile(".+");

  @Test
  void aCursorIsOpaqueAndGivesBackItsPosition() {
    String c = Cursors.encode("claims", "2147483645\u0000officials_fled|x|CN|-");
    assertThat(c).matches("[A-Za-z0-9_-]+");
    assertThat(Cursors.decode(c, "claims", ClaimQueries.POSITION)).isEqualTo("2147483645\u0000officials_fled|x|CN|-");
    assertThat(Cursors.decode(null, "claims", ANY)).isNull();
    assertThat(Cursors.decode("", "claims", ANY)).isNull();
  }

  @Test
  void aBadCursorIsA400NamingTheProblem() {
    assertThatThrownBy(() -> Cursors.decode("not a cursor!", "claims", ANY)).isInstanceOf(ApiException.class)
        .hasMessageContaining("bad cursor").satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    assertThatThrownBy(() -> Cursors.decode("AAAA", "claims", ANY)).hasMessageContaining("bad cursor");
    assertThatThrownBy(() -> Cursors.decode(Cursors.encode("cases", "x"), "claims", ANY))
        .hasMessage("bad cursor: it continues the cases list, not the claims list");
    assertThatThrownBy(() -> Cursors.decode(Cursors.encode("claims", "12\u0000k"), "claims", ClaimQueries.POSITION))
        .hasMessage("bad cursor: malformed position for the claims list");
    assertThatThrownBy(() -> Cursors.decode("A".repeat(5000), "claims", ANY)).hasMessageContaining("bad cursor");
  }

  @Test
  void pagesFollowThePositionsAndSayWhenMoreFollow() {
    List<String> rows = List.of("d", "a", "c", "b", "e");
    Cursors.Page<String> first = Cursors.page(rows, Function.identity(), null, 2, "t", false);
    assertThat(first.rows()).containsExactly("a", "b");
    Cursors.Page<String> second = Cursors.page(rows, Function.identity(), Cursors.decode(first.next(), "t", ANY), 2,
        "t", false);
    assertThat(second.rows()).containsExactly("c", "d");
    Cursors.Page<String> last = Cursors.page(rows, Function.identity(), Cursors.decode(second.next(), "t", ANY), 2,
        "t", false);
    assertThat(last.rows()).containsExactly("e");
    assertThat(last.next()).isNull();
    // a part of a list that stopped at its limit has more after it, though this page is not full
    assertThat(Cursors.page(List.of("a"), Function.identity(), null, 2, "t", true).next()).isNotNull();
    assertThat(Cursors.page(rows, Function.identity(), null, 5, "t", false).next()).isNull();
  }

  @Test
  void descendingAmountsSortLargestFirst() {
    assertThat(Cursors.descending(new BigDecimal("4300"))).hasSize(19)
        .isLessThan(Cursors.descending(new BigDecimal("4000.5")));
    assertThat(Cursors.descending(new BigDecimal("0.01"))).isLessThan(Cursors.descending(BigDecimal.ZERO));
  }
}
