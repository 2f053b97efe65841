package io.flightwatch.nlp.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of the period a claim's figure covers, from its sentence and the article's date: "in 2016" is 2016-01-01 to
 * 2016-12-31; "since 2014" is 2014-01-01 to the publication date; "last year", "in the first half", "over the past
 * decade" are read against the publication date. Patterns live in {@code period-forms.regex}. Immutable.
 */
final class PeriodReader {

  /** The first and last day of a period; {@code to} is null when it runs to an unknown date. */
  record Period(LocalDate from, LocalDate to) {

    /**
     * The day whose exchange rates convert the figure: a running total ("since 2014") is a stock as of its end; a flow
     * ("in 2011", "between 2012 and 2016") is converted at its middle. Never after the publication date; null when the
     * period has no end and the article no date.
     */
    LocalDate rateDate(boolean cumulative, LocalDate published) {
      LocalDate end = to == null || published != null && to.isAfter(published) ? published : to;
      if (end == null) {
        return null;
      }
      if (cumulative || from == null || !from.isBefore(end)) {
        return end;
      }
      return from.plusDays(java.time.temporal.ChronoUnit.DAYS.between(from, end) / 2);
    }
  }

  static final String FORMS = "/io/flightwatch/nlp/extract/period-forms.regex";

  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twenty", 20), Map.entry("thirty", 30),
      Map.entry("decade", 10), Map.entry("two decades", 20));
  private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4);
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("january", 1), Map.entry("february", 2),
      Map.entry("march", 3), Map.entry("april", 4), Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7),
      Map.entry("august", 8), Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11),
      Map.entry("december", 12));

  private final Map<String, Pattern> forms;

  PeriodReader() {
    forms = load();
  }

  /** The period of the first form found in {@code sentence}, in the order of the forms file. */
  Optional<Period> read(String sentence, LocalDate published) {
    for (Map.Entry<String, Pattern> e : forms.entrySet()) {
      Matcher m = e.getValue().matcher(sentence);
      if (m.find()) {
        Optional<Period> p = period(e.getKey(), m, published);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Period> period(String form, Matcher m, LocalDate pub) {
    switch (form) {
      case "RANGE": {
        int a = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
        int b = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
        return a <= b ? Optional.of(new Period(LocalDate.of(a, 1, 1), LocalDate.of(b, 12, 31))) : Optional.empty();
      }
      case "SINCE_MONTH":
        return Optional.of(new Period(LocalDate.of(Integer.parseInt(m.group(2)),
            MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)), 1), pub));
      case "SINCE":
        return Optional.of(new Period(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), pub));
      case "HALF":
      case "QUARTER": {
        Integer year = m.group(2) != null ? Integer.valueOf(m.group(2)) : pub == null ? null : pub.getYear();
        if (year == null) {
          return Optional.empty();
        }
        int n = ORDINALS.get(m.group(1).toLowerCase(Locale.ROOT));
        int months = form.equals("HALF") ? 6 : 3;
        LocalDate from = LocalDate.of(year, (n - 1) * months + 1, 1);
        return Optional.of(new Period(from, from.plusMonths(months).minusDays(1)));
      }
      case "PAST":
      case "OVER": {
        if (pub == null) {
          return Optional.empty();
        }
        String amount = m.group(1).toLowerCase(Locale.ROOT);
        Integer n = amount.chars().allMatch(Character::isDigit) ? Integer.valueOf(amount) : NUMBERS.get(amount);
        if (n == null) {
          return Optional.empty();
        }
        String unit = m.group(2) == null ? "years" : m.group(2).toLowerCase(Locale.ROOT);
        LocalDate from = unit.startsWith("month") ? pub.minusMonths(n)
            : unit.startsWith("decade") ? pub.minusYears(10L * n) : pub.minusYears(n);
        return Optional.of(new Period(from, pub));
      }
      case "RELATIVE_YEAR": {
        if (pub == null) {
          return Optional.empty();
        }
        int year = m.group(1).equalsIgnoreCase("this") ? pub.getYear() : pub.getYear() - 1;
        return Optional.of(new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
      }
      case "IN_YEAR": {
        int year = Integer.parseInt(m.group(1));
        if (pub != null && year > pub.getYear()) {
          return Optional.empty(); // a plan or a deadline, not the period of a figure
        }
        return Optional.of(new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
      }
      default:
        throw new IllegalStateException("unknown period form " + form + " in " + FORMS);
    }
  }

  private static Map<String, Pattern> load() {
    Map<String, Pattern> out = new LinkedHashMap<>();
    InputStream in = PeriodReader.class.getResourceAsStream(FORMS);
    if (in == null) {
      throw new IllegalStateException("missing resource " + FORMS);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 2);
        out.put(f[0], Pattern.compile(f[1], Pattern.CASE_INSENSITIVE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
