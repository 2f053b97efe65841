package io.flightwatch.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One named person followed across the news, as published to the compacted {@code cases} topic (key = {@link #id}) and
 * served by {@code /api/cases}. Built from every claim that names the person; bounded (at most
 * {@link #MAX_EVENTS} events, a few aliases, offices and destinations), never added to the aggregate statistics.
 *
 * @param id               stable case id: origin + ":" + the name's key ({@code CaseKeys}), e.g. "UA:yanukovych"
 * @param name             the fullest form of the name seen
 * @param aliases          every form of the name seen, normalised, sorted (at most {@link #MAX_ALIASES})
 * @param origin           ISO alpha-2 of the person's country, or "ZZ" when no report says
 * @param offices          offices or titles the evidence gives ("former deputy mayor"), at most {@link #MAX_OFFICES}
 * @param status           at_large, located, arrested_abroad or returned: the latest event by date
 * @param returnChannel    how the latest return happened (extradition, deportation, persuaded, surrendered, other), or
 *                         null
 * @param destinations     countries the person fled to or was found in, first seen first
 * @param timeline         the events, oldest first
 * @param moneyMovedLowUsd the largest single amount reported moved abroad by or for the person
 * @param moneyMovedHighUsd the sum of the distinct amounts reported moved
 * @param moneyRecoveredLowUsd the largest single amount reported recovered
 * @param moneyRecoveredHighUsd the sum of the distinct amounts reported recovered
 * @param eventsDropped    events beyond {@link #MAX_EVENTS}, not shown
 * @param updatedAt        newest event time of a claim behind the case
 */
public record Case(String id, String name, List<String> aliases, String origin, List<String> offices, String status,
    String returnChannel, List<Destination> destinations, List<Event> timeline, BigDecimal moneyMovedLowUsd,
    BigDecimal moneyMovedHighUsd, BigDecimal moneyRecoveredLowUsd, BigDecimal moneyRecoveredHighUsd, int eventsDropped,
    Instant updatedAt) {

  public static final int MAX_EVENTS = 50;
  public static final int MAX_ALIASES = 10;
  public static final int MAX_OFFICES = 5;

  public Case {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    offices = offices == null ? List.of() : List.copyOf(offices);
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  /**
   * A country the person went to.
   *
   * @param country   ISO alpha-2
   * @param hedged    every report of it is hedged ("believed to be in")
   * @param firstSeen first publication that placed the person there
   */
  public record Destination(String country, boolean hedged, Instant firstSeen) {}

  /**
   * One event of the case: one distinct claim about the person.
   *
   * @param date      first publication of the claim (null when undated)
   * @param event     fled, located, arrested_abroad, returned, money_moved or money_recovered
   * @param country   where to (fled, located, arrested) or where from (returned, recovered), or "ZZ"
   * @param channel   for a return: extradition, deportation, persuaded, surrendered or other
   * @param hedged    the claim is presented as belief or rumour
   * @param valueText the figure as printed, for money
   * @param claimKey  canonical key of the claim (its evidence: {@code /api/sources?claim=KEY})
   * @param sources   independent sources of the claim
   * @param quote     the representative evidence sentence (cut to a few hundred characters)
   * @param url       the representative article
   */
  public record Event(Instant date, String event, String country, String channel, boolean hedged, String valueText,
      String claimKey, int sources, String quote, String url) {}
}
