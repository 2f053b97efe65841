package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Claim;

/**
 * One article's report of one claim, as stored per (claim key, article).
 *
 * @param claim  the article's newest report, its evidence sentence cut to {@link ClaimSupports#MAX_QUOTE_CHARS}
 * @param outlet the independent source it counts for: its own outlet, or the outlet of the earlier report it is a
 *               syndicated copy of
 */
public record Support(Claim claim, String outlet) {}
