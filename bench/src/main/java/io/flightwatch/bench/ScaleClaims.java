package io.flightwatch.bench;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Generated claims for the aggregator's scale rows: many countries (a few large), four kinds, named people (cases), the
 * same statistic reported again by other outlets (supports), spread over years. Deterministic for a seed; nothing of it
 * comes from real news.
 */
final class ScaleClaims {

  private static final List<String> DESTINATIONS = List.of("US", "CA", "AU", "GB", "NZ", "SG", "TH", "AE", "FR", "DE",
      "ES", "PT", "NL", "CH", "IT", "JP", "KR", "MY", "PH", "ID", "VN", "KH", "LA", "MM", "IN", "ZA", "KE", "NG", "GH",
      "EG", "MA", "BR", "AR", "MX", "PA", "CO", "PE", "CL", "UY", "PY", "RU", "UA", "TR", "GE", "AM", "KZ", "UZ", "IL",
      "CY", "MT", "IE", "BE", "LU", "AT", "SE", "NO", "DK", "FI", "PL", "CZ");
  private static final List<String> ORIGINS = List.of("CN", "NG", "RU", "UA", "BR", "MX", "PE", "KE", "ZA", "IN",
      "PK", "BD", "VN", "PH", "ID", "MY", "EG", "TR", "KZ", "AR", "CO", "VE", "GH", "UG", "TZ", "IQ", "LB", "SN", "CM",
      "AO");
  private static final Instant START = Instant.parse("2015-01-01T00:00:00Z");

  private final Random random;
  private final int outlets;
  private final int people;
  private int next;

  ScaleClaims(long seed, int outlets, int people) {
    this.random = new Random(seed);
    this.outlets = outlets;
    this.people = people;
  }

  /** The i-th generated claim record (call in order). About one in four repeats an earlier statistic. */
  Claim next() {
    int i = next++;
    boolean repeat = i > 100 && random.nextInt(4) == 0;
    int statistic = repeat ? random.nextInt(i) : i;
    Random s = new Random(statistic * 7919L + 17);
    // Skewed destinations: the first few countries get most claims, as in the news.
    String dest = DESTINATIONS.get(Math.min(DESTINATIONS.size() - 1, (int) Math.abs(s.nextGaussian() * 12)));
    String origin = ORIGINS.get(s.nextInt(ORIGINS.size()));
    int k = s.nextInt(100);
    ClaimKind kind = k < 60 ? ClaimKind.OFFICIALS_FLED : k < 75 ? ClaimKind.OFFICIALS_RETURNED
        : k < 95 ? ClaimKind.MONEY_MOVED_ABROAD : ClaimKind.MONEY_RECOVERED;
    String person = s.nextInt(10) == 0 ? "Scale Person" + s.nextInt(people) + " Family" + s.nextInt(people) : null;
    Instant published = START.plusSeconds((long) i * 300 + random.nextInt(3600));
    String outlet = "outlet" + random.nextInt(outlets) + ".example.com";
    String article = "scale-" + i;
    long count = 1 + s.nextInt(2_000);
    BigDecimal usd = BigDecimal.valueOf(100_000L + s.nextInt(50_000_000)).setScale(2, RoundingMode.UNNECESSARY);
    boolean money = kind.isMoney();
    Claim c = new Claim(article + "#0", null, article, "v1", kind, Subject.OFFICIALS, origin, dest, List.of(),
        money ? null : (person != null ? 1L : count), money ? usd : null, money ? usd : null, money ? usd : null,
        money ? "USD" : null, money ? "$" + usd.toPlainString() : String.valueOf(count), money ? usd : null,
        money ? usd : null, money ? usd : null, money ? "identity" : null, money ? BigDecimal.ONE : null, null, false,
        false, person,
        person == null ? "wave " + statistic : null, null, null, false, null,
        "A generated sentence for the scale bench about statistic " + statistic + " and its countries.", 0, 90, 0.8,
        "https://" + outlet + "/news/" + article, outlet, "Generated " + statistic, published, outlet, null, false);
    return c.withKey(ClaimKeys.canonical(c));
  }
}
