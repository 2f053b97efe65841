package io.flightwatch.nlp.stream;

import io.flightwatch.common.Claim;
import java.util.List;

/**
 * Value of {@code article-claims-store} (key = article id): the last processed version of the article and the claims it
 * produced. The version makes a redelivered or replayed record a no-op; the claims are what a newer version must
 * retract.
 *
 * @param version content hash of the last processed version
 * @param claims  the claims that version emitted (not retractions), with their canonical keys
 */
public record ArticleClaimsState(String version, List<Claim> claims) {

  public ArticleClaimsState {
    claims = claims == null ? List.of() : List.copyOf(claims);
  }
}
