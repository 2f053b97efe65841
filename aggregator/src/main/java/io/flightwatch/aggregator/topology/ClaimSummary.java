package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Claim;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The bounded summary of one claim key: its view plus what is needed to keep the view right incrementally.
 *
 * @param view           what is counted and served
 * @param evidence       article ids of the best supports by {@link #PREFERENCE}, the representative first (at most
 *                       {@link ClaimView#EVIDENCE})
 * @param firstArticle   the support published first (it sets the month), or null when none is dated
 * @param firstPublished its publication time
 */
public record ClaimSummary(ClaimView view, List<String> evidence, String firstArticle, Instant firstPublished) {

  /**
   * Which report represents a claim: a precise figure before a hedged one, then the earliest publication, then the
   * article id. A fixed rule over the set of supports, never their arrival order, so replays and a second instance
   * agree.
   */
  public static final Comparator<Claim> PREFERENCE = Comparator
      .comparing(Claim::approximate)
      .thenComparing(Claim::hedged)
      .thenComparing(Claim::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Claim::articleId);

  /** Which support dates a claim: the earliest publication, then the article id. */
  public static final Comparator<Claim> FIRST_PUBLISHED = Comparator
      .comparing(Claim::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Claim::articleId);

  public ClaimSummary {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** True when removing or replacing this article's support may change the representative, evidence or month. */
  public boolean rests(String articleId) {
    return evidence.contains(articleId) || articleId.equals(firstArticle);
  }
}
