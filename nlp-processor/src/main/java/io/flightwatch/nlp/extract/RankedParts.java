package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * Countries ranked after the first one: a claim's country and count, then "followed by" the next ones, each with its
 * own count. Each is a claim of the same kind and the same group.
 *
 * <pre>
 *   "The UAE accounted for the largest share, with 58 fugitives deported from Dubai, followed by the United Kingdom
 *    with 31 and Saudi Arabia with 12."                     AE 58 (read by the frames), GB 31, SA 12
 *   "Canada topped the list with 40, followed by Australia (25) and New Zealand (9)."   AU 25, NZ 9
 * </pre>
 */
final class RankedParts {

  /** Words between a ranked country and its count: "with 31", "at 31", "on 31", "(31)". */
  private static final java.util.Set<String> COUNT_LINKS = java.util.Set.of("with", "at", "on", "(", "-lrb-");

  private RankedParts() {}

  static void split(SentenceView s, List<Draft> read, OriginScorer scorer) {
    int at = followedBy(s);
    if (at < 0) {
      return;
    }
    for (Draft d : List.copyOf(read)) {
      if (d.kind.isMoney() || d.person != null || d.count == null || d.destination == null || d.sentence != s) {
        continue;
      }
      List<Place> places = ranked(s, at + 2);
      List<String> away = new ArrayList<>(places.stream().map(Place::iso).toList());
      away.add(d.destination);
      if (!d.originStated && away.contains(d.origin)) {
        d.origin = scorer.best(away, s.index); // "followed by Saudi Arabia with 12": not the fugitives' home
      }
      for (Place p : places) {
        if (p.count() < d.count && !p.iso().equals(d.destination)) {
          read.add(d.countedSibling(s, p.count(), p.iso()));
        }
      }
      return; // the ranking continues one claim only
    }
  }

  private record Place(String iso, long count) {}

  /** The index of "followed" in "followed by", or -1. */
  private static int followedBy(SentenceView s) {
    for (int i = 0; i + 1 < s.size(); i++) {
      if (s.lower(i).equals("followed") && s.lower(i + 1).equals("by")) {
        return i;
      }
    }
    return -1;
  }

  /** "[the] United Kingdom with 31[,] [and] [the] Saudi Arabia with 12": the places and counts from {@code from}. */
  private static List<Place> ranked(SentenceView s, int from) {
    List<Place> out = new ArrayList<>();
    int i = from;
    while (i < s.size()) {
      while (i < s.size() && (s.lower(i).equals("the") || s.lower(i).equals(",") || s.lower(i).equals("and"))) {
        i++;
      }
      Tok place = s.tok(i);
      if (place == null || !place.isPlace() || PlaceReader.possessive(s, i)) {
        break;
      }
      int j = s.entitySpan(i)[1] + 1;
      if (!COUNT_LINKS.contains(s.lower(j))) {
        break;
      }
      int[] number = s.entitySpan(j + 1);
      Tok n = s.tok(number[1]);
      if (n == null || n.number() == null || s.inMoney(number[1])) {
        break;
      }
      out.add(new Place(place.iso(), Math.round(n.number())));
      i = number[1] + 1;
      if (s.lower(i).equals(")") || s.lower(i).equals("-rrb-")) {
        i++;
      }
    }
    return out;
  }
}
