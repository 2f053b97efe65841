package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Case;
import io.flightwatch.common.Countries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** A case from the distinct claims that name one person: a pure function of that set, so replays agree. */
final class CaseBuilder {

  /** On one date, a return outranks an arrest, an arrest a sighting, a sighting a flight. */
  private static final List<String> PRECEDENCE = List.of("fled", "located", "arrested_abroad", "returned");

  private static final Comparator<ClaimView> BY_DATE = Comparator
      .comparing(ClaimView::firstSeen, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(ClaimView::key);

  private final CaseRules rules;

  CaseBuilder(CaseRules rules) {
    this.rules = rules;
  }

  /** The case of {@code id}, or null when no claim names the person any more. */
  Case build(String id, List<ClaimView> claims) {
    if (claims.isEmpty()) {
      return null;
    }
    List<ClaimView> sorted = new ArrayList<>(claims);
    sorted.sort(BY_DATE);
    int dropped = Math.max(0, sorted.size() - Case.MAX_EVENTS);
    List<ClaimView> shown = sorted.subList(dropped, sorted.size()); // the newest: they decide the status

    String name = null;
    TreeSet<String> aliases = new TreeSet<>();
    LinkedHashSet<String> offices = new LinkedHashSet<>();
    Map<String, Case.Destination> destinations = new LinkedHashMap<>();
    List<Case.Event> timeline = new ArrayList<>();
    BigDecimal movedLow = BigDecimal.ZERO;
    BigDecimal movedHigh = BigDecimal.ZERO;
    BigDecimal recoveredLow = BigDecimal.ZERO;
    BigDecimal recoveredHigh = BigDecimal.ZERO;
    Instant updated = null;
    Case.Event latest = null;
    for (ClaimView v : sorted) {
      String person = v.namedPerson().strip();
      if (name == null || person.length() > name.length()
          || (person.length() == name.length() && person.compareTo(name) < 0)) {
        name = person;
      }
      if (aliases.size() < Case.MAX_ALIASES) {
        aliases.add(rules.normalise(person));
      }
      String office = rules.office(v);
      if (office != null && offices.size() < Case.MAX_OFFICES) {
        offices.add(office);
      }
      updated = updated == null || (v.updatedAt() != null && v.updatedAt().isAfter(updated)) ? v.updatedAt() : updated;
    }
    for (ClaimView v : shown) {
      String event = rules.event(v);
      ClaimView.Source rep = v.sources().isEmpty() ? null : v.sources().get(0);
      Case.Event e = new Case.Event(v.firstSeen(), event, v.destination(), rules.channel(v), v.hedged(),
          v.valueText(), v.key(), v.sourceCount(), rep == null ? null : rep.quote(), rep == null ? null : rep.url());
      timeline.add(e);
      switch (event) {
        case "money_moved" -> {
          movedLow = movedLow.max(v.low());
          movedHigh = movedHigh.add(v.high());
        }
        case "money_recovered" -> {
          recoveredLow = recoveredLow.max(v.low());
          recoveredHigh = recoveredHigh.add(v.high());
        }
        default -> {
          if (!"returned".equals(event) && !Countries.UNSPECIFIED.equals(v.destination())) {
            Case.Destination d = destinations.get(v.destination());
            destinations.put(v.destination(), d == null ? new Case.Destination(v.destination(), v.hedged(),
                v.firstSeen())
                : new Case.Destination(d.country(), d.hedged() && v.hedged(), d.firstSeen()));
          }
          if (latest == null || later(e, latest)) {
            latest = e;
          }
        }
      }
    }
    String status = latest == null || "fled".equals(latest.event()) ? "at_large" : latest.event();
    String channel = latest != null && "returned".equals(latest.event()) ? latest.channel() : null;
    String origin = id.substring(0, id.indexOf(':'));
    return new Case(id, name, List.copyOf(aliases), origin, List.copyOf(offices), status, channel,
        List.copyOf(destinations.values()), timeline, movedLow, movedHigh, recoveredLow, recoveredHigh, dropped,
        updated);
  }

  private static boolean later(Case.Event a, Case.Event b) {
    if (!Objects.equals(a.date(), b.date())) {
      return b.date() == null || (a.date() != null && a.date().isAfter(b.date()));
    }
    return PRECEDENCE.indexOf(a.event()) > PRECEDENCE.indexOf(b.event());
  }
}
