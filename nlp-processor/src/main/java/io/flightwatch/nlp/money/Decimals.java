package io.flightwatch.nlp.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The arithmetic settings of the money package and the one spelling of a value it hands out. */
final class Decimals {

  /** Intermediate results (rates, middles of ranges): 16 significant digits, HALF_EVEN. */
  static final MathContext MC = MathContext.DECIMAL64;

  /** A rate as reported on a mention: 8 significant digits, HALF_EVEN. */
  static final MathContext RATE = new MathContext(8, RoundingMode.HALF_EVEN);

  private Decimals() {}

  /** 2.5E+9 becomes 2500000000, 1.50 becomes 1.5: one spelling per value, so equality and JSON are predictable. */
  static BigDecimal normalise(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
