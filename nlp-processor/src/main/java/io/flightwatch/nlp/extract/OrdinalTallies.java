package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running tally told by an ordinal: the returnee is the Nth to come back, so N have come back so far.
 *
 * <pre>
 *   "Zhou is the 52nd fugitive from the list to come back home, they said."         returned 52 (fugitives)
 *   "She became the 12th suspect to be repatriated under the campaign."             returned 12
 *   "He is the 3rd son of a former minister to study abroad."                       nothing (no return)
 * </pre>
 */
final class OrdinalTallies {

  private static final Pattern ORDINAL = Pattern.compile("(\\d{1,5})(?:st|nd|rd|th)");
  /** Who is counted: a person word right after the ordinal, or "one". */
  private static final Set<String> COUNTED = Set.of("person", "fugitive", "suspect", "official", "one", "returnee",
      "escapee", "defector");
  private static final Set<String> COMING_BACK = Set.of("return", "repatriate", "extradite", "deport");
  private static final Set<String> BROUGHT_BACK = Set.of("bring", "come", "send", "hand");
  /** Words allowed between the ordinal's noun and "to" ("on the list", "of the 100 most wanted"). */
  private static final int GAP = 6;

  private OrdinalTallies() {}

  static void read(SentenceView s, List<Draft> drafts, OriginScorer scorer) {
    for (int i = 0; i + 2 < s.size(); i++) {
      Matcher m = ORDINAL.matcher(s.lower(i));
      if (!m.matches() || !COUNTED.contains(s.tok(i + 1).lemma())) {
        continue;
      }
      long n = Long.parseLong(m.group(1));
      for (int j = i + 2; j < s.size() - 1 && j <= i + 2 + GAP; j++) {
        if (s.lower(j).equals(",") || s.lower(j).equals(";")) {
          break;
        }
        if (n > 1 && s.lower(j).equals("to") && returnAfter(s, j + 1)) {
          Draft d = new Draft(ClaimKind.OFFICIALS_RETURNED, s);
          d.count = n;
          d.valueText = Long.toString(n);
          d.subject = Subject.FUGITIVES;
          d.origin = scorer.best(List.of(), s.index);
          d.confidence = 0.6;
          drafts.add(d);
          return;
        }
      }
    }
  }

  /** "return", "be repatriated", "be brought back", "come back" at {@code at}. */
  private static boolean returnAfter(SentenceView s, int at) {
    int v = s.lower(at).equals("be") ? at + 1 : at;
    SentenceView.Tok t = s.tok(v);
    if (t == null) {
      return false;
    }
    return COMING_BACK.contains(t.lemma())
        || BROUGHT_BACK.contains(t.lemma()) && (s.lower(v + 1).equals("back") || s.lower(v + 1).equals("home"));
  }
}
