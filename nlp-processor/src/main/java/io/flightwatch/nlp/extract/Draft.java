package io.flightwatch.nlp.extract;

import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.common.Subject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A claim read from one sentence, before the article's claims are merged ({@link ArticleAssembler}). */
final class Draft {
  ClaimKind kind;
  Subject subject = Subject.UNSPECIFIED;
  String origin;
  String destination;
  List<String> mentioned = new ArrayList<>();
  Long count;
  MoneyMention money;
  BigDecimal usdOverride;
  String valueText;
  boolean approximate;
  boolean hedged;
  String person;
  /** Another draft of this article that already contains these people or this money. */
  Draft overlaps;
  SentenceView sentence;
  double confidence;
  boolean vagueMoney;
  /** The destination is named only in a bank's name: with no known home, it may be the home's own bank. */
  boolean bankPlaced;
  boolean singular;
  /** The country the actor's own words give ("Chinese officials"), a better origin than the article's guess. */
  String actorOrigin;
  /** The origin was stated (a role or the actor's words), not guessed from the article. */
  boolean originStated;
  /** A return's origin is the country it went to ("extradited to Peru"): a return home only if that is their home. */
  boolean originFromHome;
  /** A return to a country the actor's own words say is not theirs ("Mexico's former governor was extradited to the
   * United States"): no return home, dropped. */
  boolean awayFromHome;
  /** A stay in the story's own country ("She denies the charges and remains in Malawi"): no flight, dropped. */
  boolean stayingHome;
  /** Money a fugitive took along in a flight ("took $3 million with him when he fled"): it went where they went. */
  boolean takenAlong;
  /** "Three of them were repatriated": a part of the group counted in a sentence before. */
  boolean ofGroupBefore;
  /** "returned in 2016, only to flee again in 2019": a second flight after a return, not the first one told again. */
  boolean again;

  Draft(ClaimKind kind, SentenceView sentence) {
    this.kind = kind;
    this.sentence = sentence;
  }

  /**
   * Another amount of the same fact family read from {@code s} ("and R500 million to Hong Kong", "Rp 1.6 trillion of
   * it from Singapore"): the same kind, home, person, subject and hedge, a little less confidence; its money, place and
   * overlap are the caller's.
   */
  Draft sibling(SentenceView s, MoneyMention m) {
    Draft d = kin(s);
    MoneyReader.setMoney(d, m, s);
    d.person = person;
    return d;
  }

  /**
   * Another country's share of the same group of people read from {@code s} ("followed by the United Kingdom with 31",
   * "and Kazakhstan 31"): the same kind, home, subject, hedge and overlap, a little less confidence.
   */
  Draft countedSibling(SentenceView s, long n, String iso) {
    Draft d = kin(s);
    d.count = n;
    d.valueText = Long.toString(n);
    d.destination = iso;
    d.overlaps = overlaps;
    return d;
  }

  /** A draft of the same kind, home, subject and hedge in {@code s}, a little less confident. */
  private Draft kin(SentenceView s) {
    Draft d = new Draft(kind, s);
    d.origin = origin;
    d.originStated = originStated;
    d.actorOrigin = actorOrigin;
    d.subject = subject;
    d.hedged = hedged;
    d.confidence = confidence - 0.05;
    return d;
  }

  BigDecimal usd() {
    if (usdOverride != null) {
      return usdOverride;
    }
    return money == null ? null : money.amountUsd();
  }
}
