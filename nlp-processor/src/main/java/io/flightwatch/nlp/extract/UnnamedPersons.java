package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import java.util.Objects;

/**
 * Stage 7 (one fact, one claim): an unnamed single official ("the former finance chief", "Ousted president") and a
 * named person of the same kind and country are one person, told twice.
 *
 * <pre>
 *   "Fugitive minister is in London" (headline) ... "Sani Bello fled to London"        one flight, Sani Bello's
 *   "Ousted Kyrgyz president fled to Kazakhstan" (headline), "Toktorov fled to Kazakhstan", "Kasymova fled to
 *    Turkey"                                                                            Toktorov's flight, Kasymova's
 *   "Two ousted ministers have fled to Kenya" ... "Mensa and Owusu fled to Kenya"       two flights, one per name
 *   "a former mayor wired at least $5 million to Cyprus" ... "Jorge Salas wired $6.2 million to Cyprus"
 *                                                                                       one transfer, Salas's
 * </pre>
 */
final class UnnamedPersons {

  /** The largest group whose members an article may name one by one. */
  private static final int MAX_NAMED_GROUP = 9;
  /** A line this short is a headline (or a caption), which tells the body's fact in brief. */
  private static final int HEADLINE_TOKENS = 12;

  private UnnamedPersons() {
  }

  /** The unnamed sum is at most the named one ("at least $200m" beside "$292m"), or the same within rounding. */
  private static boolean noLarger(Draft unnamed, Draft named) {
    java.math.BigDecimal u = unnamed.usd();
    java.math.BigDecimal n = named.usd();
    return u != null && n != null && u.signum() > 0
        && (u.compareTo(n) <= 0 && unnamed.approximate || SameFacts.roundedSum(unnamed, named));
  }

  static void fold(List<Draft> out) {
    // a small unnamed group whose every member the article names, as many names as the count, with the same kind and
    // destination: the names tell the group's fact, person by person (a part of a larger group stays with its names)
    out.removeIf(g -> g.person == null && !g.singular && !g.kind.isMoney() && g.overlaps == null && g.count != null
        && g.count >= 2 && g.count <= MAX_NAMED_GROUP && out.stream().filter(n -> n.kind == g.kind && n.person != null
        && Objects.equals(n.destination, g.destination) && (g.origin == null || g.origin.equals(n.origin)))
        .map(n -> ClaimKeys.normaliseName(n.person)).distinct().count() == g.count);
    // "a former mayor wired at least $5 million to Cyprus", then "Jorge Salas ... wired $6.2 million to accounts in
    // Cyprus": an unnamed sum beside the one named mover's, to the same place and no larger, is the named one's told
    // first
    List<Draft> namedMoves = out.stream().filter(o -> o.kind == ClaimKind.MONEY_MOVED_ABROAD && o.person != null
        && o.destination != null).toList();
    if (namedMoves.stream().map(o -> ClaimKeys.normaliseName(o.person)).distinct().count() == 1) {
      out.removeIf(u -> u.kind == ClaimKind.MONEY_MOVED_ABROAD && u.person == null
          && namedMoves.stream().anyMatch(n -> n.destination.equals(u.destination) && noLarger(u, n)));
    }
    // an unnamed single official and the one named person of that kind are one person
    for (ClaimKind k : List.of(ClaimKind.OFFICIALS_FLED, ClaimKind.OFFICIALS_RETURNED)) {
      List<Draft> named = out.stream().filter(o -> o.kind == k && o.person != null).toList();
      // "Austria has extradited one of Croatia's most controversial politicians": one counted is one person too
      List<Draft> single = out.stream().filter(o -> o.kind == k && o.person == null
          && (o.singular || Long.valueOf(1).equals(o.count))).toList();
      if (named.size() == 1) {
        // "Fugitive minister is in London" (headline), "the former finance chief who fled", then the name
        Draft n = named.get(0);
        for (Draft u : single) {
          if (n.destination == null && n.mentioned.isEmpty() && u.destination != null) {
            u.person = n.person;
            out.remove(n);
            n = u;
          } else if (u.destination == null || u.destination.equals(n.destination)) {
            out.remove(u);
          }
        }
      } else if (named.size() > 1) {
        // "Ousted president fled to Kazakhstan" (headline) beside several named runaways: the one named person who
        // went to that country from the same home
        for (Draft u : single) {
          List<Draft> there = named.stream().filter(n -> u.destination != null && u.destination.equals(n.destination)
              && Objects.equals(u.origin, n.origin)).toList();
          // "Ex-justice official flees Poland" (headline) beside two named officials who fled Poland: one of them, told
          // in brief
          boolean oneOfThem = u.destination == null && u.mentioned.isEmpty() && u.origin != null
              && (u.sentence.index == 0 || u.sentence.size() <= HEADLINE_TOKENS)
              && named.stream().anyMatch(n -> u.origin.equals(n.origin));
          if (oneOfThem || there.stream().map(n -> ClaimKeys.normaliseName(n.person)).distinct().count() == 1) {
            out.remove(u);
          }
        }
      } else if (named.isEmpty()) {
        // "Banker flees with deposits" (headline), "The former chairman ... fled to Canada": one unnamed official
        List<String> places = single.stream().map(o -> o.destination).filter(Objects::nonNull).distinct().toList();
        if (places.size() == 1) {
          out.removeIf(u -> single.contains(u) && u.destination == null && u.mentioned.isEmpty()
              && single.stream().anyMatch(o -> o.destination != null
              && (u.origin == null || u.origin.equals(o.origin))));
        }
      }
    }
  }
}
