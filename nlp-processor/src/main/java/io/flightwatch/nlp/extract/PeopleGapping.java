package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage 6 for people: countries handing people back, the verb left out the second time (gapping), which the parser
 * reads as one object ("them and Kazakhstan").
 *
 * <pre>
 *   "Armenia handed over 44 of them and Kazakhstan 31, while the rest came from 19 other countries"
 *       44 from AM, 31 from KZ (one return claim each, in place of the parser's one)
 *   "Thailand deported 12 and Cambodia nine"          12 from TH, 9 from KH
 * </pre>
 * The first country must be the verb's subject right before it; the second pair is "and" or a comma, a country and a
 * bare number with no noun or verb of its own after it.
 */
final class PeopleGapping {

  private static final Set<String> GAP_ENDS = Set.of(",", ".", ";", "while", "whereas", "and", "but", "with");

  private PeopleGapping() {}

  static void split(SentenceView s, List<Draft> read, OriginScorer scorer) {
    for (int v = 1; v + 1 < s.size(); v++) {
      Tok giver = s.tok(v - 1);
      if (!Lexicon.standard().has(Lexicon.GIVE_BACK, s.tok(v).lemma()) || !giver.isPlace()
          || !s.tok(v).tag().startsWith("VB")) {
        continue;
      }
      int n1 = v + 1 + (s.lower(v + 1).equals("over") || s.lower(v + 1).equals("back") ? 1 : 0);
      Long first = s.countAt(n1);
      if (first == null) {
        continue;
      }
      int j = n1 + 1;
      while (j < s.size() && !s.lower(j).equals("and") && !s.lower(j).equals(",") && j <= n1 + 4) {
        j++; // "44 of them", "44 of the suspects"
      }
      int second = j + 1;
      while (second < s.size() && (s.lower(second).equals("and") || s.lower(second).equals("the"))) {
        second++; // ", and the UAE 21"
      }
      Tok other = s.tok(second);
      if (other == null || !other.isPlace() || other.iso().equals(giver.iso())) {
        continue;
      }
      int n2 = s.entitySpan(second)[1] + 1;
      Long next = s.countAt(n2);
      if (next == null || s.tok(n2 + 1) != null && !GAP_ENDS.contains(s.lower(n2 + 1))) {
        continue;
      }
      Draft d = read.stream().filter(x -> x.kind == ClaimKind.OFFICIALS_RETURNED && x.person == null
          && x.sentence == s).findFirst().orElse(null);
      if (d == null) {
        return;
      }
      List<String> away = List.of(giver.iso(), other.iso());
      if (!d.originStated || away.contains(d.origin)) {
        d.origin = away.contains(d.origin) ? scorer.best(away, s.index) : d.origin;
      }
      Draft part = d.countedSibling(s, next, other.iso());
      d.count = first;
      d.valueText = Long.toString(first);
      d.destination = giver.iso();
      d.mentioned = new ArrayList<>();
      read.add(read.indexOf(d) + 1, part);
      return;
    }
  }
}
