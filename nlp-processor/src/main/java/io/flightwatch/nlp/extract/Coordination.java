package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 6: lists that distribute a count over countries become one claim per country.
 *
 * <pre>
 *   "including 40 thought to be hiding in the US, 26 in Canada and 10 in Australia"   40 US, 26 CA, 10 AU
 *   "12 were sent back from Thailand, 9 from Laos and 4 from Cambodia"                12 TH, 9 LA, 4 KH
 *   "Peru, Chile and Bolivia hold 31, 17 and 9 of them respectively"                   31 PE, 17 CL, 9 BO
 * </pre>
 * A per-country claim overlaps the aggregate it breaks down, unless the aggregate is itself one of the parts.
 */
final class Coordination {

  /** The prepositions of a part's country: where people went or are, or (returns) where they came back from. */
  private static final Set<String> AWAY = Set.of("in", "to", "into");
  private static final Set<String> BACK_FROM = Set.of("from", "in");

  record Part(long count, String iso, int tok) {}

  /** Words from a part's number to its preposition: "Twelve of the fugitives are said to be in Canada" (8). */
  private static final int PART_WORDS = 9;

  private final Lexicon lexicon;

  Coordination(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * Adds the per-country claims of {@code main}'s sentence to {@code out}; {@code main} may become the aggregate. An
   * origin guessed as one of the listed countries is guessed again without them ({@code scorer}).
   */
  void distribute(Draft main, List<Draft> out, OriginScorer scorer) {
    if (main.kind.isMoney() || main.person != null || main.count == null) {
      return;
    }
    SentenceView s = main.sentence;
    List<Part> parts = respectively(s);
    if (parts.isEmpty()) {
      parts = pairs(s, main.kind == io.flightwatch.common.ClaimKind.OFFICIALS_RETURNED ? BACK_FROM : AWAY);
    }
    parts = ListedCounts.orBeside(parts, s, main);
    if (parts.size() == 1 && parts.get(0).count() < main.count && onePartOf(s, parts.get(0).tok())) {
      // "120 were brought back from 25 countries, including 40 from Thailand": one part named, the rest not
      Part p = parts.get(0);
      if (p.iso().equals(main.destination)) {
        main.destination = null; // "14 were brought back, nine of them from India": India is the part's, not all 14's
      }
      out.add(part(main, p, main));
      return;
    }
    if (parts.size() < 2) {
      return;
    }
    Part self = parts.stream().filter(p -> p.count() == main.count).findFirst().orElse(null);
    if (parts.stream().anyMatch(p -> p.iso().equals(main.origin))) {
      // "23 former officials are living abroad, 14 of them in the UK and six in the UAE": not British
      main.origin = main.originStated ? null : scorer.best(parts.stream().map(Part::iso).toList(), s.index);
    }
    if (self != null) {
      main.destination = self.iso();
      main.mentioned = new ArrayList<>();
    } else {
      Set<String> isos = new LinkedHashSet<>();
      parts.forEach(p -> isos.add(p.iso()));
      main.destination = null;
      main.mentioned = new ArrayList<>(isos);
    }
    for (Part p : parts) {
      if (p != self) {
        out.add(part(main, p, self == null ? main : null));
      }
    }
  }

  /** "including 40 from Thailand", "two of them to Poland", "nine of whom from India": one part of the group. */
  private static boolean onePartOf(SentenceView s, int tok) {
    return s.lower(tok - 1).equals("including")
        || s.lower(tok + 1).equals("of") && GROUP_REFS.contains(s.lower(tok + 2));
  }

  private static Draft part(Draft main, Part p, Draft overlaps) {
    Draft d = new Draft(main.kind, main.sentence);
    d.count = p.count();
    d.valueText = Long.toString(p.count());
    d.subject = main.subject;
    d.destination = p.iso();
    d.origin = main.origin;
    d.hedged = main.hedged;
    d.confidence = main.confidence - 0.05;
    d.overlaps = overlaps;
    return d;
  }

  /**
   * A subset of a counted group in the same sentence becomes its own claim that overlaps the group: "412 suspects ...,
   * 290 of them party members", "more than 860 suspects, among them 196 officials", "including 196 officials".
   */
  void subsets(Draft main, List<Draft> out) {
    subsets(main, main.sentence, out);
  }

  static final Set<String> GROUP_OPENERS = Set.of("they", "these", "those", "this");
  static final Set<String> INCLUDE = Set.of("include", "included", "includes", "comprised", "comprise",
      "comprises");

  /**
   * The sentence after a group's count breaks it down without a predicate of its own: "612 fugitives were brought
   * back ... They included 87 former officials." / "The figure included 87 officials." / "Among them were 87 Party
   * members." / "Of them, 87 were cadres." /
   * "87 of them were officials." Only a sentence that opens by pointing back at the group is read.
   */
  void subsetsAfter(Draft group, SentenceView s, List<Draft> out) {
    if (s.size() < 3) {
      return;
    }
    String w0 = s.lower(0);
    String w1 = s.lower(1);
    boolean pointsBack = (w0.equals("among") || w0.equals("of"))
        && (GROUP_REFS.contains(w1) || IncludedParts.namesTheGroup(s))
        || w0.equals("a") && w1.equals("total") && s.lower(2).equals("of") && isCount(s, 3)
        || GROUP_OPENERS.contains(w0) && INCLUDE.contains(w1)
        || IncludedParts.numberIncluded(s, lexicon)
        || countOfGroup(s) || countOfWhole(s, group);
    if (pointsBack) {
      subsets(group, s, out);
    }
    // "1,250 fugitives were brought back last year. Thailand, Cambodia and Myanmar accounted for 203, 118 and 64 of
    // the returnees respectively."
    List<Part> listed = respectively(s);
    if (listed.size() >= 2 && listed.stream().mapToLong(Part::count).sum() <= group.count) {
      for (Part p : listed) {
        Draft d = part(group, p, group);
        d.sentence = s;
        out.add(d);
      }
      return;
    }
    // "Seven officials fled abroad. Four of them are in Britain and three in the United States."
    // "The returnees came from Qatar (3), India (2) and Oman (7)": counts beside places adding up to the group's
    if (isCount(s, s.entitySpan(0)[1]) || pointsBack || ListedCounts.addsUpTo(s, group)) {
      List<Part> parts = pairs(s, group.kind == io.flightwatch.common.ClaimKind.OFFICIALS_RETURNED ? BACK_FROM : AWAY);
      parts = ListedCounts.orBeside(parts, s, group);
      long sum = parts.stream().mapToLong(Part::count).sum();
      // "Of them, seven are in the UAE": the opener says the one part is of the group
      boolean onePart = parts.size() == 1 && sum < group.count && (onePartOf(s, parts.get(0).tok())
          || (w0.equals("among") || w0.equals("of")) && GROUP_REFS.contains(w1));
      if ((parts.size() >= 2 || onePart) && sum <= group.count) {
        for (Part p : parts) {
          Draft d = part(group, p, group);
          d.sentence = s;
          out.add(d);
        }
      }
    }
  }

  private static final Set<String> GROUP_REFS = Set.of("them", "these", "those", "whom");

  /**
   * Claims of the sentence right after a counted group that are a part of it: "The agency repatriated 146 fugitives
   * from 11 countries. The UAE accounted for the largest share, with 58 deported from Dubai." (a smaller count with a
   * country of its own, after a group with none) or "Of them, seven are living in Canada." (the sentence points back).
   */
  void breakdownAfter(Draft group, SentenceView s, List<Draft> read) {
    boolean pointsBack = s.size() > 2 && (s.lower(0).equals("among") || s.lower(0).equals("of"))
        && GROUP_REFS.contains(s.lower(1)) || countOfGroup(s);
    for (Draft d : read) {
      if (d.kind == group.kind && d.person == null && d.count != null && d.count < group.count && d.overlaps == null
          && (pointsBack || group.destination == null && group.mentioned.size() != 1 && d.destination != null)) {
        d.overlaps = group;
        if (!d.originStated && group.origin != null && !group.origin.equals(d.destination)) {
          d.origin = group.origin; // a part's people are the group's: "Armenia handed over 44 of them"
        }
      }
    }
  }

  /**
   * "Of the 312, 205 were extradited or deported and 107 were persuaded to return": a group told before, broken down
   * by how they came back, not by country or by who they are. A bare number with no place of its own adds no fact
   * (one part alone does: "Of these, 19 were sent back to India").
   */
  void dropMannerParts(SentenceView s, List<Draft> read) {
    if (s.size() < 4 || !s.lower(0).equals("of")) {
      return;
    }
    // "Of 20 fugitives brought back from the UAE since 2002, eight were brought during ..., nine during ...": the
    // same without "the"; the opening's place is the whole's, not a part's own
    int number = s.lower(1).equals("the") ? s.entitySpan(2)[1] : s.entitySpan(1)[1];
    if (!isCount(s, number) && !GROUP_REFS.contains(s.lower(1))) {
      return;
    }
    int comma = number;
    while (comma < s.size() && !s.lower(comma).equals(",")) {
      comma++;
    }
    int opening = comma;
    if (s.toks.stream().filter(t -> t.i() > opening && s.entitySpan(t.i())[0] == t.i() && isCount(s, t.i())).count()
        < 2) {
      return; // "Of these, 19 were sent back to India last year": one part is a fact, not a breakdown
    }
    // "Of the 950 returned suspects, 210 were former officials" names who the part are: kept, as is the 950
    double whole = isCount(s, number) ? s.tok(number).number() : -1;
    read.removeIf(d -> !d.kind.isMoney() && d.person == null && d.count != null
        && (d.destination == null && d.mentioned.isEmpty() || onlyBefore(s, d.destination, opening))
        && d.count != Math.round(whole) && d.subject != io.flightwatch.common.Subject.OFFICIALS
        && bareNumber(d.sentence, d.count));
  }

  /** {@code iso} is named in the sentence only before token {@code end}. */
  private static boolean onlyBefore(SentenceView s, String iso, int end) {
    if (iso == null) {
      return false;
    }
    boolean before = false;
    for (Tok t : s.toks) {
      if (iso.equals(t.iso())) {
        if (t.i() >= end) {
          return false;
        }
        before = true;
      }
    }
    return before;
  }

  /** The count stands alone as its clause's subject: "205 were extradited", not "205 officials were extradited". */
  private boolean bareNumber(SentenceView s, long count) {
    for (int i = 0; i + 1 < s.size(); i++) {
      if (isCount(s, i) && Math.round(s.tok(i).number()) == count) {
        String next = s.tok(i + 1).tag();
        return next.startsWith("VB") || next.equals("MD");
      }
    }
    return false;
  }

  /** "18 of them were in Australia", "(he) told reporters that 18 of them were in Australia": a part of the group. */
  private boolean countOfGroup(SentenceView s) {
    for (int i = 0; i + 2 < s.size(); i++) {
      if (isCount(s, i) && s.lower(i + 1).equals("of") && GROUP_REFS.contains(s.lower(i + 2))
          && (i == s.entitySpan(0)[1] || s.lower(s.entitySpan(i)[0] - 1).equals("that"))) {
        return true;
      }
    }
    return false;
  }

  /** "187 people were sent home. Twelve of the 187 were former officials.": a sentence opening on a part of them. */
  private boolean countOfWhole(SentenceView s, Draft group) {
    int first = s.entitySpan(0)[1];
    if (group.count == null || !isCount(s, first) || !s.lower(first + 1).equals("of")
        || !s.lower(first + 2).equals("the")) {
      return false;
    }
    int whole = s.entitySpan(Math.min(first + 3, s.size() - 1))[1];
    return isCount(s, whole) && Math.round(s.tok(whole).number()) == group.count;
  }

  private void subsets(Draft main, SentenceView s, List<Draft> out) {
    if (main.kind.isMoney() || main.person != null || main.count == null || main.singular) {
      return;
    }
    for (int i = 0; i < s.size(); i++) {
      if (!isCount(s, i) || s.tok(i).number().longValue() >= main.count || s.tok(i).number() < 2) {
        continue;
      }
      String b1 = s.lower(i - 1);
      String b2 = s.lower(i - 2);
      boolean before = b1.equals("including") || (b1.equals("them") || b1.equals("whom") || b1.equals("which"))
          && (b2.equals("among") || b2.equals("of"))
          // "Among them were 87 ...", "They included 87 ..."
          || (b1.equals("were") || b1.equals("are")) && GROUP_REFS.contains(b2) && s.lower(i - 3).equals("among")
          || INCLUDE.contains(b1) && GROUP_OPENERS.contains(b2) && i == 2
          // "the figure included 164"
          || INCLUDE.contains(b1) && IncludedParts.groupNoun(s, i - 2, lexicon) && s.lower(i - 3).equals("the");
      boolean after = s.lower(i + 1).equals("of") && (s.lower(i + 2).equals("them") || s.lower(i + 2).equals("whom"))
          || i == s.entitySpan(0)[1] && countOfWhole(s, main); // "Twelve of the 187 were former officials"
      // "Of the 950 returned suspects, 210 were former officials"
      // "Of the returnees, 320 had been government officials"; "A total of 320 had been party members", the
      // sentence after the group's count
      boolean copula = Set.of("were", "are", "was", "is").contains(s.lower(i + 1))
          || Set.of("had", "have").contains(s.lower(i + 1)) && s.lower(i + 2).equals("been");
      boolean partition = (s.lower(0).equals("of") || s.lower(0).equals("among")) && i > 2
          && s.lower(i - 1).equals(",") && copula || i == 3 && s.lower(0).equals("a") && b2.equals("total") && copula;
      if (!before && !after && !partition) {
        continue;
      }
      io.flightwatch.common.Subject subject = null;
      for (int j = i + 1; j < s.size() && j <= i + 9 && subject == null; j++) {
        String l = s.tok(j).lemma();
        if (lexicon.has(Lexicon.OFFICIALS, l) || l.equals("member") || l.equals("cadre")) {
          subject = io.flightwatch.common.Subject.OFFICIALS;
        } else if (lexicon.has(Lexicon.FUGITIVES, l)) {
          subject = io.flightwatch.common.Subject.FUGITIVES;
        }
      }
      if (subject == null) {
        continue;
      }
      Draft d = new Draft(main.kind, s);
      d.count = Math.round(s.tok(i).number());
      d.valueText = s.tok(i).word();
      d.subject = subject;
      d.destination = main.destination;
      d.mentioned = new ArrayList<>(main.mentioned);
      d.origin = main.origin;
      d.hedged = main.hedged;
      d.confidence = main.confidence - 0.05;
      d.overlaps = main;
      out.add(d);
      return;
    }
  }

  /**
   * "N in X, M in Y and K in Z": a number, a few words, a preposition and a place, at least twice in a list. For
   * returns only "from" / "in" name a part's country ("120 were brought back to China ..., 40 from Thailand": China is
   * home).
   */
  List<Part> pairs(SentenceView s, Set<String> preps) {
    List<Part> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (!isCount(s, i)) {
        continue;
      }
      for (int j = i + 1; j < s.size() && j <= i + PART_WORDS; j++) {
        String w = s.lower(j);
        // "One of them wished to settle in Australia": a wish or a plan, not where the part is ("said to be in" is)
        boolean wish = w.equals("to") && s.tok(j + 1) != null && s.tok(j + 1).tag().equals("VB")
            && !s.tok(j + 1).lemma().equals("be") && !s.tok(j + 1).lemma().equals("have");
        if (w.equals(",") || w.equals(";") || s.tok(j).number() != null || wish) {
          break;
        }
        if (preps.contains(w)) {
          int k = j + 1;
          while (k < s.size() && (s.lower(k).equals("the"))) {
            k++;
          }
          Tok place = s.tok(k);
          if (place != null && place.isPlace() && !PlaceReader.possessive(s, k)) {
            out.add(new Part(Math.round(t.number()), place.iso(), i));
            if (s.span(i + 1, j).toLowerCase(java.util.Locale.ROOT).matches("(.* )?each")) {
              // "two each from Kuwait, Qatar and Saudi Arabia": the number holds for every place of the list
              for (String c : PlaceReader.joinedAfter(s, place.iso())) {
                out.add(new Part(Math.round(t.number()), c, i));
              }
            }
            break;
          }
        }
      }
    }
    return out;
  }

  /** "X, Y and Z ... N, M and K respectively": places and numbers in the same order. */
  List<Part> respectively(SentenceView s) {
    int until = -1;
    for (Tok t : s.toks) {
      until = until < 0 && t.lower().equals("respectively") ? t.i() : until;
    }
    if (until < 0) {
      return List.of();
    }
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    int lastEntity = -2;
    // up to "respectively": "..., while Hong Kong and Macao together accounted for 15" is another clause
    for (int i = 0; i < until; i++) {
      Tok t = s.tok(i);
      if (t.isPlace() && t.entity() != lastEntity && !PlaceReader.possessive(s, i)) {
        (numbers.isEmpty() ? before : after).add(t.iso());
        lastEntity = t.entity();
      } else if (isCount(s, i)) {
        numbers.add(i);
      }
    }
    // the places listed on the other side of the numbers, as many as there are numbers
    List<String> isos = before.size() == numbers.size() ? before : after.size() == numbers.size() ? after : List.of();
    if (isos.size() < 2) {
      return List.of();
    }
    List<Part> out = new ArrayList<>();
    for (int k = 0; k < isos.size(); k++) {
      out.add(new Part(Math.round(s.tok(numbers.get(k)).number()), isos.get(k), numbers.get(k)));
    }
    return out;
  }

  /** The last token of a count that is neither vague ("dozens") nor money nor a year. */
  private boolean isCount(SentenceView s, int i) {
    return s.entitySpan(i)[1] == i && s.countAt(i) != null && !lexicon.has(Lexicon.VAGUE_NUMBERS, s.lower(i));
  }
}
