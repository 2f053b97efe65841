package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.MoneyMention;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stage 7: whether two drafts of an article tell one fact (one claim) or two, and whether two names are one person.
 *
 * <pre>
 *   "Tjandra" / "Djoko Tjandra"                                       one person
 *   "Petrenko Took $12 billion to Russia" (a title-case headline) /
 *   "Oleh Petrenko took at least $12 billion with him to Russia"      one fact (one printed sum, a name shared)
 *   "fled to Canada" (Lin Hao) / "fled to Canada" (Wu Qiang)          two facts
 *   "Tendai Murambiwa" / "Tendai Murambiwwa"                          one person (one letter apart)
 * </pre>
 */
final class SameFacts {

  /** How far apart two sums in one currency may be and still be one sum rounded (see {@link #twoEstimates}). */
  private static final double ROUNDING = 0.15;
  /** The shortest name whose one-letter variant is still the same name ("Lin" / "Liu" are two people). */
  private static final int SPELLING_MIN = 7;

  private SameFacts() {
  }

  /**
   * Two names of one person: equal, or the words of one are all in the other ("Tjandra", "Djoko Tjandra", "Djoko
   * Soegiarto Tjandra").
   */
  static boolean samePerson(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    return x.size() <= y.size() ? within(x, y) : within(y, x);
  }

  /** Every word of {@code few} is in {@code many}, or spelt one letter apart from one of its long words. */
  private static boolean within(Set<String> few, Set<String> many) {
    return few.stream().allMatch(w -> many.contains(w) || many.stream().anyMatch(m -> oneLetterApart(w, m)));
  }

  /**
   * "Nyamwansa" / "Nyamwasa", "Mutharika" / "Mutarika": a name of seven letters or more printed once with a letter
   * more, less or changed is the same name (a reporter's slip or a second transliteration).
   */
  static boolean oneLetterApart(String a, String b) {
    if (Math.min(a.length(), b.length()) < SPELLING_MIN || Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
      return false;
    }
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int j = 0;
    while (j < Math.min(a.length(), b.length()) - i
        && a.charAt(a.length() - 1 - j) == b.charAt(b.length() - 1 - j)) {
      j++;
    }
    return Math.max(a.length(), b.length()) - i - j <= 1;
  }

  private static boolean shareAName(String a, String b) {
    Set<String> x = words(a);
    x.retainAll(words(b));
    return !x.isEmpty();
  }

  private static Set<String> words(String name) {
    return new HashSet<>(List.of(ClaimKeys.normaliseName(name).split(" ")));
  }

  /** One money mention, or two with the same printed number and currency. */
  private static boolean samePrinted(Draft a, Draft b) {
    if (a.money == b.money) {
      return a.money != null;
    }
    return a.money != null && b.money != null && a.money.amount() != null && b.money.amount() != null
        && a.money.amount().compareTo(b.money.amount()) == 0 && Objects.equals(a.money.currency(), b.money.currency());
  }

  /** The same printed sum: equal USD values to the cent, or one mention. */
  static boolean sameSum(Draft a, Draft b) {
    if (a.money == b.money) {
      return true;
    }
    BigDecimal ua = a.usd();
    BigDecimal ub = b.usd();
    return ua != null && ub != null && ua.signum() > 0 && ua.compareTo(ub) == 0;
  }

  /** Two USD values within 1% of each other: one sum printed with different rounding. */
  static boolean nearSum(Draft a, Draft b) {
    return within(a, b, 0.01);
  }

  /** Two USD values within 5% of each other: a headline's "£17m" for the body's "£17.6m". */
  static boolean roundedSum(Draft a, Draft b) {
    return within(a, b, 0.05);
  }

  private static boolean within(Draft a, Draft b, double share) {
    BigDecimal ua = a.usd();
    BigDecimal ub = b.usd();
    if (ua == null || ub == null || ua.signum() <= 0 || ub.signum() <= 0) {
      return false;
    }
    double r = ua.doubleValue() / ub.doubleValue();
    return r > 1 - share && r < 1 + share;
  }

  static boolean sameFact(Draft a, Draft b) {
    if (a.kind != b.kind || !Objects.equals(a.destination, b.destination) || FurtherSums.distinct(a, b)
        || JoinedSums.joined(a, b)) {
      return false;
    }
    if (a.kind.isMoney() && samePrinted(a, b)
        && (a.person == null || b.person == null || shareAName(a.person, b.person))) {
      // "a former mayor laundered 18 billion pesos through Spain ... Javier Arango transferred the money to Spanish
      // banks": one printed sum, told of the unnamed and then of the named mover; "Ukraine Claims Petrenko Took $12
      // billion to Russia": a title-case headline stretches the name, one word of it is still shared
      return true;
    }
    if (a.person != null || b.person != null) {
      boolean one = a.person != null && b.person != null && samePerson(a.person, b.person);
      // "Badri airlifted $250 million to Minsk ... bought flats in Minsk for $35 million": one person's two sums
      // are two facts; a vague sum may be either
      return one && (!a.kind.isMoney() || a.vagueMoney || b.vagueMoney || nearUsd(a, b));
    }
    if (a.kind.isMoney()) {
      if (a.money == b.money) {
        return true;
      }
      if (twoEstimates(a.money, b.money)) {
        return false; // an audit's "600 billion rupees", an economist's "900 billion rupees": two figures
      }
      return a.usd() != null && b.usd() != null && a.usd().signum() > 0 && b.usd().signum() > 0 && nearUsd(a, b);
    }
    if (a.count == null || b.count == null) {
      return false;
    }
    return Math.abs(a.count - b.count) <= 0.1 * Math.max(a.count, b.count);
  }

  /**
   * Two sums printed in one currency that differ by more than {@value #ROUNDING}: two estimates, not one sum rounded
   * ("$4.6 billion" in the body, "nearly $5 billion" in the headline is one).
   */
  private static boolean twoEstimates(MoneyMention a, MoneyMention b) {
    if (a == null || b == null || a.currency() == null || !a.currency().equals(b.currency()) || a.amount() == null
        || b.amount() == null || a.amount().signum() <= 0 || b.amount().signum() <= 0) {
      return false;
    }
    double r = a.amount().doubleValue() / b.amount().doubleValue();
    return r > 1 + ROUNDING || r < 1 / (1 + ROUNDING);
  }

  /** Sums within a factor of 1.5 of each other; true when either has no sum to compare. */
  private static boolean nearUsd(Draft a, Draft b) {
    BigDecimal ua = a.usd();
    BigDecimal ub = b.usd();
    if (ua == null || ub == null || ua.signum() <= 0 || ub.signum() <= 0) {
      return true;
    }
    double r = ua.doubleValue() / ub.doubleValue();
    return r > 1 / 1.5 && r < 1.5;
  }
}
