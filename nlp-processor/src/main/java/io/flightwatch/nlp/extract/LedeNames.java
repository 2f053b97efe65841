package io.flightwatch.nlp.extract;

import java.util.List;

/**
 * Stage 5 across sentences: the official a news lede introduces without a name is the person the next sentence opens
 * with.
 *
 * <pre>
 *   "A former Peruvian regional governor ... was handed over to Peruvian police ..., three years after he slipped out
 *    of the country. | Teodoro Quispe, 63, governed a southern region until 2018."     the governor = Teodoro Quispe
 * </pre>
 */
final class LedeNames {

  /** How far into an article a lede can stand: headline, dateline and the first sentence or two. */
  private static final int LEDE_SENTENCES = 4;

  private LedeNames() {
  }

  /**
   * Names each unnamed single official of the article's first sentences after the person the next sentence opens
   * with, when the lede itself names no one.
   */
  static void apply(List<SentenceView> sentences, List<Draft> drafts) {
    for (Draft d : drafts) {
      SentenceView s = d.sentence;
      if (d.person != null || !d.singular || s.index > LEDE_SENTENCES || s.index + 1 >= sentences.size()
          || s.toks.stream().anyMatch(SentenceView.Tok::isPerson) || !indefiniteOfficial(s)) {
        continue;
      }
      SentenceView next = sentences.get(s.index + 1);
      if (next.size() > 1 && next.tok(0).isPerson()) {
        int[] span = next.entitySpan(0);
        d.person = next.name(span[0], span[1] + 1);
        // "who fled the country four years ago with an estimated $20 million": the money went with the same person
        drafts.stream().filter(m -> m.sentence == s && m.person == null && m.takenAlong)
            .forEach(m -> m.person = d.person);
      }
    }
  }

  /** "A former Peruvian regional governor", "An ex-minister": an official the sentence introduces without a name. */
  private static boolean indefiniteOfficial(SentenceView s) {
    for (int i = 0; i + 1 < s.size(); i++) {
      if (s.lower(i).equals("a") || s.lower(i).equals("an")) {
        for (int j = i + 1; j < s.size() && j <= i + 5; j++) {
          if (Lexicon.standard().has(Lexicon.OFFICIALS, s.tok(j).lemma())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
