package io.flightwatch.nlp.money;

import java.math.BigDecimal;
import java.util.regex.Matcher;

/**
 * Reads the number of an amount with its scale word: "1,234", "2.5 billion", "$2.5-billion", "1.2bn", "$5m", "3亿",
 * "1e9", "10^30", and number words before a scale word ("two million", "half a billion"). Numbers of 10^100 and more
 * are read as absurd and never materialised. Immutable.
 */
final class NumberReader {

  /** Numbers with this many integer digits or more are never amounts; nothing bigger is ever materialised. */
  static final int MAX_MAGNITUDE = 100;

  /** A power above this ("10^999999") is absurd whatever its base. */
  private static final int MAX_POWER = 1000;

  /**
   * A number as printed, from {@code begin} to {@code end} (after its scale word).
   *
   * @param base   the number without its scale word
   * @param scale  the scale word's multiplier, or null
   * @param absurd 10^100 or more: the whole phrase is dropped
   */
  record Num(int begin, int end, BigDecimal base, BigDecimal scale, boolean absurd) {

    /** The number times its own scale word, or else the one it shares ("2 to 3 billion": 2 with billion). */
    BigDecimal value(BigDecimal inherited) {
      BigDecimal s = scale != null ? scale : inherited;
      return s == null ? base : base.multiply(s);
    }

    /** Four digits from 1800 to 2100, no decimals: "in 2015 dollars" is a year. */
    boolean looksLikeYear() {
      if (end - begin != 4 || base.scale() > 0) {
        return false;
      }
      int y = base.intValue();
      return y >= 1800 && y <= 2100;
    }
  }

  private final MoneyWords words;

  NumberReader(MoneyWords words) {
    this.words = words;
  }

  /** The number starting at {@code p}, or null when none starts there. */
  Num read(Scan sc, int p) {
    BigDecimal base;
    int end;
    boolean wordNumber = false;
    if (sc.at(sc.num, p)) {
      Matcher m = sc.num;
      end = m.end();
      String digits = m.group("int").replace(",", "") + (m.group("frac") == null ? "" : m.group("frac"));
      base = new BigDecimal(digits);
      if (base.precision() - base.scale() > MAX_MAGNITUDE) {
        return new Num(p, end, base, null, true);
      }
      if (m.group("exp") != null) {
        long exp = Long.parseLong(m.group("exp"));
        if (exp > MAX_MAGNITUDE || exp < -MAX_MAGNITUDE) {
          return new Num(p, end, base, null, true);
        }
        base = base.scaleByPowerOfTen((int) exp);
      } else if (m.group("pow") != null) {
        long pow = Long.parseLong(m.group("pow"));
        // the magnitude is estimated in double first, so that 10^999999 is never computed
        double magnitude = base.signum() == 0 ? 0 : pow * Math.log10(base.doubleValue());
        if (pow > MAX_POWER || magnitude > MAX_MAGNITUDE) {
          return new Num(p, end, base, null, true);
        }
        base = base.pow((int) pow);
      }
    } else if (sc.at(sc.wordNum, p)) {
      end = sc.wordNum.end();
      base = words.number(sc.wordNum.group("w"));
      wordNumber = true;
      if (base == null) {
        return null;
      }
    } else {
      return null;
    }
    BigDecimal mult = null;
    if (sc.at(sc.scale, end)) {
      Matcher m = sc.scale;
      String word = m.group("word") != null ? m.group("word") : m.group("abbr") != null ? m.group("abbr")
          : m.group("letter") != null ? m.group("letter") : m.group("cjk");
      if (wordNumber && m.group("word") == null) {
        return null; // "a m", "one k" are not amounts
      }
      mult = words.scale(word);
      end = m.end();
      if (m.group("word") != null && mult != null && sc.at(sc.scale, end) && sc.scale.group("word") != null
          && words.scale(sc.scale.group("word")) != null) {
        // "17 lakh crore taka", "Tk 1 thousand crore": a compound scale multiplies
        mult = mult.multiply(words.scale(sc.scale.group("word")));
        end = sc.scale.end();
      }
    } else if (wordNumber) {
      return null; // "a dollar", "one yuan" are not worth reporting and "a" alone is not a number
    }
    BigDecimal total = mult == null ? base : base.multiply(mult);
    boolean absurd = total.precision() - total.scale() > MAX_MAGNITUDE;
    return new Num(p, end, base, mult, absurd);
  }
}
