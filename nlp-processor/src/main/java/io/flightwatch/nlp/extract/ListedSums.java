package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage 6: a list of sums by country, in a sentence with no verb of its own, right after a sentence that got money
 * back: one recovery per country.
 *
 * <pre>
 *   "Since 2015 the agency has recovered money from several countries. $120,000 from Germany, $3.4 million from
 *    France and £2.15 million from Britain."                                     three recoveries: DE, FR, GB
 *   "The ministry has recovered $40 million. $12 million in fines, $28 million in seized cash."   no country: none
 * </pre>
 */
final class ListedSums {

  /** Verb lemmas of getting money back, in the sentence before the list. */
  private static final Set<String> RECOVERY = Set.of("recover", "return", "repatriate", "retrieve", "receive",
      "regain", "reclaim", "get");
  private static final double CONFIDENCE = 0.6;

  private ListedSums() {
  }

  /** Adds the recoveries of a verbless list {@code s} after {@code previous}; nothing unless every sum is placed. */
  static void after(SentenceView previous, SentenceView s, List<Draft> out, OriginScorer scorer) {
    if (previous == null || s.money.size() < 2 || !recovers(previous) || hasVerb(s)) {
      return;
    }
    List<Draft> parts = new ArrayList<>();
    for (MoneyMention m : s.money) {
      if (MoneyReader.previousOf(s, m) != null) {
        continue; // the article's own conversion of the sum before it
      }
      String from = MoneyParts.sourceAfter(s, s.span(m)[1]);
      if (from == null) {
        return; // "$12 million in fines": a list of kinds, not of countries
      }
      Draft d = new Draft(ClaimKind.MONEY_RECOVERED, s);
      MoneyReader.setMoney(d, m, s);
      d.destination = from;
      d.confidence = CONFIDENCE;
      parts.add(d);
    }
    if (parts.size() < 2) {
      return;
    }
    // the article's country, never one of the list's: they are where the money came back from
    List<String> sources = parts.stream().map(d -> d.destination).toList();
    String home = scorer == null ? null : scorer.best(sources, s.index);
    parts.forEach(d -> d.origin = home);
    out.addAll(parts);
  }

  private static boolean recovers(SentenceView s) {
    for (int i = 0; i < s.size(); i++) {
      if (s.tok(i).tag().startsWith("VB") && RECOVERY.contains(s.tok(i).lemma())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasVerb(SentenceView s) {
    for (int i = 0; i < s.size(); i++) {
      if (s.tok(i).tag().startsWith("VB")) {
        return true;
      }
    }
    return false;
  }
}
