package io.flightwatch.nlp.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * USD conversion rates at a date. Immutable and thread-safe. In order of trust:
 *
 * <ol>
 *   <li>the ECB's daily euro reference rates ({@code eurofxref-hist.zip}, 41 currencies from 1999; cross rates through
 *       EUR, the latest business day on or before the date);</li>
 *   <li>fixed pegs to a currency of the ECB's or to USD ({@code pegs.tsv}: AED, SAR, XOF, MOP…), exact while they
 * hold;</li>
 *   <li>annual averages for currencies the ECB does not cover ({@code annual-rates.tsv}: NGN, UAH, RUB after March
 *       2022…), marked approximate.</li>
 * </ol>
 *
 * <p>Without a date (an undated article) the latest rate is used. See {@code docs/money.md}.
 */
public final class RateTable {

  /** USD amounts carry cents; HALF_EVEN so that large sums of rounded amounts do not drift one way. */
  public static final int USD_SCALE = 2;

  public static final RoundingMode USD_ROUNDING = RoundingMode.HALF_EVEN;

  private static final MathContext MC = MathContext.DECIMAL64;

  /**
   * One conversion: USD per unit of the currency, the day (or, for annual averages, the first day of the year) it holds
   * for, and where it comes from.
   *
   * @param source      {@code ecb@2014-08-13}, {@code peg:AED@2014-08-13}, {@code annual@2016} or a test table's name
   * @param approximate an annual average, or a date outside the source's range
   */
  public record Quote(String currency, BigDecimal usdPerUnit, LocalDate rateDate, String source, boolean approximate) {}

  private record Peg(String anchor, BigDecimal perAnchor, LocalDate since) {}

  private final EcbRates ecb;
  private final Map<String, Peg> pegs;
  private final Map<String, NavigableMap<Integer, BigDecimal>> annual;
  private final Map<String, Quote> fixed;

  private RateTable(EcbRates ecb, Map<String, Peg> pegs, Map<String, NavigableMap<Integer, BigDecimal>> annual,
      Map<String, Quote> fixed) {
    this.ecb = ecb;
    this.pegs = Map.copyOf(pegs);
    this.annual = Map.copyOf(annual);
    this.fixed = Map.copyOf(fixed);
  }

  /** The bundled tables. Fails fast: a broken bundled table is a build defect. */
  public static RateTable loadDefault() {
    EcbRates ecb = TableResources.load("eurofxref-hist.zip", EcbRates::parse);
    Map<String, Peg> pegs = TableResources.load("pegs.tsv", RateTable::parsePegs);
    Map<String, NavigableMap<Integer, BigDecimal>> annual = TableResources.load("annual-rates.tsv",
        RateTable::parseAnnual);
    return new RateTable(ecb, pegs, annual, Map.of());
  }

  /** A table from explicit rates valid at every date; for tests and callers with their own data. */
  public static RateTable of(String name, LocalDate asOf, Map<String, BigDecimal> usdPerUnit) {
    Map<String, Quote> rows = new HashMap<>();
    usdPerUnit.forEach((c, v) -> rows.put(c, new Quote(c, v, asOf, name + "@" + asOf, false)));
    return new RateTable(null, Map.of(), Map.of(), rows);
  }

  /** The conversion of {@code currency} at {@code date} (null: the latest), if any table covers the currency. */
  public Optional<Quote> quote(String currency, LocalDate date) {
    if (currency.equals("USD")) {
      return Optional.of(new Quote("USD", BigDecimal.ONE, date, "identity", false));
    }
    if (fixed.containsKey(currency)) {
      return Optional.of(fixed.get(currency));
    }
    if (ecb != null) {
      Optional<EcbRates.DayRate> d = ecb.usdPerUnit(currency, date, MC);
      if (d.isPresent()) {
        boolean outside = date != null && date.isBefore(ecb.firstDay());
        return Optional.of(new Quote(currency, d.get().usdPerUnit(), d.get().day(), "ecb@" + d.get().day(), outside));
      }
    }
    Peg peg = pegs.get(currency);
    if (peg != null && (date == null || !date.isBefore(peg.since()))) {
      Optional<Quote> anchor = quote(peg.anchor(), date);
      if (anchor.isPresent()) {
        Quote a = anchor.get();
        LocalDate day = a.rateDate() != null ? a.rateDate() : date;
        return Optional.of(new Quote(currency, a.usdPerUnit().divide(peg.perAnchor(), MC), day,
            "peg:" + peg.anchor() + (day == null ? "" : "@" + day), a.approximate()));
      }
    }
    NavigableMap<Integer, BigDecimal> years = annual.get(currency);
    if (years != null) {
      int wanted = date == null ? years.lastKey() : date.getYear();
      Map.Entry<Integer, BigDecimal> e = years.floorEntry(wanted);
      if (e == null) {
        e = years.firstEntry();
      }
      return Optional.of(new Quote(currency, BigDecimal.ONE.divide(e.getValue(), MC), LocalDate.of(e.getKey(), 1, 1),
          "annual@" + e.getKey(), true));
    }
    return Optional.empty();
  }

  public boolean knows(String currency) {
    return currencies().contains(currency);
  }

  /** All currencies some table can convert. */
  public Set<String> currencies() {
    Set<String> all = new HashSet<>(fixed.keySet());
    all.add("USD");
    if (ecb != null) {
      all.addAll(ecb.currencies());
      all.add("EUR");
    }
    all.addAll(pegs.keySet());
    all.addAll(annual.keySet());
    return all;
  }

  /** Converts without rounding (callers round once, at the end); empty when the currency is unknown. */
  public Optional<BigDecimal> toUsdExact(BigDecimal amount, String currency, LocalDate date) {
    return quote(currency, date).map(q -> amount.multiply(q.usdPerUnit()));
  }

  /** Converts and rounds to cents, HALF_EVEN; empty when the currency is unknown. */
  public Optional<BigDecimal> toUsd(BigDecimal amount, String currency, LocalDate date) {
    return toUsdExact(amount, currency, date).map(RateTable::roundUsd);
  }

  static BigDecimal roundUsd(BigDecimal usd) {
    return usd.setScale(USD_SCALE, USD_ROUNDING);
  }

  // --- the bundled tables
  // ----------------------------------------------------------------------------------------------

  static Map<String, Peg> parsePegs(String name, InputStream in) throws IOException {
    Map<String, Peg> out = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (String[] f : rows(name, in, 5, problems)) {
      out.put(code(f[0]), new Peg(code(f[1]), new BigDecimal(f[2].strip()), LocalDate.parse(f[3].strip())));
    }
    fail(name, problems);
    return out;
  }

  static Map<String, NavigableMap<Integer, BigDecimal>> parseAnnual(String name, InputStream in) throws IOException {
    Map<String, NavigableMap<Integer, BigDecimal>> out = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (String[] f : rows(name, in, 4, problems)) {
      BigDecimal perUsd = new BigDecimal(f[2].strip());
      if (perUsd.signum() <= 0) {
        problems.add("rate must be positive: " + String.join(" ", f));
        continue;
      }
      if (out.computeIfAbsent(code(f[0]), c -> new TreeMap<>()).put(Integer.parseInt(f[1].strip()), perUsd) != null) {
        problems.add("duplicate year: " + f[0] + " " + f[1]);
      }
    }
    fail(name, problems);
    return out;
  }

  /** Tab-separated rows, without comments, blank lines and the header (first field "currency"). */
  private static List<String[]> rows(String name, InputStream in, int fields, List<String> problems)
      throws IOException {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("currency\t")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < fields || !f[0].strip().matches("[A-Za-z]{3}")) {
          problems.add("line " + no + ": expected " + fields + " tab-separated fields starting with an ISO 4217 code");
          continue;
        }
        out.add(f);
      }
    }
    return out;
  }

  private static String code(String s) {
    return s.strip().toUpperCase(Locale.ROOT);
  }

  private static void fail(String name, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(name + ": " + String.join("; ", problems));
    }
  }
}
