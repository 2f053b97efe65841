package io.flightwatch.nlp.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * USD conversion rates: USD per one unit of a currency, each with the date it is valid for. Immutable and thread-safe.
 *
 * <p>The default table is the resource {@code rates.tsv} next to this class (columns {@code currency}, {@code usd_per_unit},
 * {@code as_of}, {@code source}); see {@code docs/money.md} for where its numbers come from.
 */
public final class RateTable {

  /** Name of the default resource; part of every {@link #sourceOf(String)} id. */
  public static final String DEFAULT_RESOURCE = "rates.tsv";

  /** USD amounts carry cents; HALF_EVEN so that large sums of rounded amounts do not drift one way. */
  public static final int USD_SCALE = 2;

  public static final RoundingMode USD_ROUNDING = RoundingMode.HALF_EVEN;

  /** One row of the table. */
  public record Rate(String currency, BigDecimal usdPerUnit, LocalDate asOf, String source) {}

  private final String name;
  private final Map<String, Rate> rates;

  private RateTable(String name, Map<String, Rate> rates) {
    this.name = name;
    this.rates = Map.copyOf(rates);
  }

  /** Loads {@code rates.tsv} from the classpath. Fails fast: a broken bundled table is a build defect. */
  public static RateTable loadDefault() {
    return TableResources.load(DEFAULT_RESOURCE, RateTable::parse);
  }

  /**
   * Parses a tab-separated table. Lines starting with {@code #} and the header line (first field {@code currency}) are
   * skipped. Every problem is reported at once, with line numbers.
   *
   * @param name the id used in {@link #sourceOf(String)}, e.g. the file name
   */
  public static RateTable parse(String name, InputStream in) throws IOException {
    Map<String, Rate> rows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("currency\t")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < 4) {
          problems.add("line " + no + ": expected 4 tab-separated fields, got " + f.length);
          continue;
        }
        String code = f[0].trim().toUpperCase(Locale.ROOT);
        try {
          BigDecimal usd = new BigDecimal(f[1].trim());
          if (usd.signum() <= 0) {
            problems.add("line " + no + ": rate must be positive: " + f[1]);
            continue;
          }
          if (!code.matches("[A-Z]{3}")) {
            problems.add("line " + no + ": not an ISO 4217 code: " + f[0]);
            continue;
          }
          if (rows.put(code, new Rate(code, usd, LocalDate.parse(f[2].trim()), f[3].trim())) != null) {
            problems.add("line " + no + ": duplicate currency " + code);
          }
        } catch (NumberFormatException | DateTimeParseException e) {
          problems.add("line " + no + ": " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(name + ": " + String.join("; ", problems));
    }
    return new RateTable(name, rows);
  }

  /** A table from explicit rates, all with one date; for tests and callers with their own data. */
  public static RateTable of(String name, LocalDate asOf, Map<String, BigDecimal> usdPerUnit) {
    Map<String, Rate> rows = new LinkedHashMap<>();
    usdPerUnit.forEach((c, v) -> rows.put(c, new Rate(c, v, asOf, name)));
    return new RateTable(name, rows);
  }

  /** The row for an ISO code, if the table has one. */
  public Optional<Rate> rate(String currency) {
    return Optional.ofNullable(rates.get(currency));
  }

  public boolean knows(String currency) {
    return rates.containsKey(currency);
  }

  /** All currencies the table can convert. */
  public Set<String> currencies() {
    return rates.keySet();
  }

  /** Converts without rounding (callers round once, at the end); empty when the currency is unknown. */
  public Optional<BigDecimal> toUsdExact(BigDecimal amount, String currency) {
    return rate(currency).map(r -> amount.multiply(r.usdPerUnit()));
  }

  /** Converts and rounds to cents, HALF_EVEN; empty when the currency is unknown. */
  public Optional<BigDecimal> toUsd(BigDecimal amount, String currency) {
    return toUsdExact(amount, currency).map(RateTable::roundUsd);
  }

  /** The id written into {@code usdRateSource}: {@code rates.tsv@2024-12-31}; null for an unknown currency. */
  public String sourceOf(String currency) {
    Rate r = rates.get(currency);
    return r == null ? null : name + "@" + r.asOf();
  }

  public String name() {
    return name;
  }

  static BigDecimal roundUsd(BigDecimal usd) {
    return usd.setScale(USD_SCALE, USD_ROUNDING);
  }
}
