package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Named people and the places after them, in the same order, one place each ("respectively"):
 *
 * <pre>
 *   "Musa Adamu and Chika Obi were extradited from Benin and Togo respectively"      BJ (Adamu), TG (Obi)
 *   "Two former directors, Ana Mejia and Raul Erazo, are on the run in the United States and Spain, respectively"
 *                                                     the count of two becomes the two people: US (Mejia), ES (Erazo)
 * </pre>
 */
final class RespectiveNames {

  private RespectiveNames() {}

  static void apply(SentenceView s, List<Draft> read) {
    if (s.toks.stream().noneMatch(t -> t.lower().equals("respectively"))) {
      return;
    }
    int firstName = -1;
    for (int i = 0; i < s.size() && firstName < 0; i++) {
      firstName = s.tok(i).isPerson() ? i : -1;
    }
    if (firstName < 0) {
      return;
    }
    List<String> isos = PlaceReader.countriesIn(s, firstName, s.size());
    for (ClaimKind kind : ClaimKind.values()) {
      List<Draft> named = read.stream().filter(d -> d.kind == kind && d.person != null).toList();
      List<Draft> counted = read.stream().filter(d -> d.kind == kind && !kind.isMoney() && d.person == null
          && d.count != null && d.count >= 2).toList();
      if (named.isEmpty() && counted.size() == 1) {
        named = people(s, counted.get(0), counted.get(0).count, firstName, isos.size(), read);
      } else if (named.size() == 1 && counted.isEmpty() && isos.size() >= 2) {
        // "Two former directors, Ana Mejia and Raul Erazo, ...": the parse gave the first name only
        named = people(s, named.get(0), isos.size(), firstName, isos.size(), read);
      }
      if (named.size() >= 2 && isos.size() == named.size()) {
        for (int k = 0; k < named.size(); k++) {
          named.get(k).destination = isos.get(k);
          named.get(k).mentioned = new ArrayList<>();
        }
      }
    }
  }

  /**
   * The people a count stands for, named right after it: as many names as the count, before the first place; they
   * replace the count's draft (or the draft of the first of them) in {@code read}. Empty when the names do not add
   * up.
   */
  private static List<Draft> people(SentenceView s, Draft group, long count, int firstName, int places,
      List<Draft> read) {
    Set<String> names = new LinkedHashSet<>();
    int firstPlace = s.size();
    for (int i = 0; i < s.size() && firstPlace == s.size(); i++) {
      firstPlace = s.tok(i).isPlace() && i > firstName ? i : s.size();
    }
    for (int i = firstName; i < firstPlace; i++) {
      if (s.tok(i).isPerson()) {
        int[] span = s.entitySpan(i);
        names.add(s.name(span[0], span[1] + 1));
        i = span[1];
      }
    }
    if (names.size() != count || names.size() != places
        || group.person != null && !names.iterator().next().equals(group.person)) {
      return List.of();
    }
    List<Draft> out = new ArrayList<>();
    for (String name : names) {
      Draft d = new Draft(group.kind, s);
      d.person = name;
      d.count = 1L;
      d.valueText = name;
      d.subject = group.subject == Subject.UNSPECIFIED ? Subject.OFFICIALS : group.subject;
      d.origin = group.origin;
      d.originStated = group.originStated;
      d.actorOrigin = group.actorOrigin;
      d.hedged = group.hedged;
      d.confidence = group.confidence;
      out.add(d);
    }
    int at = read.indexOf(group);
    read.remove(at);
    read.addAll(at, out);
    return out;
  }
}
