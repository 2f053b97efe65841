package io.flightwatch.nlp.extract;

import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 1 after the article gate: which sentences can hold a claim. A candidate has a predicate word
 * ({@code candidate-stems.txt}, the beginnings of every trigger in {@code triggers.rules}) and something countable,
 * nameable or placeable (a number, an amount, a person or pronoun, a place, an official or fugitive noun). Only
 * candidates get the trigger rules and, when one fires, a dependency parse, so this decides most of the extractor's
 * cost.
 *
 * <pre>
 *   "Three officials fled to Canada."                    candidate (predicate, number, place)
 *   "The weather in Canada was mild on Sunday."          not (no predicate)
 *   "Prices returned to normal."                         not (nothing countable, nameable or placeable)
 *   "He parked $2 million in a Jersey trust."            candidate ("parked" is a verb)
 *   "Parking fees in Leeds rose by 4 percent."           not (a stem whose rules want a verb, here a noun)
 * </pre>
 */
final class CandidateFilter {

  static final String STEMS = "/io/flightwatch/nlp/extract/candidate-stems.txt";
  private static final String TAGS = "tags=";

  /** A predicate stem; {@code tags}, when set, is what its word must be tagged ("parked", not "parking fees"). */
  record Stem(String regex, Pattern tags) {}

  private final Pattern hint;
  private final Pattern untagged;
  private final List<Stem> tagged;
  private final List<Pattern> taggedPatterns;
  private final Lexicon lexicon;

  CandidateFilter(Lexicon lexicon) {
    this.lexicon = lexicon;
    List<Stem> all = read();
    this.hint = either(all);
    this.untagged = either(all.stream().filter(st -> st.tags() == null).toList());
    this.tagged = all.stream().filter(st -> st.tags() != null).toList();
    this.taggedPatterns = tagged.stream().map(st -> Pattern.compile("(?i)\\b(?:" + st.regex() + ")")).toList();
  }

  /** Cheap pre-check on raw text: false means no sentence of it can be a candidate. */
  boolean mayHold(CharSequence text) {
    return hint.matcher(text).find();
  }

  boolean isCandidate(SentenceView s) {
    if (!hasPredicateWord(s)) {
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

  private boolean hasPredicateWord(SentenceView s) {
    String text = s.text();
    if (untagged.matcher(text).find()) {
      return true;
    }
    for (int k = 0; k < tagged.size(); k++) {
      Matcher m = taggedPatterns.get(k).matcher(text);
      while (m.find()) {
        Tok t = tokenAt(s, s.begin + m.start());
        if (t != null && tagged.get(k).tags().matcher(t.tag()).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Tok tokenAt(SentenceView s, int offset) {
    for (Tok t : s.toks) {
      if (t.begin() <= offset && offset < t.end()) {
        return t;
      }
    }
    return null;
  }

  private static Pattern either(List<Stem> stems) {
    return Pattern.compile("(?i)\\b(?:" + String.join("|", stems.stream().map(Stem::regex).toList()) + ")");
  }

  /** The stems' regexes alone, for a check before tagging ({@link RelevanceGate}). */
  static List<String> stems() {
    return read().stream().map(Stem::regex).toList();
  }

  static List<Stem> read() {
    return ResourceLines.read(STEMS).stream().map(l -> {
      String[] cols = l.text().strip().split("\t");
      if (cols.length > 2 || cols.length == 2 && !cols[1].startsWith(TAGS)) {
        throw new IllegalStateException(STEMS + ":" + l.number() + ": expected a regex and optionally "
            + TAGS + "TAGREGEX after a tab");
      }
      return new Stem(cols[0].strip(), cols.length == 2 ? Pattern.compile(cols[1].substring(TAGS.length())) : null);
    }).toList();
  }
}
