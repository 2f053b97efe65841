package io.flightwatch.common;

/**
 * What the producer remembers of a published article, so it never publishes the same version twice.
 *
 * @param id          article id
 * @param contentHash hash of the version last published
 * @param url         canonical URL, or null
 */
public record SeenArticle(String id, String contentHash, String url) {}
