package io.flightwatch.nlp.money;

import io.flightwatch.nlp.money.CurrencyAliases.Alias;
import io.flightwatch.nlp.money.CurrencyReader.Cur;
import io.flightwatch.nlp.money.MoneyExtractor.Form;
import io.flightwatch.nlp.money.NumberReader.Num;
import java.math.BigDecimal;

/**
 * Amounts that are not one number: ranges ("2 to 3 billion yuan", "$2-3 billion", "between $2 billion and $3
 * billion") and vague magnitudes ("tens of billions of dollars", "billions of yuan", "several million euros"). Both
 * have no amount, only a low and a high end, and are approximate. Immutable.
 */
final class RangeReader {

  private final NumberReader numbers;
  private final CurrencyReader currencies;
  private final MoneyWords words;

  RangeReader(NumberReader numbers, CurrencyReader currencies, MoneyWords words) {
    this.numbers = numbers;
    this.currencies = currencies;
    this.words = words;
  }

  /** "2 to 3 billion yuan", "$2-3 billion", "between $2 billion and $3 billion"; null when it is not a range. */
  ParsedAmount rangeTail(Scan sc, int s, Alias preAlias, Num n1) {
    int q = n1.end();
    // "rose from $2 billion to $3 billion" is a change between two amounts, not a range
    boolean sep = sc.at(sc.rangeSep, q) && !sc.before(sc.fromBefore, s);
    int r = sep ? sc.rangeSep.end() : -1;
    if (!sep && sc.before(sc.betweenBefore, s) && sc.at(sc.andSep, q)) {
      sep = true;
      r = sc.andSep.end();
    }
    if (!sep) {
      return null;
    }
    Alias pre2 = null;
    if (sc.at(sc.pre, r)) {
      pre2 = currencies.lookup(sc.pre.group());
      r = CurrencyReader.afterPre(sc, pre2, sc.pre.end());
    }
    Num n2 = numbers.read(sc, r);
    if (n2 == null || n2.absurd() || n1.absurd()) {
      return null;
    }
    Cur post2 = currencies.postAt(sc, n2.end());
    // "$2 billion to 30 officials" is not a range: the second number must carry money of its own
    if (n2.scale() == null && pre2 == null && post2 == null) {
      return null;
    }
    if (preAlias != null && pre2 != null && !preAlias.code().equals(pre2.code())) {
      return null;
    }
    BigDecimal high = n2.value(null);
    BigDecimal low = n1.value(n2.scale());
    if (n1.scale() == null && low.compareTo(high) >= 0) {
      low = n1.value(null); // "$500,000-1 million": the first number already is the whole amount
    }
    if (low.compareTo(high) >= 0) {
      return null;
    }
    Cur cur = CurrencyReader.resolve(preAlias != null ? preAlias : pre2, post2, n2.end());
    if (cur == null) {
      return null;
    }
    if (cur.alias().needsScale() && n2.scale() == null) {
      return null;
    }
    String code = CurrencyReader.code(sc, cur.alias(), s, cur.end());
    if (code == null) {
      return ParsedAmount.drop(s, cur.end());
    }
    return new ParsedAmount(s, cur.end(), cur.end(), code, Form.RANGE, null, Decimals.normalise(low),
        Decimals.normalise(high), true, null, false);
  }

  /**
   * "tens of billions of dollars" (10 to 100 billion), "hundreds of millions of euros" (100 million to 1 billion),
   * "billions of yuan" (1 to 10 billion), "several million euros" (3 to 9 million), "a few billion dollars" (2 to 5
   * billion); null when none starts at {@code s}.
   */
  ParsedAmount vague(Scan sc, int s) {
    BigDecimal lowFactor;
    BigDecimal highFactor;
    String mag;
    int p;
    if (sc.at(sc.vague, s)) {
      String mult = sc.vague.group("mult");
      mag = sc.vague.group("mag");
      p = sc.vague.end();
      lowFactor = mult == null ? BigDecimal.ONE : mult.equalsIgnoreCase("tens") ? BigDecimal.TEN : new BigDecimal(100);
      highFactor = lowFactor.multiply(BigDecimal.TEN);
    } else if (sc.at(sc.few, s)) {
      String few = sc.few.group("few");
      mag = sc.few.group("mag");
      p = sc.few.end();
      boolean several = few.regionMatches(true, 0, "several", 0, 7);
      lowFactor = BigDecimal.valueOf(several ? 3 : 2);
      highFactor = BigDecimal.valueOf(several ? 9 : 5);
    } else {
      return null;
    }
    Cur cur = currencies.postAt(sc, p);
    if (cur == null) {
      return null;
    }
    BigDecimal unit = words.scale(mag);
    String code = CurrencyReader.code(sc, cur.alias(), s, cur.end());
    if (code == null) {
      return ParsedAmount.drop(s, cur.end());
    }
    return new ParsedAmount(s, cur.end(), cur.end(), code, Form.VAGUE, null,
        Decimals.normalise(unit.multiply(lowFactor)), Decimals.normalise(unit.multiply(highFactor)), true, null, false);
  }
}
