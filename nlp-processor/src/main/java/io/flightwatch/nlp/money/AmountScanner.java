package io.flightwatch.nlp.money;

import io.flightwatch.nlp.money.CurrencyAliases.Alias;
import io.flightwatch.nlp.money.CurrencyReader.Cur;
import io.flightwatch.nlp.money.MoneyExtractor.Form;
import io.flightwatch.nlp.money.NumberReader.Num;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a text for amounts: finds where one could start (a digit, a currency printed before a number, a magnitude
 * word) and reads the amount there with the {@link NumberReader}, {@link CurrencyReader} and {@link RangeReader}, then
 * its hedges and the article's printed conversion. Works on raw characters, so its cost is per character whether it is
 * given a sentence or a whole article. Immutable and thread-safe.
 */
final class AmountScanner {

  private final MoneyPatterns patterns;
  private final NumberReader numbers;
  private final CurrencyReader currencies;
  private final RangeReader ranges;

  AmountScanner(CurrencyAliases aliases, MoneyWords words) {
    this.patterns = new MoneyPatterns(aliases, words);
    this.numbers = new NumberReader(words);
    this.currencies = new CurrencyReader(aliases);
    this.ranges = new RangeReader(numbers, currencies, words);
  }

  /** The amounts that start in {@code text[from, to)}, in text order; a dropped phrase is skipped. */
  List<ParsedAmount> scan(CharSequence text, int from, int to) {
    Scan s = patterns.scan(text, to);
    List<ParsedAmount> parsed = new ArrayList<>();
    int pos = from;
    int i = from;
    while (i < to) {
      int at = candidate(s, i, pos);
      if (at < 0) {
        i++;
        continue;
      }
      ParsedAmount p = parseMention(s, at);
      if (p == null) {
        i++;
      } else {
        if (!p.dropped()) {
          parsed.add(p);
        }
        pos = Math.max(p.consumedEnd(), i + 1);
        i = pos;
      }
    }
    return parsed;
  }

  /**
   * Where a mention could start if character {@code i} triggers one, or -1. {@code pos} is the end of the last mention:
   * a start found by looking back never goes before it.
   *
   * <p>Triggers, tested char by char (no regex at ordinary characters): a currency printed before a number, a digit,
   * or a magnitude word ("billion", "billions"), from which the words in front ("tens of", "two") are found by looking
   * back.
   */
  private int candidate(Scan sc, int i, int pos) {
    CharSequence t = sc.text;
    char c = t.charAt(i);
    char prev = i == 0 ? ' ' : t.charAt(i - 1);
    if (c >= '0' && c <= '9') {
      // inside a number ("1,234", "10^30", "1e30") or a word ("G20"); currency prefixes are their own trigger
      boolean glued = Character.isLetterOrDigit(prev) || ".,^_/".indexOf(prev) >= 0;
      return glued ? -1 : i;
    }
    if (patterns.prePrefixes.couldStartAt(t, i) && sc.at(sc.pre, i)) {
      return i;
    }
    if ((c == 'm' || c == 'b' || c == 't' || c == 'M' || c == 'B' || c == 'T') && !Character.isLetter(prev)
        && sc.at(sc.magnitude, i)) {
      // a magnitude word not preceded by a number: "tens of billions", "two million", or bare "billions of"
      boolean plural = sc.magnitude.group("plural") != null;
      if (sc.before(sc.wordsBeforeMagnitude, i)) {
        int w = sc.wordsBeforeMagnitude.start();
        return w >= pos ? w : -1;
      }
      return plural ? i : -1;
    }
    return -1;
  }

  /** An amount with its hedges and printed conversion, starting at {@code s}. */
  private ParsedAmount parseMention(Scan sc, int s) {
    ParsedAmount p = parseAmount(sc, s, true);
    if (p == null || p.dropped()) {
      return p;
    }
    boolean hedged = sc.before(sc.hedgeBefore, s) || sc.at(sc.hedgeAfter, p.end());
    p = p.withHedge(hedged);
    int e = p.end();
    if (sc.at(sc.convOpen, e)) {
      int c = sc.convOpen.end();
      ParsedAmount conv = parseAmount(sc, c, false);
      if (conv != null && !conv.dropped()) {
        conv = conv.withHedge(sc.before(sc.hedgeBefore, conv.begin()));
        int consumed = sc.at(sc.convClose, conv.end()) ? sc.convClose.end() : conv.end();
        return p.withConversion(conv, consumed);
      }
    } else if (!"USD".equals(p.code()) && sc.at(sc.convOr, e)) {
      ParsedAmount conv = parseAmount(sc, sc.convOr.end(), false);
      if (conv != null && !conv.dropped() && "USD".equals(conv.code())) {
        conv = conv.withHedge(sc.before(sc.hedgeBefore, conv.begin()));
        return p.withConversion(conv, conv.end());
      }
    }
    return p;
  }

  /** The amount itself (currency, number, scale, range or vague magnitude) at {@code s}, or null. */
  private ParsedAmount parseAmount(Scan sc, int s, boolean allowVague) {
    if (allowVague) {
      ParsedAmount v = ranges.vague(sc, s);
      if (v != null) {
        return v;
      }
    }
    Alias preAlias = null;
    int p = s;
    if (sc.at(sc.pre, s)) {
      preAlias = currencies.lookup(sc.pre.group());
      p = CurrencyReader.afterPre(sc, preAlias, sc.pre.end());
    } else if (sc.before(sc.parenCodeBefore, s)) {
      preAlias = currencies.lookup(sc.parenCodeBefore.group(1)); // "Swiss francs (CHF) 2.5 billion": the number alone
    }
    Num n1 = numbers.read(sc, p);
    if (n1 == null) {
      return null;
    }
    if (n1.absurd()) {
      Cur tail = currencies.postAt(sc, n1.end());
      return ParsedAmount.drop(s, tail != null ? tail.end() : n1.end());
    }
    ParsedAmount range = ranges.rangeTail(sc, s, preAlias, n1);
    if (range != null) {
      return range;
    }
    Cur postCur = currencies.postAt(sc, n1.end());
    Cur cur = CurrencyReader.resolve(preAlias, postCur, n1.end());
    if (cur == null || !plausible(sc, s, cur.alias(), preAlias, n1)) {
      return null;
    }
    BigDecimal value = Decimals.normalise(n1.value(null));
    String code = CurrencyReader.code(sc, cur.alias(), s, cur.end());
    if (code == null) {
      return ParsedAmount.drop(s, cur.end());
    }
    return new ParsedAmount(s, cur.end(), cur.end(), code, Form.EXACT, value, value, value,
        false, null, false);
  }

  /** Filters that keep ordinary words and years from becoming money. */
  private static boolean plausible(Scan sc, int s, Alias cur, Alias preA, Num n) {
    if (cur.needsScale() && n.scale() == null) {
      return false;
    }
    if (cur.ambiguous() && n.scale() == null && preA == null && n.base().compareTo(BigDecimal.valueOf(1000)) < 0) {
      return false; // "200 pounds", "the 3 won"
    }
    if (preA == null && n.scale() == null && n.looksLikeYear() && sc.before(sc.yearBefore, s)) {
      return false; // "in 2015 dollars"
    }
    return true;
  }
}
