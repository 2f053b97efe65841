package io.flightwatch.aggregator.http;

import io.flightwatch.aggregator.topology.ClaimView;
import io.flightwatch.aggregator.topology.StoreKeys;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A country's flows: its distinct claims grouped by the way people or money moved and by kind, each group a band by the
 * counting rules of the country totals ({@code BandBook}): low = the largest single figure (officials: at least the
 * distinct named people), high = the sum of the distinct figures plus the named people, a series of cumulative figures
 * counting only its latest figure. Claims are added one at a time, so a country's claims are read once, never held.
 *
 * <p>Direction: a flight or money moved abroad goes from the claim's origin to its destination; a return or a recovery
 * goes the other way, from the country it came back from (the claim's destination) to home (its origin).
 */
final class Flows {

  /**
   * One flow.
   *
   * @param from        where the people or money moved from
   * @param to          where they moved to
   * @param origin      the claims' origin (home of the officials or money)
   * @param destination the claims' destination (abroad; for returns the country they came back from)
   * @param low         the band's low end
   * @param high        the band's high end
   * @param claims      distinct claims (a named person once)
   * @param sources     independent sources summed over the claims
   * @param namedPeople distinct named people
   */
  record Flow(String from, String to, String origin, String destination, String kind, BigDecimal low,
      BigDecimal high, int claims, int sources, int namedPeople) {

    /** The order of the list: largest high first, then kind, from and to. */
    String position() {
      return StoreKeys.join(Cursors.descending(high), kind, from, to);
    }
  }

  private static final class Acc {
    final Set<String> people = new HashSet<>();
    final Map<String, String[]> series = new HashMap<>(); // series -> {as-of + key, high}
    BigDecimal largest = BigDecimal.ZERO;
    BigDecimal sum = BigDecimal.ZERO;
    int aggregates;
    int sources;
  }

  private final Map<String, Acc> flows = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();

  /** True for the kinds that move back home (returns, recoveries): their flow runs destination -> origin. */
  static boolean isReturn(String kind) {
    return kind.equals(ClaimKind.OFFICIALS_RETURNED.wireName()) || kind.equals(ClaimKind.MONEY_RECOVERED.wireName());
  }

  /** Adds a distinct claim (a claim seen before, e.g. in the country's other role, is ignored). */
  void add(ClaimView v) {
    if (!seen.add(v.key())) {
      return;
    }
    Acc a = flows.computeIfAbsent(StoreKeys.join(v.kind(), v.origin(), v.destination()), k -> new Acc());
    boolean money = v.claimKind().isMoney();
    String named = v.namedPerson() == null || v.namedPerson().isBlank() ? null
        : ClaimKeys.normaliseName(v.namedPerson());
    a.sources += v.sourceCount();
    if (named != null) {
      a.people.add(named);
    }
    if (!money && named != null) {
      return;
    }
    a.aggregates++;
    a.largest = a.largest.max(v.low());
    if (!v.cumulative() || v.periodFrom() == null) {
      a.sum = a.sum.add(v.high());
      return;
    }
    String asOf = v.periodTo() != null ? v.periodTo().toString()
        : v.firstSeen() != null ? v.firstSeen().toString().substring(0, 10) : "0000-00-00";
    String[] latest = {asOf + StoreKeys.SEP + v.key(), v.high().toPlainString()};
    a.series.merge(StoreKeys.join(String.valueOf(v.subject()), v.periodFrom().toString()), latest,
        (was, now) -> was[0].compareTo(now[0]) >= 0 ? was : now);
  }

  /** The flows of every claim added. */
  List<Flow> result() {
    List<Flow> out = new ArrayList<>();
    flows.forEach((k, a) -> {
      String[] parts = k.split(StoreKeys.SEP, -1);
      String kind = parts[0];
      boolean money = ClaimKind.fromWire(kind).isMoney();
      BigDecimal sum = a.sum;
      for (String[] latest : a.series.values()) {
        sum = sum.add(new BigDecimal(latest[1]));
      }
      int people = a.people.size();
      BigDecimal low = money ? a.largest : a.largest.max(BigDecimal.valueOf(people));
      BigDecimal high = money ? sum : sum.add(BigDecimal.valueOf(people));
      boolean back = isReturn(kind);
      out.add(new Flow(back ? parts[2] : parts[1], back ? parts[1] : parts[2], parts[1], parts[2], kind, low, high,
          a.aggregates + (money ? 0 : people), a.sources, people));
    });
    return out;
  }
}
