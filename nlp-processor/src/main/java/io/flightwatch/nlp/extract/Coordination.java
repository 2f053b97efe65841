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

  private static final Set<String> PREPS = Set.of("in", "from", "to", "into");

  record Part(long count, String iso, int tok) {}

  private final Lexicon lexicon;

  Coordination(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Adds the per-country claims of {@code main}'s sentence to {@code out}; {@code main} may become the aggregate. */
  void distribute(Draft main, List<Draft> out) {
    if (main.kind.isMoney() || main.person != null || main.count == null) {
      return;
    }
    SentenceView s = main.sentence;
    List<Part> parts = respectively(s);
    if (parts.isEmpty()) {
      parts = pairs(s);
    }
    if (parts.size() < 2) {
      return;
    }
    Part self = parts.stream().filter(p -> p.count() == main.count).findFirst().orElse(null);
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
      if (p == self) {
        continue;
      }
      Draft d = new Draft(main.kind, s);
      d.count = p.count();
      d.valueText = Long.toString(p.count());
      d.subject = main.subject;
      d.destination = p.iso();
      d.origin = main.origin;
      d.hedged = main.hedged;
      d.confidence = main.confidence - 0.05;
      d.overlaps = self == null ? main : null;
      out.add(d);
    }
  }

  /** "N in X, M in Y and K in Z": a number, a few words, a preposition and a place, at least twice in a list. */
  List<Part> pairs(SentenceView s) {
    List<Part> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (!isCount(s, i)) {
        continue;
      }
      for (int j = i + 1; j < s.size() && j <= i + 7; j++) {
        String w = s.lower(j);
        if (w.equals(",") || w.equals(";") || s.tok(j).number() != null) {
          break;
        }
        if (PREPS.contains(w)) {
          int k = j + 1;
          while (k < s.size() && (s.lower(k).equals("the"))) {
            k++;
          }
          Tok place = s.tok(k);
          if (place != null && place.isPlace() && !PlaceReader.possessive(s, k)) {
            out.add(new Part(Math.round(t.number()), place.iso(), i));
            break;
          }
        }
      }
    }
    return out;
  }

  /** "X, Y and Z ... N, M and K respectively": places and numbers in the same order. */
  List<Part> respectively(SentenceView s) {
    boolean has = false;
    for (Tok t : s.toks) {
      has |= t.lower().equals("respectively");
    }
    if (!has) {
      return List.of();
    }
    List<String> isos = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    int lastEntity = -2;
    for (int i = 0; i < s.size(); i++) {
      Tok t = s.tok(i);
      if (t.isPlace() && t.entity() != lastEntity && !PlaceReader.possessive(s, i)) {
        isos.add(t.iso());
        lastEntity = t.entity();
      } else if (isCount(s, i)) {
        numbers.add(i);
      }
    }
    if (isos.size() < 2 || isos.size() != numbers.size()) {
      return List.of();
    }
    List<Part> out = new ArrayList<>();
    for (int k = 0; k < isos.size(); k++) {
      out.add(new Part(Math.round(s.tok(numbers.get(k)).number()), isos.get(k), numbers.get(k)));
    }
    return out;
  }

  private boolean isCount(SentenceView s, int i) {
    Tok t = s.tok(i);
    if (t.number() == null || !"NUMBER".equals(t.ner()) || lexicon.has(Lexicon.VAGUE_NUMBERS, t.lower())
        || s.inMoney(i)) {
      return false;
    }
    // the last token of a multi-token number, and not a year
    int[] span = s.entitySpan(i);
    return span[1] == i && !(t.number() >= 1900 && t.number() <= 2100 && t.word().length() == 4);
  }
}
