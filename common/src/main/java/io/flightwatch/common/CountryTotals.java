package io.flightwatch.common;

import java.time.Instant;

/**
 * A country's running totals, as published to the compacted {@code country-totals} topic (key = ISO alpha-2) and served
 * over REST. {@link Countries#UNSPECIFIED} ("ZZ") collects claims with no single destination.
 *
 * @param country       ISO 3166-1 alpha-2
 * @param name          English short name
 * @param asDestination officials who fled there, money that went there (returns and recoveries: from there)
 * @param asOrigin      the country's own officials and money
 * @param articles      distinct articles supporting any claim counted here
 * @param updatedAt     timestamp of the newest claim record that changed these totals (record time, not wall-clock, so
 *                      a replay gives identical totals)
 */
public record CountryTotals(
    String country, String name, RoleTotals asDestination, RoleTotals asOrigin, long articles, Instant updatedAt) {}
