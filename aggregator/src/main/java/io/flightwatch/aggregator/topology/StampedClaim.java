package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Claim;
import java.time.Instant;

/**
 * A claim with its event time: the article's publication time, or the record's own timestamp for an undated article.
 * Both come from the data, never from the clock, so reprocessing the same log yields the same aggregates.
 */
public record StampedClaim(Claim claim, Instant eventTime) {}
