package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which numbers count the people of an actor. The sentences are written for these tests and tokenised by hand (no
 * CoreNLP): a numeral is a NUMBER entity of its own, "word/lemma" gives a lemma other than the word and
 * "word/lemma/value" makes a word a NUMBER with that value.
 */
class ActorCountsTest {

  private static final ActorCounts COUNTS = new ActorCounts(Lexicon.standard());

  private static SentenceView sentence(String tokens, MoneyMention... money) {
    List<Tok> toks = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String spec : tokens.split(" ")) {
      String[] wl = spec.split("/");
      String word = wl[0];
      String lemma = wl.length > 1 ? wl[1] : word.toLowerCase(Locale.ROOT);
      if (text.length() > 0) {
        text.append(' ');
      }
      int begin = text.length();
      text.append(word);
      Double number = wl.length > 2 ? Double.valueOf(wl[2]) : SentenceView.numeral(word, "CD");
      int i = toks.size();
      toks.add(new Tok(i, word, word.toLowerCase(Locale.ROOT), lemma, number != null ? "CD" : "NN",
          number != null ? "NUMBER" : "O", begin, text.length(), null, false, number, number != null ? i : -1, null));
    }
    CoreMap map = new ArrayCoreMap();
    map.set(CoreAnnotations.TextAnnotation.class, text.toString());
    map.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, 0);
    map.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, text.length());
    return new SentenceView(0, map, toks, List.of(money));
  }

  private static int indexOf(SentenceView s, String word) {
    for (int i = 0; i < s.size(); i++) {
      if (s.tok(i).word().equals(word)) {
        return i;
      }
    }
    throw new IllegalArgumentException(word);
  }

  private static boolean counts(String tokens, String number) {
    SentenceView s = sentence(tokens);
    return COUNTS.isCount(s, indexOf(s, number));
  }

  private static boolean listOrShare(String tokens, String number) {
    SentenceView s = sentence(tokens);
    return COUNTS.listOrShare(s, indexOf(s, number));
  }

  private static Stream<String> entries(String list) {
    return Lexicon.standard().list(list).stream();
  }

  static Stream<String> timeUnits() {
    return entries(Lexicon.TIME_UNITS);
  }

  static Stream<String> predicateNouns() {
    return entries(Lexicon.PREDICATE_NOUNS);
  }

  @Test
  void aNumberBeforePeopleCounts() {
    assertThat(counts("Twelve officials/official fled to Canada", "Twelve")).isTrue();
    assertThat(counts("48 have returned", "48")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timeUnits")
  void aNumberBeforeAUnitOfTimeCountsNoPeople(String unit) {
    assertThat(counts("He spent three x/" + unit + " hiding in Spain", "three")).isFalse();
  }

  @Test
  void aNumberInsideAnAmountCountsNoPeople() {
    MoneyMention money = new MoneyMention("$ 3 million", 10, 21, new BigDecimal("3000000"), new BigDecimal("3000000"),
        new BigDecimal("3000000"), "USD", false, null, null, null, null, null, null);
    SentenceView s = sentence("They took $ 3 million abroad", money);
    assertThat(COUNTS.isCount(s, indexOf(s, "3"))).isFalse();
  }

  @Test
  void vagueNumberWordsCountNoPeople() {
    assertThat(counts("hundreds/hundreds/100 of officials/official fled", "hundreds")).isFalse();
    assertThat(counts("thousands/thousands/1000 of officials/official fled", "thousands")).isFalse();
  }

  @Test
  void aPlaceInAListIsNoCount() {
    assertThat(listOrShare("He is on Interpol 's 100 most wanted", "100")).isTrue();
    assertThat(listOrShare("He was among the top 100 fugitives", "100")).isTrue();
    assertThat(listOrShare("48 out of 100 fugitives returned", "48")).isTrue();
    assertThat(listOrShare("He is on a list of the 100 fugitives", "100")).isTrue();
    assertThat(listOrShare("Nine of 12 officials/official returned", "12")).isTrue();
    assertThat(listOrShare("They sent money to 12 officials/official", "12")).isTrue();
  }

  @Test
  void aNumberAfterAnAmountWordIsTheCountItself() {
    assertThat(listOrShare("Upwards of 600 officials/official have settled in Spain", "600")).isFalse();
    assertThat(listOrShare("In excess of 600 officials/official have settled in Spain", "600")).isFalse();
    assertThat(listOrShare("A total of 55 officials/official returned", "55")).isFalse();
    assertThat(listOrShare("Up to 12 officials/official fled", "12")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("predicateNouns")
  void theNumberAfterAPredicateNounIsWhoReturnedOrFled(String noun) {
    assertThat(listOrShare("The x/" + noun + " of 12 fugitive officials/official was announced", "12")).isFalse();
    assertThat(listOrShare("The wives/wife of 12 fugitive officials/official were questioned", "12")).isTrue();
  }

  @Test
  void aCountKeepsTheHedgeInFrontInItsText() {
    SentenceView s = sentence("more than 1,000 corrupt officials/official fled");
    Actor a = new Actor();
    COUNTS.setCount(s, 2, a);
    assertThat(a.count).isEqualTo(1000L);
    assertThat(a.approximate).isTrue();
    assertThat(a.text).isEqualTo("more than 1,000");
    assertThat(a.tok).isEqualTo(2);

    Actor b = new Actor();
    COUNTS.setCount(sentence("about 40 officials/official fled"), 1, b);
    assertThat(b.text).isEqualTo("about 40");
    assertThat(b.approximate).isTrue();

    Actor c = new Actor();
    COUNTS.setCount(sentence("40 officials/official fled"), 0, c);
    assertThat(c.text).isEqualTo("40");
    assertThat(c.approximate).isFalse();
  }
}
