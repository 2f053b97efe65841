package io.flightwatch.nlp.stream;

import io.flightwatch.common.Claim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one article may add to the totals. A 99 KB page listing 2,500 names (a court roll, a sanctions annex) is not
 * 2,500 news reports of flight; without a cap it would add a thousand named claims to one country from one page. Claims
 * beyond the caps are dropped in the article's order (the first are kept), with a processing warning and a counted
 * reason.
 */
final class ClaimCaps {

  /** Claims one article version may publish. */
  static final int MAX_CLAIMS = 60;

  /** Distinct named people one article version may publish claims about. */
  static final int MAX_NAMED_PEOPLE = 20;

  private ClaimCaps() {}

  /**
   * @param kept     the claims to publish
   * @param dropped  claims dropped because the article named too many people
   * @param overflow claims dropped because the article made too many claims
   */
  record Result(List<Claim> kept, int dropped, int overflow) {

    List<String> warnings() {
      List<String> w = new ArrayList<>();
      if (dropped > 0) {
        w.add(String.format(Locale.ROOT, "claims capped: %d claim(s) about more than %d named people dropped", dropped,
            MAX_NAMED_PEOPLE));
      }
      if (overflow > 0) {
        w.add(String.format(Locale.ROOT, "claims capped: %d claim(s) beyond the first %d dropped", overflow,
            MAX_CLAIMS));
      }
      return w;
    }
  }

  static Result apply(List<Claim> claims) {
    Set<String> people = new LinkedHashSet<>();
    List<Claim> kept = new ArrayList<>();
    int dropped = 0;
    int overflow = 0;
    for (Claim c : claims) {
      String person = c.namedPerson() == null || c.namedPerson().isBlank() ? null
          : c.namedPerson().strip().toLowerCase(Locale.ROOT);
      if (person != null && !people.contains(person) && people.size() >= MAX_NAMED_PEOPLE) {
        dropped++;
        continue;
      }
      if (kept.size() >= MAX_CLAIMS) {
        overflow++;
        continue;
      }
      if (person != null) {
        people.add(person);
      }
      kept.add(c);
    }
    return new Result(kept, dropped, overflow);
  }
}
