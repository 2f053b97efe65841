package io.flightwatch.aggregator.http;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.CountryTotals;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one live-stream client follows: {@code /api/stream?country=CA,US&kind=officials_fled}. A totals event passes
 * when its country is one of the countries (or none were given) and one of the kinds has claims in it, as destination
 * or origin (or none were given); a country's removal passes on the country alone.
 */
record StreamFilter(Set<String> countries, Set<ClaimKind> kinds) {

  static final String ATTRIBUTE = "flightwatch.stream.filter";

  static final StreamFilter ALL = new StreamFilter(Set.of(), Set.of());

  /** What an event is about: its country and the kinds with claims in its totals. */
  record About(String country, Set<ClaimKind> kinds) {

    static About of(CountryTotals t) {
      Set<ClaimKind> kinds = EnumSet.noneOf(ClaimKind.class);
      for (ClaimKind k : ClaimKind.values()) {
        if (t.asDestination().of(k).claims() > 0 || t.asOrigin().of(k).claims() > 0) {
          kinds.add(k);
        }
      }
      return new About(t.country(), kinds);
    }

    static About anyKind(String country) {
      return new About(country, null);
    }
  }

  /** Parses the two parameters; a malformed one is a 400 naming what is accepted. */
  static StreamFilter of(String countries, String kinds) {
    Set<String> c = countries == null || countries.isBlank() ? Set.of()
        : Arrays.stream(countries.split(",")).map(RestApi::iso).collect(Collectors.toCollection(TreeSet::new));
    // an empty item ("officials_fled,") is no kind: a 400 naming the valid ones, like any other unknown kind
    Set<ClaimKind> k = kinds == null || kinds.isBlank() ? Set.of()
        : Arrays.stream(kinds.split(",", -1)).map(s -> RestApi.kind(s.isBlank() ? "(empty)" : s, null)).collect(
            Collectors.toCollection(() -> EnumSet.noneOf(ClaimKind.class)));
    return new StreamFilter(Set.copyOf(c), Set.copyOf(k));
  }

  boolean passes(About about) {
    if (about == null) {
      return true; // not about a country ("hello")
    }
    if (!countries.isEmpty() && !countries.contains(about.country())) {
      return false;
    }
    return kinds.isEmpty() || about.kinds() == null || about.kinds().stream().anyMatch(kinds::contains);
  }
}
