package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Band;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import java.math.BigDecimal;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The counting rules, kept incrementally: adding or removing one claim's view changes a {@link Band} in a constant
 * number of store operations, however many claims the band already holds.
 *
 * <ul>
 *   <li>Named individuals count once each, by normalised name, however many claims name them (a reference count per
 *       name).</li>
 *   <li>{@code low} = the largest single aggregate figure (the last entry of an index ordered by value, so removing the
 *       largest claim finds the next one without a scan), but never less than the number of distinct named people.</li>
 *   <li>{@code high} = the sum of every distinct aggregate figure plus the distinct named people (nothing overlaps),
 *       except that a series of cumulative figures (same subject, countries and start: "since 2014") counts only its
 *       latest figure.</li>
 *   <li>Money: named claims are amounts like any other, so low = the largest, high = the sum.</li>
 *   <li>{@code claims} = distinct claims (for officials, a named person is one claim however often named);
 *       {@code sources} = independent sources summed over them.</li>
 * </ul>
 *
 * <p>A scope is a country, or a country and month; index and counts live under keys starting with the scope.
 */
final class BandBook {

  private final KeyValueStore<String, String> index;
  private final KeyValueStore<String, Long> counts;

  BandBook(KeyValueStore<String, String> index, KeyValueStore<String, Long> counts) {
    this.index = index;
    this.counts = counts;
  }

  Band add(String scope, Role role, ClaimView v, Band band) {
    return apply(scope, role, v, band, 1);
  }

  Band remove(String scope, Role role, ClaimView v, Band band) {
    return apply(scope, role, v, band, -1);
  }

  private Band apply(String scope, Role role, ClaimView v, Band b, int sign) {
    ClaimKind kind = v.claimKind();
    boolean money = kind.isMoney();
    String named = v.namedPerson() == null || v.namedPerson().isBlank() ? null
        : ClaimKeys.normaliseName(v.namedPerson());
    int people = b.namedPeople();
    int aggregates = money ? b.claims() : b.claims() - people;
    BigDecimal sum = money ? b.high() : b.high().subtract(BigDecimal.valueOf(people));
    if (named != null) {
      people += refer(StoreKeys.join("n", scope, role.wireName(), kind.wireName(), named), sign);
    }
    if (money || named == null) {
      aggregates += sign;
      String series = series(scope, role, v);
      if (series == null) {
        sum = sign > 0 ? sum.add(v.high()) : sum.subtract(v.high());
      } else {
        sum = sum.add(seriesChange(series, v, sign));
      }
      String ik = StoreKeys.join("x", scope, role.wireName(), kind.wireName(), StoreKeys.sortable(v.low()), v.key());
      if (sign > 0) {
        index.put(ik, v.low().toPlainString());
      } else {
        index.delete(ik);
      }
    }
    int claims = aggregates + (money ? 0 : people);
    if (claims <= 0) {
      return Band.EMPTY;
    }
    KeyValue<String, String> top = largest(StoreKeys.prefix("x", scope, role.wireName(), kind.wireName()));
    BigDecimal largest = top == null ? BigDecimal.ZERO : new BigDecimal(top.value);
    BigDecimal low = money ? largest : largest.max(BigDecimal.valueOf(people));
    BigDecimal high = money ? sum : sum.add(BigDecimal.valueOf(people));
    return new Band(low, high, claims, b.sources() + sign * v.sourceCount(), people,
        top == null ? null : StoreKeys.last(top.key));
  }

  /**
   * The series a cumulative figure belongs to ("more than 4,000 since 2014", then "5,000 since 2014": one running total
   * reported twice), or null for a flow or a figure without a stated start: same scope, role, kind, subject, other
   * country and first day of the period.
   */
  private static String series(String scope, Role role, ClaimView v) {
    if (!v.cumulative() || v.periodFrom() == null) {
      return null;
    }
    String other = role == Role.DESTINATION ? v.origin() : v.destination();
    return StoreKeys.prefix("s", scope, role.wireName(), v.kind(), String.valueOf(v.subject()), other,
        v.periodFrom().toString());
  }

  /**
   * Adds or removes a cumulative figure in its series and returns how the band's sum changes: only the series' latest
   * figure (by the end of its period, else its first publication) is counted, so a running total reported again later
   * replaces its earlier value instead of adding to it.
   */
  private BigDecimal seriesChange(String series, ClaimView v, int sign) {
    KeyValue<String, String> before = largest(series);
    String asOf = v.periodTo() != null ? v.periodTo().toString()
        : v.firstSeen() != null ? v.firstSeen().toString().substring(0, 10) : "0000-00-00";
    String key = series + asOf + StoreKeys.SEP + v.key();
    if (sign > 0) {
      index.put(key, v.high().toPlainString());
    } else {
      index.delete(key);
    }
    KeyValue<String, String> after = largest(series);
    BigDecimal was = before == null ? BigDecimal.ZERO : new BigDecimal(before.value);
    BigDecimal now = after == null ? BigDecimal.ZERO : new BigDecimal(after.value);
    return now.subtract(was);
  }

  /**
   * Changes a reference count by {@code sign}; returns +1 when the count appeared (0 -> 1), -1 when it went (1 -> 0),
   * else 0.
   */
  int refer(String key, int sign) {
    Long n = counts.get(key);
    long next = (n == null ? 0 : n) + sign;
    if (next <= 0) {
      counts.delete(key);
      return n != null && n > 0 ? -1 : 0;
    }
    counts.put(key, next);
    return n == null || n == 0 ? 1 : 0;
  }

  private KeyValue<String, String> largest(String prefix) {
    try (KeyValueIterator<String, String> it = index.reverseRange(prefix, StoreKeys.upper(prefix))) {
      return it.hasNext() ? it.next() : null;
    }
  }
}
