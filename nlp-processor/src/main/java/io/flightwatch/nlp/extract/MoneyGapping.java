package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage 6 for money: a transfer whose verb is left out the second time (gapping), which the parser cannot attach.
 *
 * <pre>
 *   "R1.1 billion was transferred to accounts in Dubai and R500 million to an account in Hong Kong"
 *       R1.1 billion to AE, R500 million to HK
 *   "wired $3 million to a Panama City account, and about $1.2 million to two banks in Andorra"
 *       $3 million to PA, $1.2 million to AD
 *   "Of the $160 million, about $95 million went to Geneva and about $65 million to Santo Domingo"
 *       $95 million to CH, $65 million to DO
 * </pre>
 * The second amount must follow "and", a comma or "while", with at most a few words ("about", "the remaining") before
 * it and "to", "into" or "in" right after it: a verb there would make it a clause the parse reads on its own.
 */
final class MoneyGapping {

  private static final Set<String> JOINS = Set.of("and", ",", "while");
  private static final Set<String> TOWARDS = Set.of("to", "into", "in");
  private static final Set<String> LEAD_INS = Set.of("about", "around", "roughly", "some", "another", "a", "further",
      "the", "remaining", "rest", "nearly", "almost", "over", "more", "than", "at", "least", "an", "additional");
  /** Words from the second amount to its place: "to an account held by a shell company in Hong Kong" (9). */
  private static final int PLACE_WORDS = 10;

  private MoneyGapping() {
  }

  /** Splits each money transfer of {@code read} whose sentence gaps a second amount; adds the second transfer. */
  static void split(SentenceView s, List<Draft> read) {
    for (Draft d : List.copyOf(read)) {
      if (d.kind != ClaimKind.MONEY_MOVED_ABROAD || d.money == null || !s.money.contains(d.money)) {
        continue;
      }
      int firstEnd = s.span(d.money)[1];
      for (MoneyMention m : s.money) {
        int[] sp = s.span(m);
        if (sp[0] <= firstEnd || read.stream().anyMatch(o -> o.money == m) || !gapped(s, sp)) {
          continue;
        }
        List<String> before = PlaceReader.countriesIn(s, firstEnd + 1, sp[0]);
        List<String> after = PlaceReader.countriesIn(s, sp[1] + 2, sp[1] + 2 + PLACE_WORDS);
        if (before.size() != 1 || after.size() != 1 || before.equals(after)) {
          continue;
        }
        // "Of the roughly $160 million, about $95 million went to Geneva and about $65 million to Santo Domingo": the
        // first transfer is the amount nearest the second one, not the whole it is part of
        MoneyMention first = s.money.stream().filter(x -> s.span(x)[1] < sp[0] && x != m)
            .reduce((a, b) -> b).orElse(d.money);
        if (first != d.money && read.stream().noneMatch(o -> o.money == first)) {
          MoneyReader.setMoney(d, first, s);
          before = PlaceReader.countriesIn(s, s.span(first)[1] + 1, sp[0]);
          if (before.size() != 1 || before.equals(after)) {
            continue;
          }
        }
        d.destination = before.get(0);
        d.mentioned = new ArrayList<>();
        Draft second = d.sibling(s, m);
        second.destination = after.get(0);
        read.add(second);
        return; // one gapped pair per sentence: a third amount would need its own reading
      }
    }
  }

  /** "..., and about R500 million to": a join, lead-in words, the amount, then "to"/"into"/"in". */
  private static boolean gapped(SentenceView s, int[] span) {
    if (!TOWARDS.contains(s.lower(span[1] + 1))) {
      return false;
    }
    int i = span[0] - 1;
    while (i >= 0 && LEAD_INS.contains(s.lower(i))) {
      i--;
    }
    return i >= 0 && JOINS.contains(s.lower(i));
  }
}
