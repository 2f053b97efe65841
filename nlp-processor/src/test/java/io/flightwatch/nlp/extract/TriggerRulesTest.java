package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.nlp.extract.ExtractorSettings.NerProfile;
import io.flightwatch.nlp.geo.CountryResolver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The trigger rules tried one by one, each only where its first word occurs, find exactly what the whole rule file
 * finds as one TokensRegex extractor: checked on every sentence of {@code phrasings.tsv} (our own sentences, a thousand
 * phrasings of claims and near misses).
 */
class TriggerRulesTest {

  @Test
  void theFirstTokenOfARuleIsReadWhereItIsRequired() {
    Pattern[] flee = TriggerRules.firstToken(
        "{ pattern: ( [ { lemma:/flee|abscond/ } | { word:/(?i)fleeing/ } ] ), result: \"FLED\" }");
    assertThat(flee[0].pattern()).isEqualTo("(?:flee|abscond)");
    assertThat(flee[1].pattern()).isEqualTo("(?:(?i)fleeing)");
    Pattern[] verb = TriggerRules.firstToken(
        "{ pattern: ( ( [ { lemma:/park/ } & { tag:/VB.*/ } ] ) [ { word:/[.;]/ } ] ), result: \"MOVED\" }");
    assertThat(verb[0].pattern()).isEqualTo("(?:park)");
    assertThat(verb[1]).isNull();
    // an optional first token, a tag, a variable: the rule runs on every sentence
    assertThat(TriggerRules.firstToken("{ pattern: ( [ { word:/the/ } ]? [ { lemma:/return/ } ] ) }"))
        .containsOnlyNulls();
    assertThat(TriggerRules.firstToken("{ pattern: ( [ { tag:MD } | { word:/must/ } ] ) }")).containsOnlyNulls();
    assertThat(TriggerRules.firstToken("{ pattern: ( $FLEE ), result: \"FLED\" }")).containsOnlyNulls();
  }

  @Test
  void filteredRulesFindWhatTheWholeFileFinds() throws Exception {
    TriggerRules filtered = new TriggerRules(Predicates.RULES);
    assertThat(filtered.anchored()).as("rules tried only where their first word occurs")
        .isGreaterThan(filtered.size() / 2);
    String file = new String(TriggerRulesTest.class.getResourceAsStream("/" + Predicates.RULES).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    @SuppressWarnings("unchecked")
    CoreMapExpressionExtractor<MatchedExpression> whole = CoreMapExpressionExtractor.createExtractorFromString(
        TokenSequencePattern.getNewEnv(), Lexicon.standard().expand(file));
    NlpPipeline nlp = NlpPipeline.build(NerProfile.LEAN, CountryResolver.load());
    int sentences = 0;
    int withMatches = 0;
    for (String text : phrasings()) {
      Annotation doc = new Annotation(text);
      nlp.annotate(doc);
      for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
        List<String> expected = describe(whole.extractExpressions(s));
        assertThat(describe(filtered.matches(s))).as(s.toString()).isEqualTo(expected);
        sentences++;
        withMatches += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(sentences).isGreaterThan(1000);
    assertThat(withMatches).isGreaterThan(500);
  }

  private static List<String> describe(List<MatchedExpression> found) {
    List<String> out = new ArrayList<>();
    for (MatchedExpression m : found) {
      out.add(m.getCharOffsets() + " " + (m.getValue() == null ? null : m.getValue().get()));
    }
    return out;
  }

  private static List<String> phrasings() throws IOException {
    List<String> texts = new ArrayList<>();
    try (InputStream in = TriggerRulesTest.class.getResourceAsStream("phrasings.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("#") && tab > 0) {
          texts.add(line.substring(tab + 1));
        }
      }
    }
    return texts;
  }
}
