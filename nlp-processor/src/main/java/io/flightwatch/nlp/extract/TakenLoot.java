package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 3: money named by a noun that went along on a flight, with no amount. "The ex-banker slipped away to Malaysia
 * with his fortune", "fled to Uganda with the stolen money": money moved to where the flight went (an amount would be a
 * {@link MoneyReader#takenAlong} mention instead). The nouns are the {@code assets.txt} words.
 */
final class TakenLoot {

  private static final Set<String> OWNERS = Set.of("his", "her", "their", "the", "its", "some", "much");
  private static final Set<String> NOT_CARRIED = Set.of("property", "deposit", "payment", "saving", "sum", "gain");

  private TakenLoot() {
  }

  private static final Set<String> SIZED_BY = Set.of("totalling", "totaling", "worth", "valued", "amounting");

  /** The sum right after "assets totalling", "money worth", "funds valued at", "loot amounting to". */
  private static Optional<MoneyMention> sizedBy(SentenceView s, int noun) {
    if (!SIZED_BY.contains(s.lower(noun + 1))) {
      return Optional.empty();
    }
    return s.money.stream().filter(m -> s.span(m)[0] >= noun + 2 && s.span(m)[0] <= noun + 4)
        .filter(m -> MoneyReader.previousOf(s, m) == null).findFirst();
  }

  /** The money draft of "fled (to X) with his wealth" for the flight {@code flight}, if the sentence says so. */
  static Optional<Draft> after(SentenceView s, int pred, Draft flight, Lexicon lexicon) {
    for (int i = pred + 1; i < s.size() && i <= pred + 10; i++) {
      if (s.tok(i).tag().startsWith("VB") || s.lower(i).equals(",") || s.lower(i).equals(";")) {
        return Optional.empty();
      }
      if (!s.lower(i).equals("with")) {
        continue;
      }
      int j = i + 1;
      while (j < s.size() && (OWNERS.contains(s.lower(j)) || s.tok(j).tag().matches("JJ|VBN"))) {
        j++; // "with his ill-gotten wealth", "with the stolen money"
      }
      SentenceView.Tok noun = s.tok(j);
      if (noun == null || !noun.tag().startsWith("NN") || !lexicon.has(Lexicon.ASSETS, noun.lemma())
          || NOT_CARRIED.contains(noun.lemma()) || s.lower(j + 1).equals("of")) {
        return Optional.empty();
      }
      Draft d = new Draft(ClaimKind.MONEY_MOVED_ABROAD, s);
      d.vagueMoney = true;
      d.valueText = noun.word();
      d.person = flight.person;
      d.subject = flight.subject;
      d.destination = flight.destination;
      d.mentioned = new java.util.ArrayList<>(flight.mentioned);
      d.takenAlong = true;
      d.confidence = 0.55;
      sizedBy(s, j).ifPresent(m -> {
        MoneyReader.setMoney(d, m, s); // "escaped abroad with assets totalling 400 billion yuan"
        d.confidence = 0.7;
      });
      return Optional.of(d);
    }
    return Optional.empty();
  }
}
