package io.flightwatch.nlp.money;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words amounts are written with, from this package's word files: scale words ("million", "crore", "bn", "亿"),
 * number words ("two", "half a") and hedges ("more than", "about"). Adding a word is a data change (and, for a scale
 * word, a pattern change in {@code money-patterns.regex}). Immutable.
 */
final class MoneyWords {

  static final String SCALES = "scale-words.tsv";
  static final String NUMBERS = "number-words.tsv";
  static final String HEDGES = "hedges.txt";

  private static final Pattern WS = Pattern.compile("\\s+");

  private final Map<String, BigDecimal> scales;
  private final Map<String, BigDecimal> numbers;
  private final List<String> oneWordNumbers;
  private final List<String> hedges;

  MoneyWords(Map<String, BigDecimal> scales, Map<String, BigDecimal> numbers, List<String> hedges) {
    this.scales = Map.copyOf(scales);
    this.numbers = Map.copyOf(numbers);
    // the patterns list these in the order given
    this.oneWordNumbers = numbers.keySet().stream().filter(w -> !w.contains(" ")).toList();
    this.hedges = List.copyOf(hedges);
  }

  static MoneyWords loadDefault() {
    return new MoneyWords(TableResources.load(SCALES, MoneyWords::values), TableResources.load(NUMBERS,
        MoneyWords::values), TableResources.load(HEDGES, (name, in) -> TableResources.lines(in).stream()
            .map(String::strip).toList()));
  }

  /** The multiplier of a scale word in any letter case ("Billion", "bn", "亿"), or null. */
  BigDecimal scale(String word) {
    return scales.get(word.toLowerCase(Locale.ROOT));
  }

  /** The value of a number word in any letter case ("Two", "half  a"), or null. */
  BigDecimal number(String word) {
    return numbers.get(WS.matcher(word.toLowerCase(Locale.ROOT)).replaceAll(" "));
  }

  /** The number words that are a single word ("two", "a"), in file order: "half a" is spelled out by the patterns. */
  List<String> oneWordNumbers() {
    return oneWordNumbers;
  }

  /** The hedges in file order; a space stands for any run of spaces. */
  List<String> hedges() {
    return hedges;
  }

  /** word TAB value, in file order. */
  private static Map<String, BigDecimal> values(String name, InputStream in) throws IOException {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (String line : TableResources.lines(in)) {
      String[] f = line.split("\t", -1);
      if (f.length != 2 || f[0].isBlank()) {
        throw new IllegalArgumentException(name + ": expected word<TAB>value: " + line);
      }
      if (out.put(f[0].strip(), new BigDecimal(f[1].strip())) != null) {
        throw new IllegalArgumentException(name + ": duplicate word " + f[0]);
      }
    }
    return out;
  }
}
