package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.MoneyMention;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the money word files in a sentence of our own, so a word added to a file without the pattern that
 * reads it fails here; and the lookups the readers rely on. Sentences are written for these tests.
 */
class MoneyWordsTest {

  private static final MoneyWords WORDS = MoneyWords.loadDefault();
  private static final MoneyExtractor EXTRACTOR = MoneyExtractor.withDefaults();

  private static List<String> entries(String file) {
    return TableResources.load(file, (name, in) -> TableResources.lines(in));
  }

  static Stream<String> hedges() {
    return entries(MoneyWords.HEDGES).stream().map(String::strip);
  }

  static Stream<String> numberWords() {
    return entries(MoneyWords.NUMBERS).stream().map(l -> l.split("\t")[0]);
  }

  static Stream<String> scaleWords() {
    return entries(MoneyWords.SCALES).stream().map(l -> l.split("\t")[0]);
  }

  private static MoneyMention one(String sentence) {
    List<MoneyMention> found = EXTRACTOR.find(sentence);
    assertThat(found).as("mentions in: %s", sentence).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hedges")
  void everyHedgeMakesTheAmountAfterItApproximate(String hedge) {
    MoneyMention m = one("The former mayor moved " + hedge + " $12 million to a bank in Dubai.");
    assertThat(m.text()).isEqualTo("$12 million");
    assertThat(m.approximate()).isTrue();
    assertThat(m.amount()).isEqualByComparingTo("12000000");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numberWords")
  void everyNumberWordIsReadBeforeAScaleWord(String word) {
    MoneyMention m = one("The ministry says " + word + " million euros went missing.");
    assertThat(m.text()).isEqualTo(word + " million euros");
    assertThat(m.amount()).isEqualByComparingTo(WORDS.number(word).multiply(new BigDecimal("1E6")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scaleWords")
  void everyScaleWordMultipliesTheNumberOrMakesAVagueAmount(String word) {
    BigDecimal unit = WORDS.scale(word);
    if (word.endsWith("s") && !word.equals("crores") && !word.equals("lakhs") && !word.equals("lacs")) {
      MoneyMention m = one("Prosecutors say " + word + " of dollars left the country.");
      assertThat(m.amount()).isNull();
      assertThat(m.low()).isEqualByComparingTo(unit);
      assertThat(m.high()).isEqualByComparingTo(unit.multiply(BigDecimal.TEN));
      return;
    }
    // a single letter is only a scale word when attached: "$7m"
    String amount = "$7" + (word.length() == 1 && word.charAt(0) < 128 ? "" : " ") + word;
    MoneyMention m = one("The court froze " + amount + " in two accounts.");
    assertThat(m.text()).isEqualTo(amount);
    assertThat(m.amount()).isEqualByComparingTo(unit.multiply(BigDecimal.valueOf(7)));
  }

  @Test
  void scaleWordsHaveTheirValuesInAnyLetterCase() {
    assertThat(WORDS.scale("Crore")).isEqualByComparingTo("10000000");
    assertThat(WORDS.scale("LAKH")).isEqualByComparingTo("100000");
    assertThat(WORDS.scale("Bn")).isEqualByComparingTo("1000000000");
    assertThat(WORDS.scale("亿")).isEqualByComparingTo("100000000");
    assertThat(WORDS.scale("dozen")).isNull();
  }

  @Test
  void numberWordsIgnoreCaseAndRunsOfSpaces() {
    assertThat(WORDS.number("Half  A")).isEqualByComparingTo("0.5");
    assertThat(WORDS.number("TWENTY")).isEqualByComparingTo("20");
    assertThat(WORDS.number("dozen")).isNull();
  }

  @Test
  void onlySingleWordNumbersGoIntoThePatterns() {
    assertThat(WORDS.oneWordNumbers()).contains("a", "two", "hundred").doesNotContain("half a", "half an");
  }
}
