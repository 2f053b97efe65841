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

  /** Movement words that make an article worth reading anywhere in it, with an actor word anywhere. */
  private static final Pattern MOVEMENT = Pattern.compile(
      "\\b(?:fle[de]|fleeing|flees|fugitives?|escap\\w*|abscond\\w*|defect\\w*|refuge|asylum|hiding|on the run|holed up"
          + "|exiled?|expell\\w*|handed (?:over|back)|decamp\\w*"
          + "|at large|extradit\\w*|repatriat\\w*|deport\\w*|brought back|return\\w*|surrender\\w*|transferr?\\w*"
          + "|smuggl\\w*|launder\\w*|siphon\\w*|externali[sz]\\w*|recover\\w*|retriev\\w*|recoup\\w*|offshore|overseas|abroad|red notice)",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern ACTOR = Pattern.compile(
      "\\b(?:officials?|fugitives?|ministers?|president|governor|mayor|cadres?|corrupt\\w*|graft|embezzl\\w*|brib\\w*"
          + "|premier|chairman|director|senator|speaker|judge|general|tycoon|businessman|banker|ex-\\w+"
          + "|suspects?|executives?|money|funds|assets|cash|yuan|renminbi|dollars?|euros?|pounds|roubles?|rubles?|naira"
          + "|billion|million|bn)\\b|[$£€¥]",
      Pattern.CASE_INSENSITIVE);

  /**
   * Wider words, common in any news ("lives in", "based in", "leaders"): they count only near each other, within
   * {@link #NEAR} characters, so an article about a club captain who lives in Paris stays off-topic while "three
   * former provincial governors are living in Singapore" does not. The actor side also takes "former" + any word of
   * the officials and fugitives lists ("the former magistrate"). Measured on the bench's generated corpus: letting
   * every predicate stem and every officials word through (anywhere) passed all 480 off-topic articles (the old lists:
   * 160 stopped), so these stay near each other and few.
   */
  private static final Pattern NEAR_MOVEMENT = Pattern.compile("\\b(?:taken in|took in|harbou?r(?:s|ed|ing)|sanctuary"
      + "|whereabouts|tracked down|(?:living|lives|lived|residing|resides|settled|staying|based) in|funnel+(?:ed|ing)"
      + "|wired|wiring|stash(?:ed|ing)|channel+ed|remitt\\w*|spirited|squirrel+ed|salted away|deposited"
      + "|parked (?:an estimated |some |about )?[$£€¥\\d]"
      + "|(?:sent|send|sends|sending|shipped) (?:back|home)"
      + "|(?:moved|moving|sent|sending|hid|hidden) (?:another |an estimated |about |some |over |more than )?"
      + "(?:[$£€¥₹₦\\d]|Rs\\.? ?\\d)"
      + "|reloca\\w+|resettl\\w+|sought refuge|granted asylum)", Pattern.CASE_INSENSITIVE);

  private static final Pattern NEAR_ACTOR = Pattern.compile("\\b(?:(?:presidents|governors|mayors|premiers|directors"
      + "|senators|speakers|judges|generals|tycoons|bankers|chiefs?|secretar(?:y|ies)|politicians?|lawmakers?|leaders?"
      + "|diplomats?|ambassadors?|envoys?|consuls?|ousted|deposed|ex-\\w+|magistrates?|commissioners?|comptrollers?|treasurers?|auditors?)"
      + "|former (?:" + String.join("|", people()) + ")s?)\\b", Pattern.CASE_INSENSITIVE);

  /** Characters between a wider movement word and a wider actor word: about one sentence. */
  static final int NEAR = 200;

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
    if (MOVEMENT.matcher(text).find() && ACTOR.matcher(text).find()) {
      return Verdict.RELEVANT;
    }
    return near(text) ? Verdict.RELEVANT : Verdict.OFF_TOPIC;
  }

  /** A movement word and a wider actor word (a wider movement word: any actor word) within {@link #NEAR} characters. */
  private static boolean near(CharSequence text) {
    for (Pattern movement : java.util.List.of(NEAR_MOVEMENT, MOVEMENT)) {
      java.util.regex.Matcher m = movement.matcher(text);
      while (m.find()) {
        int from = Math.max(0, m.start() - NEAR);
        int to = Math.min(text.length(), m.end() + NEAR);
        CharSequence around = text.subSequence(from, to);
        if (NEAR_ACTOR.matcher(around).find() || movement == NEAR_MOVEMENT && ACTOR.matcher(around).find()) {
          return true;
        }
      }
    }
    return false;
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
