package io.flightwatch.nlp.extract;

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
 * </pre>
 * The sentence must say "include" of the group (a pronoun or a noun for the group before the verb) and name people
 * after it; it holds no claim of its own.
 */
final class NamedMembers {


  private NamedMembers() {
  }

  static void after(Draft group, SentenceView s, List<Draft> out) {
    if (group.kind.isMoney() || group.person != null || group.count == null || group.count < 2) {
      return;
    }
    int verb = -1;
    boolean grouped = false;
    for (int i = 0; i < s.size() && verb < 0; i++) {
      Tok t = s.tok(i);
      if (Coordination.INCLUDE.contains(t.lower())) {
        verb = i;
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
        names.add(s.span(span[0], span[1] + 1));
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

  private static boolean groupNoun(Tok t) {
    Lexicon words = Lexicon.standard();
    String lemma = t.lemma().toLowerCase(Locale.ROOT);
    return words.has(Lexicon.OFFICIALS, lemma) || words.has(Lexicon.FUGITIVES, lemma);
  }
}
