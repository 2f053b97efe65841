package io.flightwatch.nlp.extract;

import io.flightwatch.common.Subject;
import io.flightwatch.nlp.extract.SentenceView.Tok;

/**
 * Stage 5: the one counted group of people of the last sentence, for a "they" that follows it.
 *
 * <pre>
 *   "Our target is to bring back six suspects. They're all hiding in Singapore."   they = six suspects
 *   "Four ministers and two governors fled. They ..."                               none (two groups)
 *   "208 diplomats were recalled, but 32 of them fled. ... where they fled"         they = 32
 *   "Togo has lost three members of its cabinet. They fled to Ghana."               they = three officials
 * </pre>
 * Not thread-safe: one per article, fed each sentence after it is read.
 */
final class CountedGroup {

  private static final java.util.Set<String> THEM = java.util.Set.of("them", "those", "these");

  private long size = -1;
  private Subject subject;

  /** Takes the counted group of {@code s}: a number before a fugitive or official noun; none if several. */
  void observe(SentenceView s) {
    size = -1;
    for (Tok t : s.toks) {
      if (t.number() == null || !"NUMBER".equals(t.ner()) || s.inMoney(t.i())) {
        continue;
      }
      if (size > 0 && s.lower(t.i() + 1).equals("of") && THEM.contains(s.lower(t.i() + 2))
          && Math.round(t.number()) < size) {
        // "208 diplomats had been recalled, but 32 of them had fled. ... the countries where they fled": the part
        // told last
        size = Math.round(t.number());
        continue;
      }
      for (int j = t.i() + 1; j <= t.i() + 3 && j < s.size(); j++) {
        Tok n = s.tok(j);
        boolean fugitives = Lexicon.standard().has(Lexicon.FUGITIVES, n.lemma());
        if (n.tag().equals("NNS") && (fugitives || Lexicon.standard().has(Lexicon.OFFICIALS, n.lemma())
            || membersOfABody(s, j))) {
          long value = Math.round(t.number());
          if (size >= 0 && size != value) {
            size = -1;
            return;
          }
          size = value;
          subject = fugitives ? Subject.FUGITIVES : Subject.OFFICIALS;
          break;
        }
        if (!n.tag().startsWith("JJ") && !n.tag().startsWith("NN") && !n.tag().equals("CD")) {
          break;
        }
      }
    }
  }

  /** "members of its cabinet", "members of the military junta": a body of {@code official-bodies.txt}. */
  private static boolean membersOfABody(SentenceView s, int j) {
    if (!s.tok(j).lemma().equals("member") || !s.lower(j + 1).equals("of")) {
      return false;
    }
    for (int k = j + 2; k < s.size() && k <= j + 5; k++) {
      if (Lexicon.standard().has(Lexicon.OFFICIAL_BODIES, s.tok(k).lemma())) {
        return true;
      }
    }
    return false;
  }

  /** The group's size, or -1 when the last sentence counted no group or several. */
  long size() {
    return size > 0 ? size : -1;
  }

  Subject subject() {
    return subject;
  }
}
