package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stage 6 (coordination): the named members of a counted group, in the sentence after it, each a claim of one person
 * inside the group.
 *
 * <pre>
 *   "At least 38 economic offenders fled the country since 2015. The offenders included Ravi Mehta, Anil Kapoor and
 *   Sunil Rao."                                   three flights of one named person each, all within the 38
 *   "Nine officials have fled to Britain. They include two former governors, Ada Obi and Musa Bello."
 *                                                 two flights to GB of one named person each, within the nine
 *   "Seven former officials have fled to the UAE. One of them is Dana Seitova, a former deputy minister."
 *                                                 one flight to AE of one named person, within the seven
 * </pre>
 * The sentence must say "include" of the group (a pronoun or a noun for the group before the verb), or open with "one
 * of them is", "among them are", and name people after it; it holds no claim of its own.
 */
final class NamedMembers {


  private NamedMembers() {
  }

  private static final java.util.Set<String> BE = java.util.Set.of("is", "was", "are", "were");

  /** The verb of "One of them is ...", "Among those were ..." opening the sentence; -1 if it opens otherwise. */
  private static int memberOpening(SentenceView s) {
    int at = s.lower(0).equals("one") && s.lower(1).equals("of") ? 2 : s.lower(0).equals("among") ? 1 : -1;
    if (at < 0 || !Coordination.GROUP_OPENERS.contains(s.lower(at)) && !s.lower(at).equals("them")) {
      return -1;
    }
    return BE.contains(s.lower(at + 1)) ? at + 1 : -1;
  }

  static void after(Draft group, SentenceView s, List<Draft> out) {
    if (group.kind.isMoney() || group.person != null || group.count == null || group.count < 2) {
      return;
    }
    int verb = memberOpening(s);
    boolean grouped = verb >= 0;
    for (int i = 0; i < s.size() && verb < 0; i++) {
      Tok t = s.tok(i);
      if (Coordination.INCLUDE.contains(t.lower())) {
        verb = i;
      } else if (t.lower().equals("including") && restated(group, s, i)) {
        verb = i; // "... on the five major corrupt fugitives, including Yang Hua": the group told again, by its count
        grouped = true;
      } else if (Coordination.GROUP_OPENERS.contains(t.lower()) || t.tag().equals("NNS") && groupNoun(t)) {
        grouped = true;
      } else if (t.isPerson()) {
        return; // "Singh said the list included ...": someone else speaks first
      } else if (t.lower().equals("list") || t.lower().equals("notice")) {
        return; // "Those from the most-wanted list include ...": members of a list, not of the counted group
      }
    }
    if (verb < 0 || !grouped) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (int i = verb + 1; i < s.size(); i++) {
      if (s.tok(i).isPerson()) {
        int[] span = s.entitySpan(i);
        names.add(s.name(span[0], span[1] + 1));
        i = span[1];
      }
    }
    if (names.isEmpty() || names.size() >= group.count) {
      return;
    }
    for (String name : names) {
      Draft d = new Draft(group.kind, s);
      d.person = name;
      d.count = 1L;
      d.valueText = "1";
      d.singular = true;
      d.subject = group.subject;
      d.origin = group.origin;
      d.destination = group.destination; // each went where the whole group went
      d.originStated = group.originStated;
      d.hedged = group.hedged;
      d.confidence = group.confidence - 0.1;
      d.overlaps = group;
      out.add(d);
    }
  }

  /** The group's count and a noun for its people in the few words before "including". */
  private static boolean restated(Draft group, SentenceView s, int including) {
    for (int i = including - 1; i >= Math.max(0, including - 3); i--) {
      if (s.tok(i).tag().equals("NNS") && groupNoun(s.tok(i))) {
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
          if (group.count.equals(s.countAt(j))) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** A flight told of in general ("defections ... have increased"), with or without anyone counted. */
  static boolean flightTalk(SentenceView s) {
    Lexicon words = Lexicon.standard();
    return s.toks.stream().anyMatch(t -> words.hasOrStarts(Lexicon.FLIGHT_TALK, t.lower()));
  }

  /**
   * Officials named as examples of the flight the sentence before told of, each a flight of one person.
   * <pre>
   *   "Defections by senior cadres have grown. Gao Min, a former vice-minister, and Lu Tan, a former tax chief, were
   *   cited as examples."                          two flights, of Gao Min and of Lu Tan
   * </pre>
   * The sentence must say "example" (or "instance") and hold an official's word; it holds no claim of its own.
   */
  static void examples(SentenceView s, OriginScorer scorer, List<Draft> out) {
    Lexicon words = Lexicon.standard();
    boolean example = false;
    boolean official = false;
    for (Tok t : s.toks) {
      example |= words.has(Lexicon.EXAMPLES, t.lemma());
      official |= words.has(Lexicon.OFFICIALS, t.lemma());
    }
    if (!example || !official) {
      return;
    }
    for (int i = 0; i < s.size(); i++) {
      if (s.tok(i).isPerson()) {
        int[] span = s.entitySpan(i);
        Draft d = new Draft(ClaimKind.OFFICIALS_FLED, s);
        d.person = s.name(span[0], span[1] + 1);
        d.count = 1L;
        d.valueText = "1";
        d.singular = true;
        d.subject = Subject.OFFICIALS;
        d.origin = scorer.best(List.of(), s.index);
        d.confidence = 0.5;
        out.add(d);
        i = span[1];
      }
    }
  }

  private static boolean groupNoun(Tok t) {
    Lexicon words = Lexicon.standard();
    String lemma = t.lemma().toLowerCase(Locale.ROOT);
    return words.has(Lexicon.OFFICIALS, lemma) || words.has(Lexicon.FUGITIVES, lemma);
  }
}
