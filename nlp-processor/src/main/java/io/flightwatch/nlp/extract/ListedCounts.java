package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.Coordination.Part;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage 6: counts written beside the countries of a list, with no preposition between them (Coordination reads
 * "N from X"; this reads the number after the place).
 *
 * <pre>
 *   "returned from Qatar (3), India (2) and Kuwait, Oman and Japan (one each)"   3 QA, 2 IN, 1 KW, 1 OM, 1 JP
 *   "Qatar handed over three, India and Malaysia two each, and Oman one"          3 QA, 2 IN, 2 MY, 1 OM
 * </pre>
 * The places before a number are those since the last number (joined by commas or "and"); "each" gives every one of
 * them the number, else a number belongs to the one place right before it.
 */
final class ListedCounts {

  /** List glue between the places of one group: "Kuwait, Oman and the UAE". */
  private static final Set<String> GLUE = Set.of(",", "and", "the");

  private ListedCounts() {}

  /**
   * {@code parts} when they are a list, else the counts beside the places of {@code s}: all of them a share of the
   * group's count, or one of them the group itself ("Qatar handed over three, India and Malaysia two each"). The
   * group's home is never a part ("Nepal brought back 12 fugitives from Qatar (3), ...").
   */
  static List<Part> orBeside(List<Part> parts, SentenceView s, Draft group) {
    if (parts.size() >= 2) {
      return parts;
    }
    List<Part> beside = read(s).stream().filter(p -> !p.iso().equals(group.origin)).toList();
    long sum = beside.stream().mapToLong(Part::count).sum();
    boolean fits = sum <= group.count || beside.stream().anyMatch(p -> p.count() == group.count);
    return beside.size() >= 2 && fits ? beside : parts;
  }

  /** Counts beside places that add up to exactly the group's count: a breakdown of it. */
  static boolean addsUpTo(SentenceView s, Draft group) {
    List<Part> beside = read(s);
    return !beside.isEmpty() && beside.stream().mapToLong(Part::count).sum() == group.count;
  }

  static List<Part> read(SentenceView s) {
    List<Part> out = new ArrayList<>();
    List<Integer> pending = new ArrayList<>(); // tokens of the places since the last number
    int lastEntity = -2;
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (t.isPlace() && !PlaceReader.possessive(s, i)) {
        if (t.entity() != lastEntity) {
          pending.add(i);
          lastEntity = t.entity();
        }
        continue;
      }
      Long n = s.entitySpan(i)[1] == i ? s.countAt(i) : null;
      if (n != null && !pending.isEmpty() && besideLastPlace(s, pending, i)) {
        boolean each = s.lower(i + 1).equals("each") || s.lower(i + 1).equals("apiece");
        for (int k : each ? pending : List.of(pending.get(pending.size() - 1))) {
          out.add(new Part(n, s.tok(k).iso(), i));
        }
        pending.clear();
      } else if (n != null || !GLUE.contains(t.lower()) && !between(t)) {
        pending.clear(); // "fugitives from Qatar and Oman were among 12": a noun or a number of another list
      }
    }
    return out.size() >= 2 ? out : List.of();
  }

  /** Only a bracket or the giving verb between the last place and the number ("Qatar handed over three"). */
  private static boolean besideLastPlace(SentenceView s, List<Integer> places, int number) {
    for (int j = s.entitySpan(places.get(places.size() - 1))[1] + 1; j < number; j++) {
      if (!between(s.tok(j))) {
        return false;
      }
    }
    return true;
  }

  private static boolean between(Tok t) {
    String w = t.lower();
    return t.tag().startsWith("VB") || t.tag().equals("RP") || w.equals("over") || w.equals("back")
        || w.equals("(") || w.equals("-lrb-");
  }
}
