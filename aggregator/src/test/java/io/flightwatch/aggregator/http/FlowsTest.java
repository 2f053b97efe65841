package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.aggregator.topology.ClaimView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A country's flows: one band per route and kind, by the counting rules of the totals, pointing the way things moved.
 */
class FlowsTest {

  private static ClaimView view(String key, String kind, String origin, String destination, long value,
      String named, boolean cumulative, LocalDate from, LocalDate to, int sources) {
    BigDecimal v = BigDecimal.valueOf(value);
    return new ClaimView(key, kind, "officials", origin, destination, v, v, value + " officials", named, cumulative,
        false, false, null, from, to, "2024-05", Instant.parse("2024-05-02T07:00:00Z"),
        Instant.parse("2024-05-02T07:00:00Z"), sources, sources, List.of());
  }

  private static ClaimView fled(String key, String origin, String destination, long value, int sources) {
    return view(key, "officials_fled", origin, destination, value, null, false, null, null, sources);
  }

  @Test
  void aRouteIsABandOfItsDistinctClaims() {
    Flows flows = new Flows();
    flows.add(fled("a", "RU", "GB", 100, 2));
    flows.add(fled("b", "RU", "GB", 200, 1));
    flows.add(fled("a", "RU", "GB", 100, 2)); // the same claim again (the country's other role): counted once
    flows.add(view("n", "officials_fled", "RU", "GB", 0, "Ivan Petrov", false, null, null, 1));
    flows.add(view("n2", "officials_fled", "RU", "GB", 0, "ivan petrov", false, null, null, 1)); // the same person
    flows.add(fled("c", "RU", "AE", 50, 1));
    List<Flows.Flow> out = flows.result();
    assertThat(out).extracting(f -> f.from() + ">" + f.to() + " " + f.low().toPlainString() + "-"
        + f.high().toPlainString() + " c" + f.claims() + " s" + f.sources() + " p" + f.namedPeople())
        .containsExactlyInAnyOrder("RU>GB 200-301 c3 s5 p1", "RU>AE 50-50 c1 s1 p0");
  }

  @Test
  void aCumulativeFigureIsNotAddedToTheFlowsItContainsAndASeriesCountsItsLatestFigure() {
    Flows flows = new Flows();
    LocalDate since = LocalDate.parse("2014-01-01");
    flows.add(view("s1", "officials_fled", "CN", "US", 3000, null, true, since, LocalDate.parse("2016-12-31"), 1));
    flows.add(view("s2", "officials_fled", "CN", "US", 4000, null, true, since, LocalDate.parse("2018-12-31"), 1));
    flows.add(fled("f1", "CN", "US", 100, 1));
    flows.add(fled("f2", "CN", "US", 50, 1));
    Flows.Flow f = flows.result().get(0);
    assertThat(f.low()).isEqualByComparingTo("4000");
    assertThat(f.high()).isEqualByComparingTo("4150");
    assertThat(f.claims()).isEqualTo(4);
  }

  @Test
  void returnsPointHomeFromTheCountryTheyCameBackFrom() {
    Flows flows = new Flows();
    // officials who went back to RU from GB: the claim's origin is RU (home), its destination GB
    flows.add(view("r", "officials_returned", "RU", "GB", 7, null, false, null, null, 1));
    flows.add(fled("f", "RU", "GB", 9, 1));
    assertThat(flows.result()).extracting(f -> f.kind() + " " + f.from() + ">" + f.to() + " (origin " + f.origin()
        + ", destination " + f.destination() + ")")
        .containsExactlyInAnyOrder("officials_returned GB>RU (origin RU, destination GB)",
            "officials_fled RU>GB (origin RU, destination GB)");
  }

  @Test
  void moneyCountsNamedClaimsAsAmounts() {
    Flows flows = new Flows();
    BigDecimal m = new BigDecimal("1000000.00");
    flows.add(new ClaimView("m1", "money_moved_abroad", "officials", "NG", "GB", m, m, "$1m", "A Person", false, false,
        false, null, null, null, "2024-05", null, null, 1, 1, List.of()));
    flows.add(new ClaimView("m2", "money_moved_abroad", "officials", "NG", "GB", m, m.add(m), "$1-2m", null, false,
        true, false, null, null, null, "2024-05", null, null, 2, 2, List.of()));
    Flows.Flow f = flows.result().get(0);
    assertThat(f.low()).isEqualByComparingTo("1000000");
    assertThat(f.high()).isEqualByComparingTo("3000000");
    assertThat(f.claims()).isEqualTo(2);
    assertThat(f.namedPeople()).isEqualTo(1);
  }

  @Test
  void flowsAreListedLargestFirstAndPageByCursor() {
    Flows flows = new Flows();
    flows.add(fled("a", "RU", "GB", 10, 1));
    flows.add(fled("b", "RU", "AE", 30, 1));
    flows.add(fled("c", "RU", "TR", 20, 1));
    Cursors.Page<Flows.Flow> first = Cursors.page(flows.result(), Flows.Flow::position, null, 2, FlowQueries.LIST,
        false);
    assertThat(first.rows()).extracting(Flows.Flow::to).containsExactly("AE", "TR");
    String after = Cursors.decode(first.next(), FlowQueries.LIST, FlowQueries.POSITION);
    Cursors.Page<Flows.Flow> second = Cursors.page(flows.result(), Flows.Flow::position, after, 2, FlowQueries.LIST,
        false);
    assertThat(second.rows()).extracting(Flows.Flow::to).containsExactly("GB");
    assertThat(second.next()).isNull();
  }
}
