package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 6 for money: the shares of an amount told just before, each held by one named person, become claims of their
 * own that overlap the whole (the annotation's per-holder breakdown).
 *
 * <pre>
 *   "Norway returned $9 million to Peru."            recovered 9M from NO
 *   "The bulk of the money, $6 million, was in accounts belonging to former minister Ana Ruiz."   6M, Ana Ruiz, part of
 *   9M "Another $2 million was in an account held by retired Gen. Luis Soto."                       2M, Luis Soto, part
 * of 9M
 * </pre>
 * The share keeps the whole's kind and countries; it needs a share word, an account holder that is a person, and an
 * amount smaller than the whole, within two sentences of it or of the share before. Patterns in {@code
 * money-shares.regex}.
 */
final class MoneyShares {

  static final String PATTERNS = "/io/flightwatch/nlp/extract/money-shares.regex";

  /** Words between the holder phrase and the name: "the jailed former governor", "retired Gen.". */
  private static final int NAME_WITHIN = 6;

  private final Pattern share;
  private final Pattern holder;

  MoneyShares() {
    Map<String, Pattern> p = new HashMap<>();
    for (ResourceLines.Line l : ResourceLines.read(PATTERNS)) {
      String[] f = l.text().split("\t", 2);
      p.put(f[0].strip(), Pattern.compile(f[1], Pattern.CASE_INSENSITIVE));
    }
    this.share = p.get("SHARE");
    this.holder = p.get("HOLDER");
  }

  /** Adds the shares found in {@code sentences} to {@code drafts} (money drafts already read are the wholes). */
  void add(List<SentenceView> sentences, List<Draft> drafts) {
    List<Draft> found = new ArrayList<>();
    for (SentenceView s : sentences) {
      if (s.money.isEmpty() || drafts.stream().anyMatch(d -> d.sentence == s && d.kind.isMoney())) {
        continue;
      }
      Draft whole = wholeBefore(s, drafts);
      Draft lastShare = found.isEmpty() ? null : found.get(found.size() - 1);
      if (lastShare != null && s.index - lastShare.sentence.index <= 2) {
        whole = lastShare.overlaps; // "The bulk ..., $6 million, ... Another $2 million ...": shares in a row
      }
      if (whole == null || !share.matcher(s.text()).find()) {
        continue;
      }
      String person = holderOf(s);
      MoneyMention part = person == null ? null : partOf(s, whole);
      if (part == null) {
        continue;
      }
      Draft d = new Draft(whole.kind, s);
      MoneyReader.setMoney(d, part, s);
      d.person = person;
      d.subject = whole.subject;
      d.origin = whole.origin;
      d.originStated = whole.originStated;
      d.destination = whole.destination;
      d.mentioned = new ArrayList<>(whole.mentioned);
      d.hedged = whole.hedged;
      d.confidence = whole.confidence - 0.1;
      d.overlaps = whole;
      found.add(d);
    }
    drafts.addAll(found);
  }

  /** The last precise money draft of the two sentences before. */
  private static Draft wholeBefore(SentenceView s, List<Draft> drafts) {
    Draft best = null;
    for (Draft d : drafts) {
      int gap = s.index - d.sentence.index;
      if (d.kind.isMoney() && !d.vagueMoney && d.usd() != null && d.person == null && gap >= 1 && gap <= 2
          && (best == null || d.sentence.index >= best.sentence.index)) {
        best = d;
      }
    }
    return best;
  }

  /** The person named right after "accounts belonging to" / "an account held by"; null if none. */
  private String holderOf(SentenceView s) {
    Matcher m = holder.matcher(s.text());
    while (m.find()) {
      int from = s.tokenAt(s.begin + m.end());
      for (int i = from; i < s.size() && i < from + NAME_WITHIN; i++) {
        Tok t = s.tok(i);
        if (t.isPerson()) {
          int[] span = s.entitySpan(i);
          return s.name(span[0], span[1] + 1);
        }
        if (t.word().equals(",") || t.word().equals(";") || t.word().equals(".")) {
          break;
        }
      }
    }
    return null;
  }

  /** The sentence's amount smaller than the whole (not a conversion of another amount). */
  private static MoneyMention partOf(SentenceView s, Draft whole) {
    BigDecimal all = whole.usd();
    for (MoneyMention m : s.money) {
      BigDecimal usd = m.amountUsd();
      if (usd != null && usd.signum() > 0 && usd.compareTo(all) < 0 && MoneyReader.previousOf(s, m) == null) {
        return m;
      }
    }
    return null;
  }
}
