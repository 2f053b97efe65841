package io.flightwatch.nlp.extract;

import edu.stanford.nlp.ling.IndexedWord;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.PlaceReader.Places;
import io.flightwatch.nlp.extract.RoleReader.Role;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stage 4 for money: the draft of one transfer or recovery predicate (how much, to or from where).
 *
 * <pre>
 *   "wired $12 million to accounts in Latvia"          money moved, LV
 *   "The funds were transferred to a bank in Cyprus"   the amount of the sentence before, CY
 *   "laundered $5 million" (no place, nothing abroad)  no claim
 * </pre>
 */
final class MoneyFrame {

  private static final Pattern MONEY_REFERENCE = Pattern.compile(
      "(?i)\\b(?:the|these|those|such|this|that) (?:funds|money|assets|proceeds|sums?|cash|amount)\\b");

  private final MoneyReader money;
  private final Destinations destinations;

  MoneyFrame(MoneyReader money, Destinations destinations) {
    this.money = money;
    this.destinations = destinations;
  }

  /** An amount of an earlier sentence, with that sentence (for its bracketed conversion). */
  record Earlier(MoneyMention money, SentenceView sentence) {}

  List<Draft> read(SentenceView s, ClaimKind kind, int head, Map<Role, List<IndexedWord>> r,
      Earlier earlier) {
    MoneyMention m = money.amountFor(s, head, r.get(Role.THEME));
    SentenceView home = s;
    if (m == null && earlier != null && MONEY_REFERENCE.matcher(s.text()).find()) {
      m = earlier.money();
      home = earlier.sentence();
    }
    if (m == null) {
      return List.of();
    }
    Places dest = destinations.destination(s, kind, head, r);
    if (kind == ClaimKind.MONEY_MOVED_ABROAD && dest.codes().isEmpty()) {
      dest = destinations.accountsIn(s);
      if (dest.codes().isEmpty() && !money.saysAbroad(s)) {
        return List.of(); // laundered or moved, but nothing says it left the country
      }
    }
    Draft d = new Draft(kind, s);
    MoneyReader.setMoney(d, m, home);
    d.confidence = home == s ? 0.75 : 0.6;
    d.subject = Subject.UNSPECIFIED;
    destinations.setPlaces(d, dest, s);
    return List.of(d);
  }

}
