package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.nlp.extract.SentenceView.Tok;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which sentences get the trigger rules and the parse. Sentences written for these tests and tagged by hand
 * ("word/TAG"; a CD token is a number): a stem whose rules want a verb only counts when its word is one.
 */
class CandidateFilterTest {

  private static final CandidateFilter FILTER = new CandidateFilter(Lexicon.standard());

  private static SentenceView sentence(String tagged) {
    List<Tok> toks = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String spec : tagged.split(" ")) {
      int slash = spec.lastIndexOf('/');
      String word = spec.substring(0, slash);
      String tag = spec.substring(slash + 1);
      if (text.length() > 0) {
        text.append(' ');
      }
      int begin = text.length();
      text.append(word);
      Double number = tag.equals("CD") ? SentenceView.numeral(word, "CD") : null;
      int i = toks.size();
      String lower = word.toLowerCase(Locale.ROOT);
      toks.add(new Tok(i, word, lower, lower, tag, number != null ? "NUMBER" : "O", begin, text.length(), null, false,
          number, number != null ? i : -1, null));
    }
    CoreMap map = new ArrayCoreMap();
    map.set(CoreAnnotations.TextAnnotation.class, text.toString());
    map.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, 0);
    map.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, text.length());
    return new SentenceView(0, map, toks, List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The/DT mayor/NN parked/VBD 3/CD million/CD dollars/NNS in/IN a/DT trust/NN ./.",
      "Two/CD aides/NNS are/VBP accused/VBN of/IN routing/VBG 40/CD million/CD through/IN shell/NN firms/NNS ./.",
      "He/PRP spent/VBD 6/CD million/CD on/IN a/DT villa/NN abroad/RB ./.",
      "Police/NNS sent/VBD 3/CD suspects/NNS back/RB ./.",
      "The/DT minister/NN came/VBD back/RB on/IN Friday/NNP ./.",
      "The/DT family/NN settled/VBD in/IN Canada/NNP in/IN 2019/CD ./."})
  void aPredicateWordMakesACandidate(String tagged) {
    assertThat(FILTER.isCandidate(sentence(tagged))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Parking/NN fees/NNS near/IN the/DT station/NN rose/VBD by/IN 4/CD percent/NN ./.",
      "Bus/NN routes/NNS 12/CD and/CC 14/CD will/MD be/VB merged/VBN ./.",
      "Council/NN spending/NN on/IN roads/NNS fell/VBD by/IN 7/CD percent/NN ./.",
      "Deposits/NNS at/IN 4/CD local/JJ banks/NNS grew/VBD ./."})
  void theSameWordAsANounDoesNot(String tagged) {
    assertThat(FILTER.isCandidate(sentence(tagged))).isFalse();
  }

  @Test
  void theArticleGateStillReadsEveryStemBeforeTagging() {
    assertThat(FILTER.mayHold("Parking fees rose.")).isTrue();
    assertThat(CandidateFilter.stems()).contains("park(?:s|ed|ing)?\\b").noneMatch(s -> s.contains("\t"));
  }
}
