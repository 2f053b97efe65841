package io.flightwatch.nlp.extract;

import java.util.Set;

/**
 * Stage 3: where a returned person is held, told before the return. "Mensah, who has been held in New York since May
 * after being extradited from Togo": held in a third country, so the extradition took him there, not home.
 */
final class HeldElsewhere {

  private static final Set<String> HELD = Set.of("hold", "held", "detain", "jail", "imprison", "incarcerate");

  private HeldElsewhere() {
  }

  /** The country of "held / detained / jailed (...) in PLACE" before the predicate, else null. */
  static String placeBefore(SentenceView s, Predicates.Cue p) {
    for (int i = 0; i < p.start(); i++) {
      SentenceView.Tok t = s.tok(i);
      if (!t.tag().matches("VBN|VBD") || !(HELD.contains(t.lemma()) || HELD.contains(t.lower()))) {
        continue;
      }
      for (int j = i + 1; j <= i + 3 && j < p.start(); j++) {
        if (s.lower(j).equals("in")) {
          int k = s.lower(j + 1).equals("the") ? j + 2 : j + 1;
          return k < p.start() && s.tok(k).isPlace() ? s.tok(k).iso() : null;
        }
      }
    }
    return null;
  }
}
