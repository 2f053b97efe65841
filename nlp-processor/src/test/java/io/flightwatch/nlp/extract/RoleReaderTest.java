package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.extract.ExtractorSettings.NerProfile;
import io.flightwatch.nlp.extract.RoleReader.Role;
import io.flightwatch.nlp.geo.CountryResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Semgrex role files on parses of sentences written for this test: one construction per test. */
class RoleReaderTest {

  private static NlpPipeline nlp;
  private static RoleReader roles;

  @BeforeAll
  static void load() {
    nlp = NlpPipeline.build(NerProfile.LEAN, CountryResolver.load());
    roles = RoleReader.load();
  }

  /** Words per role for the predicate {@code pred} of a one-sentence text read as {@code kind}. */
  private static Map<Role, List<IndexedWord>> roles(String sentence, String pred, ClaimKind kind) {
    Annotation doc = new Annotation(sentence);
    nlp.annotate(doc);
    CoreMap s = doc.get(CoreAnnotations.SentencesAnnotation.class).get(0);
    nlp.parse(List.of(s));
    SemanticGraph g = s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    List<CoreLabel> toks = s.get(CoreAnnotations.TokensAnnotation.class);
    int i = 0;
    while (!toks.get(i).word().equals(pred)) {
      i++;
    }
    return roles.read(g, i, kind);
  }

  private static List<String> words(Map<Role, List<IndexedWord>> r, Role role) {
    return r.getOrDefault(role, List.of()).stream().map(IndexedWord::word).toList();
  }

  static java.util.stream.Stream<String> verbNouns() {
    return ResourceLines.read(Lexicon.BASE + "verb-nouns.txt").stream().map(l -> l.text().strip());
  }

  @ParameterizedTest
  @MethodSource("verbNouns")
  void aVerbTheTaggerReadsAsANounAfterToHeadsItsAmount(String verb) {
    Annotation doc = new Annotation("The former minister conspired with an aide to " + verb
        + " about $5 million to a bank in Cyprus.");
    nlp.annotate(doc);
    CoreMap s = doc.get(CoreAnnotations.SentencesAnnotation.class).get(0);
    nlp.parse(List.of(s));
    SemanticGraph g = s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    IndexedWord v = g.vertexSet().stream().filter(w -> w.word().equals(verb)).findFirst().orElseThrow();
    assertThat(v.tag()).isEqualTo("VB");
    assertThat(g.getChildrenWithReln(v, edu.stanford.nlp.trees.UniversalEnglishGrammaticalRelations.DIRECT_OBJECT))
        .extracting(IndexedWord::word).containsExactly("$");
  }

  @Test
  void everyRuleFileLoadsAndCompiles() {
    assertThat(RoleReader.RULES).hasSize(4);
    assertThat(roles).isNotNull();
  }

  @Test
  void aFlightHasAnActorADestinationAndATransitStop() {
    Map<Role, List<IndexedWord>> r = roles("Three officials fled via Bangkok to Canada.", "fled",
        ClaimKind.OFFICIALS_FLED);
    assertThat(words(r, Role.ACTOR)).containsExactly("officials");
    assertThat(words(r, Role.DEST)).containsExactly("Canada");
    assertThat(words(r, Role.VIA)).containsExactly("Bangkok");
  }

  @Test
  void aParticipleOnTheRouteTakenHasTheOneWhoTookItForActor() {
    Map<Role, List<IndexedWord>> r = roles("The former general took a separate route, fleeing by helicopter to Iraq.",
        "fleeing", ClaimKind.OFFICIALS_FLED);
    assertThat(words(r, Role.ACTOR)).contains("general");
  }

  @Test
  void aCountryRightAfterAFlightVerbIsTheOrigin() {
    Map<Role, List<IndexedWord>> r = roles("The minister fled Egypt in 2011.", "fled", ClaimKind.OFFICIALS_FLED);
    assertThat(words(r, Role.ORIGIN)).containsExactly("Egypt");
  }

  @Test
  void conjoinedDestinationsAreEachADestination() {
    Map<Role, List<IndexedWord>> r = roles("The officials fled to Canada and Australia.", "fled",
        ClaimKind.OFFICIALS_FLED);
    assertThat(words(r, Role.DEST)).containsExactly("Canada", "Australia");
  }

  @Test
  void aReturnHasItsSourceAndItsHome() {
    Map<Role, List<IndexedWord>> r = roles("The former mayor was extradited from Spain to Peru.", "extradited",
        ClaimKind.OFFICIALS_RETURNED);
    assertThat(words(r, Role.ACTOR)).containsExactly("mayor");
    assertThat(words(r, Role.SOURCE)).containsExactly("Spain");
    assertThat(words(r, Role.HOME)).containsExactly("Peru");
  }

  @Test
  void theSubjectOfAnActiveReturnVerbIsTheGiver() {
    Map<Role, List<IndexedWord>> r = roles("Canada deported two officials last week.", "deported",
        ClaimKind.OFFICIALS_RETURNED);
    assertThat(words(r, Role.GIVER)).containsExactly("Canada");
    assertThat(words(r, Role.ACTOR)).contains("officials");
  }

  @Test
  void aTransferHasItsAmountAndItsReceiver() {
    Map<Role, List<IndexedWord>> r = roles("He wired the money to a bank in Latvia.", "wired",
        ClaimKind.MONEY_MOVED_ABROAD);
    assertThat(words(r, Role.THEME)).containsExactly("money");
    assertThat(words(r, Role.DEST)).containsExactly("bank");
  }

  @Test
  void beliefAboveThePredicateHedgesIt() {
    Map<Role, List<IndexedWord>> r = roles("Lin Hao is believed to be hiding in Thailand.", "hiding",
        ClaimKind.OFFICIALS_FLED);
    assertThat(words(r, Role.HEDGE)).containsExactly("believed");
  }

  @Test
  void anAttemptAndANegationAreMarked() {
    assertThat(words(roles("The governor tried to flee to Spain.", "flee", ClaimKind.OFFICIALS_FLED), Role.BLOCK))
        .containsExactly("tried");
    assertThat(words(roles("The governor did not return to Peru.", "return", ClaimKind.OFFICIALS_RETURNED),
        Role.NEG)).containsExactly("not");
  }
}
