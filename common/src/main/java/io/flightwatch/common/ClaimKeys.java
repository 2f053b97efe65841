package io.flightwatch.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The canonical claim key: what makes two reports "the same statistic".
 *
 * <p>Named individuals are keyed by kind, normalised name and destination, so the same fugitive reported by several
 * outlets counts once. Aggregates are keyed by kind, subject, origin, destination, the value rounded to two significant
 * digits (outlets round "1,012" and "more than 1,000" alike) in the currency it was printed in, and the period when
 * stated. The key is the Kafka key of {@code claims}, so every report of one statistic lands on one partition and the
 * aggregator's dedup needs no cross-partition state.
 */
public final class ClaimKeys {

  private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.HALF_EVEN);

  private ClaimKeys() {}

  public static String canonical(Claim c) {
    String dest = c.destination() == null ? "-" : c.destination();
    String origin = c.origin() == null ? "-" : c.origin();
    if (c.namedPerson() != null && !c.namedPerson().isBlank()) {
      // Origin is left out: one outlet naming the person's home country and another not must still meet on one key.
      return String.join("|", c.kind().wireName(), "person", normaliseName(c.namedPerson()), dest);
    }
    String subject = c.subject() == null ? Subject.UNSPECIFIED.wireName() : c.subject().wireName();
    String period = c.period() == null ? "-" : normaliseText(c.period());
    return String.join("|", c.kind().wireName(), subject, origin, dest, value(c), period);
  }

  static String value(Claim c) {
    if (c.kind().isMoney()) {
      String cur = c.currency() == null ? "USD" : c.currency();
      if (c.amount() != null) {
        return round(c.amount()) + cur;
      }
      if (c.amountLow() != null || c.amountHigh() != null) {
        return round(c.amountLow()) + "~" + round(c.amountHigh()) + cur;
      }
      return c.amountUsd() == null ? "?" : round(c.amountUsd()) + "USD";
    }
    return c.count() == null ? "?" : round(BigDecimal.valueOf(c.count()));
  }

  private static String round(BigDecimal v) {
    if (v == null) {
      return "?";
    }
    return v.signum() == 0 ? "0" : v.round(TWO_DIGITS).stripTrailingZeros().toPlainString();
  }

  /**
   * Lower case, accents removed, punctuation and repeated spaces folded: "Dai  Xuemin" and "dai xuemin" are one person.
   */
  public static String normaliseName(String name) {
    return normaliseText(name);
  }

  private static String normaliseText(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
