package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Claim;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordinary news phrasings of the four claim kinds, and near misses that are no claim, from {@code phrasings.tsv}
 * (sentences written for this test): each line gives the text and the claims it must produce, no more, no fewer; a
 * literal backslash-n in a text is a line break (headings, datelines).
 */
class PhrasingsTest {

  record Case(String expected, String text) {
    @Override
    public String toString() {
      return expected + "  <-  " + text;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = PhrasingsTest.class.getResourceAsStream("phrasings.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", 2))
          .map(p -> new Case(p[0].strip(), p[1].strip().replace("\\n", "\n"))) // "\n" in a text: a line break
          .toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void producesExactlyTheExpectedClaims(Case c) {
    List<Claim> claims = Extractions.of(c.text());
    List<String> got = claims.stream().map(PhrasingsTest::describe).toList();
    assertThat(matches(c.expected(), got)).as("expected %s, got %s", c.expected(), got).isTrue();
  }

  /** "F CN>US 1000 h": kind letter, origin, arrow and destination or source, value, hedge. */
  static String describe(Claim c) {
    String k = switch (c.kind()) {
      case OFFICIALS_FLED -> "F";
      case OFFICIALS_RETURNED -> "R";
      case MONEY_MOVED_ABROAD -> "M";
      case MONEY_RECOVERED -> "C";
    };
    String arrow = k.equals("F") || k.equals("M") ? ">" : "<";
    BigDecimal usd = c.amountUsd();
    String value = c.count() != null ? String.valueOf(c.count()) : usd != null ? usd.toBigInteger().toString() : "~";
    return k + " " + c.origin() + arrow + (c.destination() == null ? "*" : c.destination()) + " " + value
        + (c.hedged() ? " h" : "");
  }

  static boolean matches(String expected, List<String> got) {
    if (expected.equals("-")) {
      return got.isEmpty();
    }
    String[] wanted = expected.split(" ; ");
    if (wanted.length != got.size()) {
      return false;
    }
    List<String> rest = new ArrayList<>(got);
    for (String w : wanted) {
      boolean found = false;
      for (Iterator<String> it = rest.iterator(); it.hasNext() && !found; ) {
        if (one(w, it.next())) {
          it.remove();
          found = true;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** The scorer's tolerance: counts within 10 % (exact below 10), USD within a factor of 1.5. */
  private static boolean one(String want, String got) {
    String[] x = want.split(" ");
    String[] y = got.split(" ");
    if (!x[0].equals(y[0])) {
      return false;
    }
    String arrow = x[1].contains(">") ? ">" : "<";
    String[] xw = x[1].split(arrow);
    String[] yw = y[1].split(arrow);
    if (yw.length < 2 || !xw[0].equals("?") && !xw[0].equals(yw[0]) || !xw[1].equals(yw[1])) {
      return false;
    }
    if (!x[2].equals("~")) {
      if (y[2].equals("~")) {
        return false;
      }
      double e = Double.parseDouble(x[2]);
      double g = Double.parseDouble(y[2]);
      boolean people = x[0].equals("F") || x[0].equals("R");
      if (people ? (e < 10 ? e != g : Math.abs(e - g) > e * 0.1) : g > e * 1.5 || g < e / 1.5) {
        return false;
      }
    }
    boolean wantHedge = x.length > 3 && x[3].equals("h");
    boolean gotHedge = y.length > 3 && y[3].equals("h");
    return wantHedge == gotHedge;
  }
}
