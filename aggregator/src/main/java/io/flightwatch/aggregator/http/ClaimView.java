package io.flightwatch.aggregator.http;

import io.flightwatch.aggregator.topology.DistinctClaim;
import io.flightwatch.aggregator.topology.LedgerEntry;
import io.flightwatch.common.Claim;
import io.flightwatch.common.Countries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One distinct claim as served by {@code /api/claims} and {@code /api/countries/{iso}/evidence}: the counted value and
 * every article behind it, with its sentence.
 */
public record ClaimView(String key, String kind, String subject, String origin, String destination, BigDecimal low,
    BigDecimal high, String valueText, String namedPerson, boolean cumulative, boolean approximate, boolean hedged,
    String period, String month, Instant updatedAt, int sourceCount, List<Source> sources) {

  /** One article supporting the claim. */
  public record Source(String articleId, String url, String source, String title, String quote, Instant publishedAt) {}

  public static ClaimView of(DistinctClaim dc) {
    Claim rep = dc.representative();
    LedgerEntry e = LedgerEntry.of(dc);
    List<Source> sources = new ArrayList<>();
    for (Claim c : dc.supports().values()) {
      sources.add(new Source(c.articleId(), c.url(), c.source(), c.title(), c.quote(), c.publishedAt()));
    }
    return new ClaimView(dc.key(), rep.kind().wireName(), rep.subject() == null ? null : rep.subject().wireName(),
        bucket(rep.origin()), bucket(rep.destination()), e.low(), e.high(), rep.valueText(), rep.namedPerson(),
        rep.cumulative(), rep.approximate(), rep.hedged(), rep.period(), e.month(), dc.updatedAt(), sources.size(),
        sources);
  }

  private static String bucket(String iso) {
    return iso == null ? Countries.UNSPECIFIED : iso;
  }
}
