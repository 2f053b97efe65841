package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 6 for money: amounts and countries listed in the same order ("respectively") become one transfer or recovery
 * per country; a total in front of the shares becomes the aggregate they overlap.
 *
 * <pre>
 *   "Of that sum, US$28 million and US$17 million went to Jersey and the British Virgin Islands respectively"
 *       $28m JE, $17m VG
 *   "sent 85 million reais abroad to accounts in Switzerland and Portugal, 60 million and 25 million respectively"
 *       85m reais (aggregate, CH and PT mentioned), 60m reais CH, 25m reais PT
 *   "30 billion and 12 billion CFA francs went to Luxembourg and Monaco respectively"
 *       30bn XAF LU, 12bn XAF MC (a bare number takes the currency of the amount it is listed with)
 * </pre>
 */
final class MoneyRespectively {

  private static final java.util.regex.Pattern DIGITS =
      java.util.regex.Pattern.compile("\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?");
  /** The money module's scale words ("million", "bn", "crore"), with their values. */
  private static final java.util.Map<String, BigDecimal> SCALES = scales();

  private MoneyRespectively() {
  }

  private static java.util.Map<String, BigDecimal> scales() {
    java.util.Map<String, BigDecimal> out = new java.util.HashMap<>();
    for (ResourceLines.Line l : ResourceLines.read("/io/flightwatch/nlp/money/scale-words.tsv")) {
      String[] f = l.text().strip().split("\t");
      out.put(f[0], new BigDecimal(f[1]));
    }
    return java.util.Map.copyOf(out);
  }

  /** One amount of the list: a money mention, or a bare number priced like {@code like}. */
  private record Amount(MoneyMention money, int tok) {}

  static void split(SentenceView s, List<Draft> read) {
    int until = -1;
    for (Tok t : s.toks) {
      until = until < 0 && t.lower().equals("respectively") ? t.i() : until;
    }
    Draft d = read.stream().filter(x -> x.kind.isMoney() && x.sentence == s).findFirst().orElse(null);
    if (until < 0 || d == null) {
      return;
    }
    List<String> places = PlaceReader.countriesIn(s, 0, until);
    places.remove(d.origin);
    List<Amount> amounts = amounts(s, until);
    if (places.size() < 2 || amounts.isEmpty()) {
      return;
    }
    Amount total = null;
    if (amounts.size() == places.size() + 1 && sumsUp(amounts)) {
      total = amounts.remove(0);
    }
    if (amounts.size() != places.size()) {
      return;
    }
    read.removeIf(x -> x != d && x.kind == d.kind && x.sentence == s);
    Draft whole = null;
    if (total != null) {
      d.usdOverride = null; // setMoney keeps an earlier amount's bracketed conversion otherwise
      MoneyReader.setMoney(d, total.money(), s);
      d.destination = null;
      d.mentioned = new ArrayList<>(places);
      whole = d;
    }
    for (int k = 0; k < places.size(); k++) {
      MoneyMention m = amounts.get(k).money();
      Draft part = k == 0 && whole == null ? d : d.sibling(s, m);
      if (part == d) {
        d.usdOverride = null;
        MoneyReader.setMoney(d, m, s);
      } else {
        part.overlaps = whole;
        read.add(part);
      }
      part.destination = places.get(k);
      part.mentioned = new ArrayList<>();
    }
  }

  /** The first amount is the sum of the others (within 2 %): "85 million reais ..., 60 million and 25 million". */
  private static boolean sumsUp(List<Amount> amounts) {
    BigDecimal first = amounts.get(0).money().amount();
    BigDecimal rest = BigDecimal.ZERO;
    for (Amount a : amounts.subList(1, amounts.size())) {
      if (a.money().amount() == null) {
        return false;
      }
      rest = rest.add(a.money().amount());
    }
    return first != null && first.signum() > 0
        && first.subtract(rest).abs().compareTo(first.multiply(new BigDecimal("0.02"))) <= 0;
  }

  /** Money mentions (not bracketed conversions) and bare scaled numbers before {@code until}, in order. */
  private static List<Amount> amounts(SentenceView s, int until) {
    List<Amount> out = new ArrayList<>();
    for (int i = 0; i < until; i++) {
      Tok t = s.tok(i);
      MoneyMention m = mentionAt(s, i);
      if (m != null) {
        if (s.span(m)[0] == i && MoneyReader.previousOf(s, m) == null && m.amount() != null) {
          out.add(new Amount(m, i));
        }
      } else if (DIGITS.matcher(t.word()).matches() && SCALES.containsKey(s.lower(i + 1))) {
        // "60 million and 25 million" is one NUMBER entity to the NER: each figure is read with its own scale word
        BigDecimal value = new BigDecimal(t.word().replace(",", "")).multiply(SCALES.get(s.lower(i + 1)))
            .stripTrailingZeros();
        value = value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
        MoneyMention like = nearestMoney(s, i);
        if (like != null) {
          out.add(new Amount(priced(s, i, value, like), i));
        }
      }
    }
    return out;
  }

  private static MoneyMention mentionAt(SentenceView s, int i) {
    for (MoneyMention m : s.money) {
      int[] sp = s.span(m);
      if (i >= sp[0] && i <= sp[1]) {
        return m;
      }
    }
    return null;
  }

  /** The listed money nearest the bare number, after it first ("30 billion and 12 billion CFA francs"). */
  private static MoneyMention nearestMoney(SentenceView s, int i) {
    MoneyMention best = null;
    int distance = Integer.MAX_VALUE;
    for (MoneyMention m : s.money) {
      int[] sp = s.span(m);
      int dist = sp[0] > i ? sp[0] - i : 2 * (i - sp[1]);
      if (m.amount() != null && m.amount().signum() > 0 && m.currency() != null && dist < distance) {
        best = m;
        distance = dist;
      }
    }
    return best;
  }

  /** A bare number in the currency of {@code like}, at its rate. */
  private static MoneyMention priced(SentenceView s, int i, BigDecimal amount, MoneyMention like) {
    int[] span = {i, i + 1};
    int begin = s.tok(i).begin();
    int end = s.tok(i + 1).end();
    BigDecimal usd = like.amountUsd() == null ? null
        : like.amountUsd().multiply(amount).divide(like.amount(), MathContext.DECIMAL64)
            .setScale(2, RoundingMode.HALF_UP);
    return new MoneyMention(s.span(span[0], span[1] + 1), begin, end, amount, amount, amount, like.currency(), false,
        usd, usd, usd, like.usdRateSource(), like.usdRate(), like.rateDate());
  }
}
