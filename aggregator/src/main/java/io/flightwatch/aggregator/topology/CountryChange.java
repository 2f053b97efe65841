package io.flightwatch.aggregator.topology;

import java.time.Instant;

/**
 * What one claim record changed for one country in one role, sent from the claim-keyed stage to the country-keyed one.
 * Bounded: two views (each bounded) and one article reference.
 *
 * @param country      ISO alpha-2 or "ZZ" (also the record key)
 * @param role         the role the country plays in the claim
 * @param claimKey     canonical claim key
 * @param before       the claim's view before the change (null when it was not counted here)
 * @param after        the claim's view after it (null when it no longer counts here)
 * @param articleId    an article whose support for the claim was added or withdrawn here, or null
 * @param articleDelta +1 (support added), -1 (withdrawn) or 0
 * @param eventTime    event time of the claim record behind the change
 */
public record CountryChange(String country, Role role, String claimKey, ClaimView before, ClaimView after,
    String articleId, int articleDelta, Instant eventTime) {}
