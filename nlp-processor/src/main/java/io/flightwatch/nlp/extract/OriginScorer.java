package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fallback origin: how much an article is about each country. Demonyms ("Chinese officials") and owners
 * ("Nigeria's former minister") weigh more than places after a preposition ("to London", "via Bangkok"), which say
 * where someone went; a claim's own sentence weighs five times more than the rest of the article.
 */
final class OriginScorer {

  private final Map<String, Integer> score = new HashMap<>();
  private final Map<Integer, Map<String, Integer>> bySentence = new HashMap<>();

  OriginScorer(List<SentenceView> sentences, int titleEnd) {
    for (SentenceView s : sentences) {
      int lastEntity = -2;
      for (Tok t : s.toks) {
        if (t.iso() == null || t.entity() == lastEntity) {
          continue;
        }
        lastEntity = t.entity();
        int w = t.nationality() ? 3 : 1;
        if (t.begin() < titleEnd) {
          w *= 2;
        }
        score.merge(t.iso(), w, Integer::sum);
        int before = t.i() - 1;
        while (before >= 0 && (s.lower(before).equals("the") || s.lower(before).equals("a"))) {
          before--;
        }
        if (t.nationality() || PlaceReader.possessive(s, t.i()) || before < 0
            || !(s.tok(before).tag().equals("IN") || s.tok(before).tag().equals("TO"))) {
          bySentence.computeIfAbsent(s.index, k -> new HashMap<>()).merge(t.iso(), w, Integer::sum);
        }
      }
    }
  }

  /** The article's country for a claim in sentence {@code sentence}, never one of {@code exclude}; null if none. */
  String best(Collection<String> exclude, int sentence) {
    Map<String, Integer> combined = new HashMap<>(score);
    bySentence.getOrDefault(sentence, Map.of()).forEach((iso, w) -> combined.merge(iso, 5 * w, Integer::sum));
    return combined.entrySet().stream().filter(e -> !exclude.contains(e.getKey()))
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse(null);
  }
}
