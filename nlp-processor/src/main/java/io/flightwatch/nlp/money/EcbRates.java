package io.flightwatch.nlp.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The ECB's daily euro reference rates (bundled {@code eurofxref-hist.zip}, 1999-01-04 onwards; source: European
 * Central Bank (ECB) euro foreign exchange reference rates). A USD rate for currency X on a day is USD(day) / X(day),
 * the cross rate through EUR. Rates are kept as fixed-point longs (six decimals, exact for the ECB's figures), one
 * array per currency over one array of business days. Immutable and thread-safe.
 */
final class EcbRates {

  /** A rate and the business day it was published for. */
  record DayRate(BigDecimal usdPerUnit, LocalDate day) {}

  private static final int SCALE = 6;

  /** How far back a missing rate is looked for: a holiday, not a currency the ECB stopped publishing (RUB, 2022). */
  static final int MAX_DAYS_BACK = 10;

  private final int[] days; // epoch days, ascending
  private final Map<String, long[]> units; // currency -> units per EUR x 10^6, 0 where the ECB published none

  private EcbRates(int[] days, Map<String, long[]> units) {
    this.days = days;
    this.units = Map.copyOf(units);
  }

  /** Reads the ECB's zip (one CSV: Date, then one column per currency, newest first, "N/A" for no rate). */
  static EcbRates parse(String name, InputStream zip) throws IOException {
    try (ZipInputStream z = new ZipInputStream(zip)) {
      ZipEntry e = z.getNextEntry();
      if (e == null) {
        throw new IOException(name + ": empty zip");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(z, StandardCharsets.UTF_8));
      String first = r.readLine();
      if (first == null) {
        throw new IOException(name + ": empty CSV");
      }
      String[] header = first.split(",");
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      rows.sort((a, b) -> a[0].compareTo(b[0]));
      int[] days = new int[rows.size()];
      Map<String, long[]> units = new HashMap<>();
      for (int c = 1; c < header.length; c++) {
        if (!header[c].isBlank()) {
          units.put(header[c].strip(), new long[rows.size()]);
        }
      }
      for (int i = 0; i < rows.size(); i++) {
        String[] f = rows.get(i);
        days[i] = (int) LocalDate.parse(f[0]).toEpochDay();
        for (int c = 1; c < header.length && c < f.length; c++) {
          long[] col = units.get(header[c].strip());
          if (col != null && !f[c].isBlank() && !f[c].equals("N/A")) {
            col[i] = new BigDecimal(f[c].strip()).setScale(SCALE, java.math.RoundingMode.UNNECESSARY).unscaledValue()
                .longValueExact();
          }
        }
      }
      return new EcbRates(days, units);
    }
  }

  Set<String> currencies() {
    return units.keySet();
  }

  LocalDate firstDay() {
    return LocalDate.ofEpochDay(days[0]);
  }

  LocalDate lastDay() {
    return LocalDate.ofEpochDay(days[days.length - 1]);
  }

  /**
   * USD per unit of {@code currency} on the latest business day on or before {@code date} (the latest day when date is
   * null; the first day when date precedes the data) that has a rate for it within {@link #MAX_DAYS_BACK} published
   * days; empty when there is none (a currency the ECB never or no longer publishes).
   */
  Optional<DayRate> usdPerUnit(String currency, LocalDate date, MathContext mc) {
    long[] usd = units.get("USD");
    long[] cur = currency.equals("EUR") ? null : units.get(currency);
    if (!currency.equals("EUR") && cur == null) {
      return Optional.empty();
    }
    int i = date == null ? days.length - 1 : Arrays.binarySearch(days, (int) date.toEpochDay());
    if (i < 0) {
      i = Math.max(0, -i - 2); // the insertion point minus one: the latest earlier day (or the first day)
    }
    for (int back = 0; back < MAX_DAYS_BACK && i - back >= 0; back++) {
      int d = i - back;
      if (usd[d] == 0 || (cur != null && cur[d] == 0)) {
        continue;
      }
      BigDecimal usdPerEur = BigDecimal.valueOf(usd[d], SCALE);
      BigDecimal rate = cur == null ? usdPerEur : usdPerEur.divide(BigDecimal.valueOf(cur[d], SCALE), mc);
      return Optional.of(new DayRate(rate, LocalDate.ofEpochDay(days[d])));
    }
    return Optional.empty();
  }
}
