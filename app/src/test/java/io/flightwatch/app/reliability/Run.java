package io.flightwatch.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a settled pipeline run produced: the committed {@code country-totals} (last value per country, the exact JSON
 * text), the claim supports the aggregator holds, and how many committed claim records repeat an earlier one.
 */
record Run(int articles, Map<String, String> totals, Set<String> supports, long reemitted) {

  /** Numbers compared by value (REST and topic may print 1E+9 and 1000000000 differently), everything else exactly. */
  static final Comparator<JsonNode> NUMERIC = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  /** Countries among the compared records (the rest are cases, keyed "case " + id). */
  int countries() {
    return (int) totals.keySet().stream().filter(k -> !k.startsWith("case ")).count();
  }

  /** Distinct claims summed over countries and roles: a rough size figure for the report. */
  int distinctClaims() {
    return (int) supports.stream().map(s -> s.substring(0, s.lastIndexOf('|'))).distinct().count();
  }

  /** Supports of {@code reference} this run does not hold. */
  int lostAgainst(Run reference) {
    Set<String> lost = new TreeSet<>(reference.supports);
    lost.removeAll(supports);
    return lost.size();
  }

  /**
   * Supports counted more than in {@code reference}: supports the reference does not hold, plus every band whose
   * {@code sources} or {@code claims} exceeds the reference's (a support counted twice), plus claim records emitted
   * twice.
   */
  long countedTwiceAgainst(Run reference) {
    Set<String> extra = new TreeSet<>(supports);
    extra.removeAll(reference.supports);
    long twice = extra.size() + reemitted;
    for (Map.Entry<String, String> e : totals.entrySet()) {
      String ref = reference.totals.get(e.getKey());
      if (ref == null || e.getKey().startsWith("case ")) {
        continue;
      }
      JsonNode run = Pipeline.tree(e.getValue());
      JsonNode r = Pipeline.tree(ref);
      for (String role : List.of("asDestination", "asOrigin")) {
        Iterator<String> bands = run.path(role).fieldNames();
        while (bands.hasNext()) {
          String band = bands.next();
          for (String field : List.of("sources", "claims")) {
            long diff = run.path(role).path(band).path(field).asLong() - r.path(role).path(band).path(field).asLong();
            twice += Math.max(0, diff);
          }
        }
      }
    }
    return twice;
  }

  /** Countries whose JSON differs from the reference's, for the failure message. */
  List<String> differencesFrom(Run reference) {
    List<String> out = new ArrayList<>();
    Set<String> all = new TreeSet<>(totals.keySet());
    all.addAll(reference.totals.keySet());
    for (String c : all) {
      String a = reference.totals.get(c);
      String b = totals.get(c);
      if (a == null || !a.equals(b)) {
        out.add(c + ": reference " + a + "\n    this run  " + b);
      }
    }
    return out;
  }

  boolean totalsEqual(Run reference) {
    return totals.equals(reference.totals);
  }

  /** The figure line every recovery scenario prints. */
  String figure(String scenario, Run reference, String extra) {
    return "RELIABILITY " + scenario + ": " + articles + " articles, " + distinctClaims() + " distinct claims, "
        + supports.size() + " supports, " + countries() + " countries, " + (totals.size() - countries())
        + " cases; claims lost " + lostAgainst(reference)
        + ", counted twice " + countedTwiceAgainst(reference) + ", totals equal to uninterrupted run: "
        + (totalsEqual(reference) ? "yes" : "NO") + (extra.isEmpty() ? "" : "; " + extra);
  }
}
