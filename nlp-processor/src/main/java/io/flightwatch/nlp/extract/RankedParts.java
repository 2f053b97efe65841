package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Countries ranked after the first one: a claim's country and count, then "followed by" the next ones, each with its
 * own count. Each is a claim of the same kind and the same group.
 *
 * <pre>
 *   "The UAE accounted for the largest share, with 58 fugitives deported from Dubai, followed by the United Kingdom
 *    with 31 and Saudi Arabia with 12."                     AE 58 (read by the frames), GB 31, SA 12
 *   "Canada topped the list with 40, followed by Australia (25) and New Zealand (9)."   AU 25, NZ 9
 * </pre>
 * A ranking of destinations with no flight verb is read here whole ({@link #lead}):
 * <pre>
 *   "Canada is the top haven for corrupt officials, with 40, followed by the United States with 25 and
 *    Australia with 12."                                    CA 40, US 25, AU 12
 * </pre>
 */
final class RankedParts {

  /** Words between a ranked country and its count: "with 31", "at 31", "on 31", "(31)". */
  private static final Set<String> COUNT_LINKS = Set.of("with", "at", "on", "(", "-lrb-");

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

  /**
   * The first country of a ranking of destinations that no frame read: a country, a noun of
   * {@code ranked-destinations.txt}, runaways or officials, "with" a count, then "followed by" the next countries.
   * The flight and its parts go into {@code drafts}.
   */
  static void lead(SentenceView s, List<Draft> drafts, OriginScorer scorer, Lexicon lexicon) {
    int at = followedBy(s);
    if (at < 0) {
      return;
    }
    int place = -1;
    int ranked = -1;
    Long count = null;
    Subject who = null;
    for (int i = 0; i < at; i++) {
      Tok t = s.tok(i);
      if (place < 0 && t.isPlace() && !PlaceReader.possessive(s, i)) {
        place = i;
      } else if (ranked < 0 && lexicon.has(Lexicon.RANKED_DESTINATIONS, t.lemma())) {
        ranked = i;
      } else if (who == null && t.tag().startsWith("NNS") && lexicon.has(Lexicon.FUGITIVES, t.lemma())) {
        who = Subject.FUGITIVES;
      } else if (who == null && t.tag().startsWith("NNS") && lexicon.has(Lexicon.OFFICIALS, t.lemma())) {
        who = Subject.OFFICIALS;
      } else if (count == null && ranked >= 0 && s.lower(i).equals("with")) {
        count = s.countAt(i + 1);
      }
    }
    if (place < 0 || ranked < 0 || who == null || count == null) {
      return;
    }
    Draft d = new Draft(ClaimKind.OFFICIALS_FLED, s);
    d.destination = s.tok(place).iso();
    d.count = count;
    d.valueText = Long.toString(count);
    d.subject = who;
    d.confidence = 0.6;
    List<String> away = new ArrayList<>(ranked(s, at + 2).stream().map(Place::iso).toList());
    away.add(d.destination);
    d.origin = scorer.best(away, s.index);
    List<Draft> read = new ArrayList<>(List.of(d));
    split(s, read, scorer);
    drafts.addAll(read);
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
