package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 6 for money: a list of places each followed by its sum in brackets, one claim per place, each part of the
 * sentence's total when it has one.
 *
 * <pre>
 *   "The former bank chiefs wired the stolen deposits to Latvia ($120 million), Lithuania ($45 million) and Malta
 *    ($30 million)"                                                    $120m LV, $45m LT, $30m MT
 *   "Switzerland ($80 million) and Jersey ($20 million) have returned $100 million"   $80m CH, $20m JE, both parts
 *    of the $100m
 * </pre>
 */
final class PlacedSums {

  private PlacedSums() {
  }

  /** Replaces in {@code read} the money drafts of {@code s} whose sum is one of the bracketed shares. */
  static void split(SentenceView s, List<Draft> read, OriginScorer scorer) {
    List<MoneyMention> shares = new ArrayList<>();
    List<String> places = new ArrayList<>();
    for (MoneyMention m : s.money) {
      int[] span = s.span(m);
      String place = placeBefore(s, span[0]);
      if (place != null && bracket(s.lower(span[1] + 1), false)) {
        shares.add(m);
        places.add(place);
      }
    }
    if (shares.size() < 2 || places.stream().distinct().count() < shares.size()) {
      return;
    }
    Draft base = read.stream().filter(d -> d.kind.isMoney() && d.sentence == s).findFirst().orElse(null);
    if (base == null) {
      return;
    }
    Draft total = read.stream().filter(d -> d.kind == base.kind && d.sentence == s && d.money != null
        && !shares.contains(d.money)).findFirst().orElse(null);
    read.removeIf(d -> d.kind.isMoney() && d.sentence == s && shares.contains(d.money));
    // the listed places are where the money went: the home is the story's own country ("..., Moldova ($60 million),
    // ..." in a Moldovan story: the share kept at home is no claim)
    String home = base.originStated ? base.origin : scorer.best(List.of(), s.index);
    if (total != null && !total.originStated) {
      total.origin = home;
    }
    for (int i = 0; i < shares.size(); i++) {
      if (places.get(i).equals(home)) {
        continue;
      }
      Draft part = base.sibling(s, shares.get(i));
      part.origin = home;
      part.destination = places.get(i);
      part.mentioned = new ArrayList<>();
      part.overlaps = total;
      read.add(part);
    }
  }

  /** The country named right before the bracket that opens at {@code start - 1}: "Latvia (", "Hong Kong (". */
  private static String placeBefore(SentenceView s, int start) {
    if (!bracket(s.lower(start - 1), true)) {
      return null;
    }
    SentenceView.Tok t = s.tok(start - 2);
    return t != null && t.isPlace() ? t.iso() : null;
  }

  private static boolean bracket(String word, boolean opening) {
    return opening ? word.equals("(") || word.equals("-lrb-") : word.equals(")") || word.equals("-rrb-");
  }
}
