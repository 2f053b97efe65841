package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last resort for where one person's return came from: the only foreign country the whole article names.
 *
 * <pre>
 *   "Dubai police arrested the former governor in March."                  the one foreign place (AE)
 *   "He was extradited to Nigeria on Tuesday to face fraud charges."        return, no country: ... from AE
 * </pre>
 * Only for a named or single returnee (a group's return may come from many countries), only when no flight of the
 * article says where anyone went (that is a better source, {@link ArticleAssembler}), and only when exactly one
 * country other than the returnee's home is named anywhere, a possessive owner included.
 */
final class SoleForeignCountry {

  void fill(List<SentenceView> sentences, List<Draft> drafts) {
    if (drafts.stream().anyMatch(f -> f.kind == ClaimKind.OFFICIALS_FLED && f.destination != null)) {
      return;
    }
    for (Draft d : drafts) {
      if (d.kind != ClaimKind.OFFICIALS_RETURNED || d.destination != null || !d.mentioned.isEmpty()
          || d.origin == null || d.person == null && !d.singular) {
        continue;
      }
      Set<String> foreign = new LinkedHashSet<>();
      for (SentenceView s : sentences) {
        for (Tok t : s.toks) {
          if (t.isPlace() && t.iso() != null && !t.iso().equals(d.origin)) {
            foreign.add(t.iso());
          }
        }
      }
      if (foreign.size() == 1) {
        d.destination = foreign.iterator().next();
        d.confidence -= 0.15;
      }
    }
  }
}
