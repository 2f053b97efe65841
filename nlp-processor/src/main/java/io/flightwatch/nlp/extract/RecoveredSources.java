package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 7 for money recovered: where money came back from when its own sentence does not say, but the story does.
 *
 * <pre>
 *   "Jersey will return $8 million that a former mayor had stashed there. ... Officials said the $8 million
 *    received on Friday is a small part of the total."                  the $8 million: recovered from JE
 *   "... stashed in Jersey ... Prosecutors have recovered $120 million in all."   more than the story's money in
 *    Jersey: a total from everywhere, no country
 * </pre>
 */
final class RecoveredSources {

  private RecoveredSources() {}

  /**
   * A recovery whose own sentence names one country besides the home, tied to no role: "Kenya has recovered $100
   * million since it signed an asset-return pact with Jersey" (from JE); "Kenya recovered $500 million in 2010 under a
   * court settlement with Switzerland" (from CH). A people's name is no place ("a deal for Russian jets").
   */
  static void fromTheSentence(List<Draft> drafts) {
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.MONEY_RECOVERED || d.destination != null || !d.mentioned.isEmpty() || d.origin == null) {
        continue;
      }
      Set<String> others = new LinkedHashSet<>();
      SentenceView s = d.sentence;
      for (SentenceView.Tok t : s.toks) {
        SentenceView.Tok next = s.tok(t.i() + 1);
        boolean currency = next != null && (next.word().startsWith("$")
            || PlaceReader.CURRENCY_NOUNS.contains(next.lemma().toLowerCase(Locale.ROOT)));
        if (s.inMoney(t.i()) || currency) {
          continue; // "900 million US dollars", "US $5bn": a currency, no place
        }
        if (s.lower(t.i() - 1).equals("to") || s.lower(t.i() - 2).equals("to") && s.lower(t.i() - 1).equals("the")) {
          continue; // "paid back to the Lagos State treasury": where the money went home
        }
        if (t.isPlace() && ActorOrigin.officeAfter(s, t.i())) {
          continue; // "the UK High Commissioner told a ceremony": a speaker's office, not where the money was
        }
        if (t.isPlace() && !t.iso().equals(d.origin)) {
          others.add(t.iso()); // (places only: a country inside an organisation's name is no place)
        }
      }
      // (not beside a share the sentence places: "recovered $500 million, $150 million of it from Switzerland")
      if (others.size() == 1 && !placedInSentence(drafts, d)) {
        d.destination = others.iterator().next();
        d.confidence -= 0.1;
      }
    }
  }

  private static boolean placedInSentence(List<Draft> drafts, Draft d) {
    return drafts.stream().anyMatch(o -> o != d && o.sentence == d.sentence && o.kind.isMoney()
        && o.destination != null);
  }

  /**
   * Recoveries with no country, in a story whose money abroad lies in one country only, come from that country when
   * they are no larger than the story's largest precise sum there ("Peru has recovered $100 million from abroad, $80
   * million of it from Switzerland": the whole stays without a country).
   */
  static void fromTheStory(List<Draft> drafts) {
    List<Draft> placed = drafts.stream().filter(d -> d.kind.isMoney() && d.destination != null).toList();
    Set<String> countries = placed.stream().map(d -> d.destination).collect(Collectors.toSet());
    if (countries.size() != 1) {
      return;
    }
    String only = countries.iterator().next();
    BigDecimal largest = placed.stream().filter(d -> !d.vagueMoney).map(Draft::usd)
        .filter(java.util.Objects::nonNull).max(BigDecimal::compareTo).orElse(null);
    if (largest == null) {
      return; // "billions believed stashed in British accounts": no sum to be part of
    }
    for (Draft d : drafts) {
      if (d.kind == ClaimKind.MONEY_RECOVERED && d.destination == null && d.mentioned.isEmpty()
          && !only.equals(d.origin) && d.usd() != null
          && d.usd().compareTo(largest) <= 0) {
        d.destination = only;
      }
    }
  }
}
