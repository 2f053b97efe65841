package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Subject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 7: a yearly figure that went from one number to another, told of a flight or a return that has no count of
 * its own: each year's number is a group of its own.
 *
 * <pre>
 *   "The number of officials who fled abroad fell from 87 in 2016 to 12 last year"     fled 87 ; fled 12
 *   "Returns of fugitives rose from 500 in 2015 to 1,300 in 2018"                      returned 500 ; returned 1,300
 *   "Arrests fell from 87 in 2016 to 12 last year" (no flight or return word)          nothing
 * </pre>
 */
final class YearSeries {

  private static final Pattern SERIES = Pattern.compile(
      "\\bfrom (\\d[\\d,]*) in (?:19|20)\\d\\d,? to (\\d[\\d,]*)(?= in (?:19|20)\\d\\d| last year| this year)");
  private static final double CONFIDENCE = 0.55;

  private YearSeries() {
  }

  /** Adds one draft per year's figure of {@code s}, if its one kind of claim is a flight or a return. */
  static void read(SentenceView s, Predicates.Found found, List<Draft> drafts, OriginScorer scorer,
      Lexicon lexicon) {
    if (found == null) {
      return;
    }
    Matcher m = SERIES.matcher(s.text());
    ClaimKind kind = kindOf(found);
    if (kind == null || !m.find()) {
      return;
    }
    Subject who = subject(s, lexicon);
    if (who == null) {
      return;
    }
    String origin = scorer.best(List.of(), s.index);
    for (int g = 1; g <= 2; g++) {
      Draft d = new Draft(kind, s);
      d.count = Long.parseLong(m.group(g).replace(",", ""));
      d.valueText = Long.toString(d.count);
      d.subject = who;
      d.origin = origin;
      d.confidence = CONFIDENCE;
      drafts.add(d);
    }
  }

  /** The kind all predicates of the sentence share: a flight or a return; null when none or both. */
  private static ClaimKind kindOf(Predicates.Found found) {
    boolean fled = found.predicates().stream().anyMatch(c -> c.label().startsWith("FLED"));
    boolean back = found.predicates().stream().anyMatch(c -> c.label().equals("RETURNED"));
    return fled == back ? null : fled ? ClaimKind.OFFICIALS_FLED : ClaimKind.OFFICIALS_RETURNED;
  }

  /** Officials or fugitives named in the sentence; null when it tells of neither. */
  private static Subject subject(SentenceView s, Lexicon lexicon) {
    for (int i = 0; i < s.size(); i++) {
      String lemma = s.tok(i).lemma().toLowerCase(Locale.ROOT);
      if (lexicon.has(Lexicon.OFFICIALS, lemma)) {
        return Subject.OFFICIALS;
      }
      if (lexicon.has(Lexicon.FUGITIVES, lemma)) {
        return Subject.FUGITIVES;
      }
    }
    return null;
  }
}
