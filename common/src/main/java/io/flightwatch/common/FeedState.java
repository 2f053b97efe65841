package io.flightwatch.common;

import java.time.Instant;

/**
 * The producer's per-feed HTTP state.
 *
 * @param url                 feed URL
 * @param etag                last ETag, or null
 * @param lastModified        last Last-Modified header, or null
 * @param consecutiveFailures failures since the last success (drives back-off)
 * @param lastPolledAt        when the feed was last polled
 */
public record FeedState(String url, String etag, String lastModified, int consecutiveFailures, Instant lastPolledAt) {}
