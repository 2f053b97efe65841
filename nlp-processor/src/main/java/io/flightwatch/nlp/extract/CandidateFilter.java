package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stage 1 after the article gate: which sentences can hold a claim. A candidate has a predicate word
 * ({@code candidate-stems.txt}, the beginnings of every trigger in {@code triggers.rules}) and something countable,
 * nameable or placeable (a number, an amount, a person or pronoun, a place, an official or fugitive noun). Only
 * candidates get a dependency parse, so this decides most of the extractor's cost.
 *
 * <pre>
 *   "Three officials fled to Canada."            candidate (predicate, number, place)
 *   "The weather in Canada was mild on Sunday."  not (no predicate)
 *   "Prices returned to normal."                 not (nothing countable, nameable or placeable)
 * </pre>
 */
final class CandidateFilter {

  static final String STEMS = "/io/flightwatch/nlp/extract/candidate-stems.txt";

  private final Pattern hint;
  private final Lexicon lexicon;

  CandidateFilter(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.hint = Pattern.compile("(?i)\\b(?:" + String.join("|", stems()) + ")");
  }

  /** Cheap pre-check on raw text: false means no sentence of it can be a candidate. */
  boolean mayHold(CharSequence text) {
    return hint.matcher(text).find();
  }

  boolean isCandidate(SentenceView s) {
    if (!hint.matcher(s.text()).find()) {
      return false;
    }
    if (!s.money.isEmpty()) {
      return true;
    }
    for (Tok t : s.toks) {
      if (t.number() != null || t.isPerson() || t.iso() != null
          || t.lower().equals("he") || t.lower().equals("she") || t.lower().equals("they")
          || lexicon.has(Lexicon.OFFICIALS, t.lemma()) || lexicon.has(Lexicon.FUGITIVES, t.lemma())
          || lexicon.has(Lexicon.ASSETS, t.lemma())) {
        return true;
      }
    }
    return false;
  }

  static List<String> stems() {
    return ResourceLines.read(STEMS).stream().map(l -> l.text().strip()).toList();
  }
}
