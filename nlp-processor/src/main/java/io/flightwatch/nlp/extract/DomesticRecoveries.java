package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import java.util.List;
import java.util.Set;

/**
 * A recovery that names no country the money came back from is money back from abroad only when its sentence, or
 * one of the two before it, says so: "recovered $50 million stashed abroad", "recouped 2 billion yuan in a campaign
 * that brought back 1,200 fugitives", "the money Swiss banks had held". With no such word it is a recovery at home,
 * no claim: "the state has recovered Sh3 billion from the youth fund scandal", "police recovered $50,000 in cash from
 * his house". A sum recovered "at home and abroad" mixes the two and is no claim either.
 */
final class DomesticRecoveries {

  private DomesticRecoveries() {}

  static void drop(List<SentenceView> sentences, List<Draft> drafts, Lexicon lexicon, MoneyReader money) {
    drafts.removeIf(d -> d.kind == ClaimKind.MONEY_RECOVERED && d.destination == null && d.mentioned.isEmpty()
        && (!abroadNear(sentences, d.sentence.index, d.origin, lexicon, money) || homeAndAbroad(d.sentence, lexicon)));
  }

  /** "clawed back property worth $90 million domestically and abroad", "abroad and at home". */
  private static boolean homeAndAbroad(SentenceView s, Lexicon lexicon) {
    for (int i = 0; i < s.toks.size(); i++) {
      if (!lexicon.has(Lexicon.ABROAD, s.lower(i))) {
        continue;
      }
      boolean before = Set.of("and", "or").contains(s.lower(i - 1)) && lexicon.has(Lexicon.AT_HOME, s.lower(i - 2));
      boolean after = Set.of("and", "or").contains(s.lower(i + 1))
          && (lexicon.has(Lexicon.AT_HOME, s.lower(i + 2)) || lexicon.has(Lexicon.AT_HOME, s.lower(i + 3)));
      if (before || after) {
        return true;
      }
    }
    return false;
  }

  /** The sentence or one of the two before it ("She fled to the US. ... Of that, 42 million has been recovered"). */
  private static boolean abroadNear(List<SentenceView> sentences, int at, String home, Lexicon lexicon,
      MoneyReader money) {
    for (int i = at; i >= 0 && i >= at - 2; i--) {
      if (abroad(sentences.get(i), home, lexicon, money)) {
        return true;
      }
    }
    return false;
  }

  /** A word of money abroad, of the cross-border hunt, or a place or people other than the home. */
  private static boolean abroad(SentenceView s, String home, Lexicon lexicon, MoneyReader money) {
    if (money.saysAbroad(s)) {
      return true;
    }
    for (SentenceView.Tok t : s.toks) {
      if (lexicon.hasOrStarts(Lexicon.RECOVERY_ABROAD, t.lower()) || t.iso() != null && !t.iso().equals(home)) {
        return true;
      }
      if (t.isPlace() && t.iso().equals(home) && s.lower(t.i() - 1).equals("to")) {
        return true; // "had been returned to Nigeria": money comes back to a country from outside it
      }
    }
    return false;
  }
}
