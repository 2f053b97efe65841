package io.flightwatch.nlp.extract;

import java.util.regex.Pattern;

/**
 * A cheap check run before any CoreNLP annotation: an article is worth annotating only when it has both movement
 * vocabulary (fled, fugitive, extradited, repatriated, transferred, laundered, recovered, abroad..., and every
 * predicate's word of {@code candidate-stems.txt}) and actor or money vocabulary (officials, minister, corrupt,
 * embezzled, assets, yuan, million..., and the officials and fugitives word lists). An off-topic article then costs two
 * precompiled regex scans. Recall matters more than precision here: the claim rules decide, the gate only saves time.
 */
public final class RelevanceGate {

  private static final Pattern MOVEMENT = Pattern.compile(
      "\\b(?:fle[de]|fleeing|flees|fugitives?|escap\\w*|abscond\\w*|defect\\w*|refuge|asylum|hiding|on the run|holed up"
          + "|exiled?|expell\\w*|handed (?:over|back)|decamp\\w*"
          + "|at large|extradit\\w*|repatriat\\w*|deport\\w*|brought back|return\\w*|surrender\\w*|transferr?\\w*"
          + "|smuggl\\w*|launder\\w*|siphon\\w*|recover\\w*|retriev\\w*|recoup\\w*|offshore|overseas|abroad|red notice"
          + "|taken in|took in|harbou?r(?:s|ed|ing)?|sanctuary|whereabouts|tracked down|(?:living|lives|lived|residing"
          + "|resides|settled|staying|based) in|funnel+\\w*|wired|wiring|stash\\w*|channel+ed|remitt\\w*|spirited"
          + "|squirrel+ed|salted away|parked|deposit\\w*|(?:sent|send|sends|sending|shipped) (?:back|home)"
          + "|(?:moved|moving|sent|sending) (?:another |an estimated |about |some |over |more than )?[$£€¥\\d])",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern ACTOR = Pattern.compile(
      "\\b(?:officials?|fugitives?|ministers?|presidents?|governors?|mayors?|cadres?|corrupt\\w*|graft|embezzl\\w*"
          + "|brib\\w*|premiers?|chairman|directors?|senators?|speakers?|judges?|generals?|tycoons?|businessman|bankers?"
          + "|chiefs?|secretar(?:y|ies)|politicians?|lawmakers?|leaders?|former|ousted|deposed|ex-\\w+"
          + "|suspects?|executives?|money|funds|assets|cash|yuan|renminbi|dollars?|euros?|pounds|roubles?|rubles?|naira"
          + "|billion|million|bn)\\b|[$£€¥]",
      Pattern.CASE_INSENSITIVE);

  /**
   * Every predicate's word beginning ({@code candidate-stems.txt}): an article none of whose sentences could be a
   * candidate is off-topic, and one that could is never dropped here for a word this gate's own list lacks.
   */
  private static final Pattern PREDICATES = Pattern.compile("\\b(?:" + String.join("|", CandidateFilter.stems()) + ")",
      Pattern.CASE_INSENSITIVE);

  /** The officials and fugitives word lists, singular or plural ("provincial governors", "absconders"). */
  private static final Pattern PEOPLE = Pattern.compile("\\b(?:" + String.join("|", people()) + ")s?\\b",
      Pattern.CASE_INSENSITIVE);

  private static java.util.List<String> people() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String list : java.util.List.of(Lexicon.OFFICIALS, Lexicon.FUGITIVES)) {
      Lexicon.standard().list(list).stream().filter(w -> !w.endsWith("*")).map(Pattern::quote).forEach(out::add);
    }
    return out;
  }

  /** At least this share of the characters must be letters or spaces for a text to count as prose. */
  private static final double MIN_PROSE_SHARE = 0.6;

  public enum Verdict {
    RELEVANT, OFF_TOPIC, NOT_PROSE, EMPTY
  }

  public Verdict check(CharSequence text) {
    if (text == null || text.toString().isBlank()) {
      return Verdict.EMPTY;
    }
    if (!looksLikeProse(text)) {
      return Verdict.NOT_PROSE;
    }
    if (!MOVEMENT.matcher(text).find() && !PREDICATES.matcher(text).find()) {
      return Verdict.OFF_TOPIC;
    }
    return ACTOR.matcher(text).find() || PEOPLE.matcher(text).find() ? Verdict.RELEVANT : Verdict.OFF_TOPIC;
  }

  /** Binary junk and non-Latin scripts fail this; the CoreNLP English models would only produce noise on them. */
  static boolean looksLikeProse(CharSequence text) {
    int n = Math.min(text.length(), 20_000);
    int ok = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c < 0x250 && Character.isLetter(c)) || Character.isWhitespace(c) || c == '.' || c == ',') {
        ok++;
      }
    }
    return n > 0 && ok >= MIN_PROSE_SHARE * n;
  }
}
