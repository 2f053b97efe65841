package io.flightwatch.nlp.money;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call's matchers over one text (the patterns are shared; matchers are not thread-safe). The readers of an amount
 * position them with {@link #at} and {@link #before} and then read their groups, so a matcher's groups are only valid
 * until its next use.
 */
final class Scan {

  /** How far back a pattern ending in $ ("between ", "more than ") is looked for. */
  private static final int LOOK_BACK = 40;

  final CharSequence text;
  final int to;
  final Matcher pre;
  final Matcher post;
  final Matcher num;
  final Matcher wordNum;
  final Matcher scale;
  final Matcher vague;
  final Matcher few;
  final Matcher rangeSep;
  final Matcher andSep;
  final Matcher betweenBefore;
  final Matcher fromBefore;
  final Matcher wordsBeforeMagnitude;
  final Matcher magnitude;
  final Matcher parenCodeBefore;
  final Matcher hedgeBefore;
  final Matcher hedgeAfter;
  final Matcher yearBefore;
  final Matcher convOpen;
  final Matcher convClose;
  final Matcher convOr;

  Scan(MoneyPatterns p, CharSequence text, int to) {
    this.text = text;
    this.to = to;
    this.pre = m(p.pre);
    this.post = m(p.post);
    this.num = m(p.num);
    this.wordNum = m(p.wordNum);
    this.scale = m(p.scale);
    this.vague = m(p.vague);
    this.few = m(p.few);
    this.rangeSep = m(p.rangeSep);
    this.andSep = m(p.andSep);
    this.betweenBefore = m(p.betweenBefore);
    this.fromBefore = m(p.fromBefore);
    this.wordsBeforeMagnitude = m(p.wordsBeforeMagnitude);
    this.magnitude = m(p.magnitude);
    this.parenCodeBefore = m(p.parenCodeBefore);
    this.hedgeBefore = m(p.hedgeBefore);
    this.hedgeAfter = m(p.hedgeAfter);
    this.yearBefore = m(p.yearBefore);
    this.convOpen = m(p.convOpen);
    this.convClose = m(p.convClose);
    this.convOr = m(p.convOr);
  }

  private Matcher m(Pattern p) {
    return p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /** Does {@code m} match starting exactly at {@code at} (within the scan end)? */
  boolean at(Matcher m, int at) {
    if (at > to) {
      return false;
    }
    m.region(at, to);
    return m.lookingAt();
  }

  /** Does {@code m} (a pattern ending in $) match text ending exactly at {@code at}, looking back up to 40 chars? */
  boolean before(Matcher m, int at) {
    m.region(Math.max(0, at - LOOK_BACK), at).useAnchoringBounds(true);
    boolean found = m.find();
    m.useAnchoringBounds(false);
    return found;
  }
}
