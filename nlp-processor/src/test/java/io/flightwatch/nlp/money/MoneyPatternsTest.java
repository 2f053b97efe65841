package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pattern file and its placeholders. Sentences are written for these tests. */
class MoneyPatternsTest {

  private static final MoneyPatterns PATTERNS = new MoneyPatterns(CurrencyAliases.loadDefault(),
      MoneyWords.loadDefault());

  @Test
  void placeholdersAreReplacedOnceAndRegexBracesAreLeftAlone() {
    Map<String, String> defs = Map.of("SP", "[ ]", "WORDS", "a|${SP}");
    assertThat(MoneyPatterns.expand("t", "(?<![\\p{L}])x${SP}{0,2}(?:${WORDS})$", defs))
        .isEqualTo("(?<![\\p{L}])x[ ]{0,2}(?:a|${SP})$");
  }

  @Test
  void anUndefinedPlaceholderIsReportedWithItsPattern() {
    assertThatThrownBy(() -> MoneyPatterns.expand("hedgeBefore", "(?:${HEDGEZ})$", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hedgeBefore")
        .hasMessageContaining("${HEDGEZ}");
  }

  @Test
  void everyPatternOfTheFileIsFilledIn() throws IllegalAccessException {
    int patterns = 0;
    for (Field f : MoneyPatterns.class.getDeclaredFields()) {
      if (f.getType() == Pattern.class && !Modifier.isStatic(f.getModifiers())) {
        assertThat(((Pattern) f.get(PATTERNS)).pattern()).as(f.getName()).doesNotContain("${");
        patterns++;
      }
    }
    assertThat(patterns).isEqualTo(20);
  }

  @Test
  void hedgesOfSeveralWordsTakeAnySpacesBetweenTheirWords() {
    Scan sc = PATTERNS.scan("They hid in excess\u00a0of  $3 million.", 34);
    assertThat(sc.before(sc.hedgeBefore, 23)).isTrue();
    Scan plain = PATTERNS.scan("They hid excess of $3 million.", 30);
    assertThat(plain.before(plain.hedgeBefore, 19)).isFalse();
  }

  @Test
  void theCurrencyListsAreFilledIn() {
    Scan sc = PATTERNS.scan("HK$5 million or 5 million Hong Kong dollars", 43);
    assertThat(sc.at(sc.pre, 0)).isTrue();
    assertThat(sc.pre.group()).isEqualTo("HK$");
    assertThat(sc.at(sc.post, 25)).isTrue();
    assertThat(sc.post.group(1)).isEqualTo("Hong Kong dollars");
  }
}
