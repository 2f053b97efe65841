package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.EntityMention;
import io.flightwatch.nlp.ArticleAnnotator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractor end to end on sentences written for these tests. CoreNLP (lean profile) is loaded once for the class.
 */
class CoreNlpAnnotatorTest {

  private static AnnotatorFactory factory;
  private static ArticleAnnotator annotator;

  @BeforeAll
  static void loadModels() {
    factory = AnnotatorFactory.create(ExtractorSettings.defaults());
    annotator = factory.newAnnotator();
  }

  private static Article article(String title, String body) {
    return new Article("t1", "https://example.org/t1", "test", title, body, "en",
        Instant.parse("2024-01-02T03:04:05Z"), Instant.now(), "hash-1");
  }

  private static List<Claim> claims(String body) {
    return annotator.annotate(article("Officials abroad", body)).claims();
  }

  @Test
  void destinationAttachesToThePredicateNotToTheTransitCountry() {
    List<Claim> c = claims("Li Wenbo, a former Chinese deputy mayor, fled to Canada via Thailand in 2011.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.OFFICIALS_FLED);
      assertThat(claim.destination()).isEqualTo("CA");
      assertThat(claim.origin()).isEqualTo("CN");
      assertThat(claim.namedPerson()).isEqualTo("Li Wenbo");
      assertThat(claim.count()).isEqualTo(1L);
    });
  }

  @Test
  void perCountryBreakdownGivesOneClaimPerCountry() {
    List<Claim> c = claims("Officials said 30 Chinese fugitives are hiding in Canada, 12 in Australia and 5 in New "
        + "Zealand.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::count).containsExactly(
        tuple(ClaimKind.OFFICIALS_FLED, "CA", 30L),
        tuple(ClaimKind.OFFICIALS_FLED, "AU", 12L),
        tuple(ClaimKind.OFFICIALS_FLED, "NZ", 5L));
  }

  @Test
  void aggregateWithSeveralDestinationsHasNoSingleDestination() {
    List<Claim> c = claims(
        "More than 300 corrupt Nigerian officials have fled abroad, mostly to Britain, the United States and Dubai.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.destination()).isNull();
      assertThat(claim.destinationsMentioned()).containsExactly("GB", "US", "AE");
      assertThat(claim.origin()).isEqualTo("NG");
      assertThat(claim.count()).isEqualTo(300L);
      assertThat(claim.approximate()).isTrue();
    });
  }

  @Test
  void frozenAssetsCaseSizesAndNegationsAreNotClaims() {
    assertThat(claims("Swiss prosecutors froze assets worth $40 million belonging to a former Ukrainian minister."))
        .isEmpty();
    assertThat(claims("The former Chinese railway manager is suspected in a 300 million yuan embezzlement case."))
        .isEmpty();
    assertThat(claims("The Brazilian minister did not flee to Portugal, his lawyer said.")).isEmpty();
  }

  @Test
  void familiesWhoEmigratedAreNotOfficialsWhoFled() {
    assertThat(claims("More than 200 corrupt Chinese officials have sent their wives and children to live in Canada."))
        .isEmpty();
  }

  @Test
  void beliefIsMarkedAsHedged() {
    List<Claim> c = claims("The former Kenyan governor is believed to be hiding in Paris.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.hedged()).isTrue();
      assertThat(claim.destination()).isEqualTo("FR");
      assertThat(claim.origin()).isEqualTo("KE");
    });
  }

  @Test
  void moneyMovedToAccountsAbroad() {
    List<Claim> c = claims("Investigators said the Peruvian officials transferred $25 million to accounts in "
        + "Singapore.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.MONEY_MOVED_ABROAD);
      assertThat(claim.destination()).isEqualTo("SG");
      assertThat(claim.origin()).isEqualTo("PE");
      assertThat(claim.currency()).isEqualTo("USD");
      assertThat(claim.amountUsd()).isEqualByComparingTo(new BigDecimal("25000000"));
    });
  }

  @Test
  void moneyRecoveredKeepsItsCurrency() {
    List<Claim> c = claims("Chinese authorities have recovered 1.5 billion yuan of stolen assets from abroad.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.MONEY_RECOVERED);
      assertThat(claim.currency()).isEqualTo("CNY");
      assertThat(claim.amount()).isEqualByComparingTo(new BigDecimal("1500000000"));
      assertThat(claim.destination()).isNull();
    });
  }

  @Test
  void returnsNameTheCountryTheyCameBackFrom() {
    List<Claim> c = claims("Chinese police brought back 47 economic fugitives from Thailand last year.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::count, Claim::origin)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "TH", 47L, "CN"));
  }

  @Test
  void aNamedPersonsReturnInheritsTheCountryTheyFledTo() {
    List<Claim> c = claims("Zhou Ming, a Chinese tax official, fled to Australia in 2010.\n"
        + "He was extradited to China last month.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::namedPerson).containsExactly(
        tuple(ClaimKind.OFFICIALS_FLED, "AU", "Zhou Ming"),
        tuple(ClaimKind.OFFICIALS_RETURNED, "AU", "Zhou Ming"));
  }

  @Test
  void claimsCarryEvidenceOffsetsKeyAndArticleFields() {
    Article a = article("Fugitive official", "Police said on Monday that Chen Dong fled to the United States in 2015.");
    AnnotatedArticle r = annotator.annotate(a);
    Claim c = r.claims().get(0);
    assertThat(a.fullText().substring(c.quoteBegin(), c.quoteEnd())).isEqualTo(c.quote());
    assertThat(c.quote()).contains("fled to the United States");
    assertThat(c.key()).isEqualTo(ClaimKeys.canonical(c));
    assertThat(c.articleId()).isEqualTo("t1");
    assertThat(c.articleVersion()).isEqualTo("hash-1");
    assertThat(c.url()).isEqualTo("https://example.org/t1");
    assertThat(c.publishedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(c.confidence()).isBetween(0.0, 1.0);
    assertThat(r.processing().relevant()).isTrue();
    assertThat(r.processing().tokens()).isPositive();
  }

  @Test
  void entitiesCarryIsoCodesForPlacesAndNationalities() {
    AnnotatedArticle r = annotator.annotate(article("Flight",
        "A Chinese official fled from Vancouver to the U.S. with $2 million."));
    assertThat(r.entities()).extracting(EntityMention::type, EntityMention::text, EntityMention::normalized)
        .contains(tuple("NATIONALITY", "Chinese", "CN"), tuple("CITY", "Vancouver", "CA"),
            tuple("COUNTRY", "U.S.", "US"));
    assertThat(r.money()).singleElement().satisfies(m -> assertThat(m.currency()).isEqualTo("USD"));
  }

  @Test
  void offTopicArticleIsGatedBeforeCoreNlp() {
    AnnotatedArticle r = annotator.annotate(article("Cup final",
        "The local football team won the championship on Sunday after a tense final."));
    assertThat(r.processing().relevant()).isFalse();
    assertThat(r.processing().pipeline()).isEmpty();
    assertThat(r.processing().tokens()).isZero();
    assertThat(r.claims()).isEmpty();
    assertThat(r.entities()).isEmpty();
  }

  @Test
  void aFlightWordInItsEverydaySenseCostsItsSentenceNotTheArticle() {
    // the gate passes "escaped ... director", the claim rules find no claim in that sentence
    AnnotatedArticle r = annotator.annotate(article("Cup final",
        "The team met on Tuesday. The striker escaped a red card in the final minutes, the club director said. "
            + "New buses will arrive in spring. ".repeat(20)));
    assertThat(r.processing().relevant()).isFalse();
    assertThat(r.processing().tokens()).isZero();
    assertThat(r.processing().warnings()).containsExactly(
        "no claim read in the 1 sentences with flight or money words: not annotated");
    // a common word ("returned") with nothing a claim is made of near it does not even pass the gate
    AnnotatedArticle off = annotator.annotate(article("Council budget",
        "The council met on Tuesday. The council has returned to a balanced budget after three years of deficits, the"
            + " finance director said. " + "New buses will arrive in spring. ".repeat(20)));
    assertThat(off.processing().relevant()).isFalse();
    assertThat(off.processing().tokens()).isZero();
    assertThat(off.processing().warnings()).isEmpty();
    // with a claim sentence further down, the whole article is annotated
    AnnotatedArticle on = annotator.annotate(article("Council budget",
        "The council has returned to a balanced budget, the finance director said. "
        + "New buses will arrive. ".repeat(5)
            + "A former deputy mayor fled to Canada in 2012."));
    assertThat(on.processing().relevant()).isTrue();
    assertThat(on.claims()).extracting(Claim::kind, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "CA"));
  }

  @Test
  void longTextIsTruncatedWithAWarning() {
    String body = "A corrupt official fled to Canada with $1 million. ".repeat(40);
    ArticleAnnotator annotatorWithCap = factory.newAnnotator(factory.settings().withMaxChars(300));
    AnnotatedArticle r = annotatorWithCap.annotate(article("Cap", body));
    assertThat(r.processing().truncated()).isTrue();
    assertThat(r.processing().characters()).isLessThanOrEqualTo(300);
    assertThat(r.processing().warnings()).anySatisfy(w -> assertThat(w).contains("truncated"));
  }

  @Test
  void emptyAndJunkBodiesDoNotFail() {
    AnnotatedArticle empty = annotator.annotate(new Article("e", null, "test", null, "", null, null, null, "h"));
    assertThat(empty.claims()).isEmpty();
    assertThat(empty.processing().relevant()).isFalse();
    assertThat(empty.processing().warnings()).anySatisfy(w -> assertThat(w).contains("empty"));

    StringBuilder junk = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      junk.append((char) (i * 7919 % 0xD7FF));
    }
    AnnotatedArticle binary = annotator.annotate(article("x", junk.toString()));
    assertThat(binary.claims()).isEmpty();
    assertThat(binary.processing().warnings()).anySatisfy(w -> assertThat(w).contains("prose"));
  }

  @Test
  void moneyTakenAlongOnAFlightGoesWhereThePeopleWent() {
    List<Claim> c = claims("Prosecutors say the Kenyan mayor escaped to Dubai with $12 million in public funds.");
    assertThat(c).extracting(Claim::kind, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "AE"), tuple(ClaimKind.MONEY_MOVED_ABROAD, "AE"));
    assertThat(c.get(1).amountUsd()).isEqualByComparingTo(new BigDecimal("12000000"));
  }

  @Test
  void theFundsReferToTheAmountOfThePreviousSentence() {
    List<Claim> c = claims("The Ukrainian ministry lost 900 million hryvnias in the scheme.\n"
        + "The funds were transferred to accounts in Latvia and Estonia, investigators said.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.MONEY_MOVED_ABROAD);
      assertThat(claim.currency()).isEqualTo("UAH");
      assertThat(claim.destination()).isNull();
      assertThat(claim.destinationsMentioned()).containsExactly("LV", "EE");
      assertThat(claim.origin()).isEqualTo("UA");
    });
  }

  @Test
  void oneFactIsOneClaimWithTheMostSpecificAmount() {
    List<Claim> c = claims("Corrupt Chinese officials took tens of billions of dollars abroad\n"
        + "Corrupt Chinese officials have smuggled more than $42 billion abroad over the past decade, the report "
            + "said.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.MONEY_MOVED_ABROAD);
      assertThat(claim.amountUsd()).isEqualByComparingTo(new BigDecimal("42000000000"));
      assertThat(claim.approximate()).isTrue();
    });
  }

  @Test
  void aCountryThatDeportsSomeoneIsWhereTheyCameBackFrom() {
    List<Claim> c = claims("Canada deported the former Chinese bank manager Liu Qiang to China in 2019.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::origin, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "CA", "CN", "Liu Qiang"));
  }

  @Test
  void aNationalCurrencyNamesTheOriginWhenNothingElseDoes() {
    List<Claim> c = claims("Officials stole 2 billion naira and fled to London.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination, Claim::currency)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "NG", "GB", "NGN"));
  }

  @Test
  void flightPredicatesAFewWordsApartAreOnePredicate() {
    List<Claim> c = claims("The Zambian ex-governor, who is wanted for fraud, has been living in exile in London "
        + "since 2012.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "GB", 1L));
  }

  @Test
  void gerundsTaggedAsNounsStillCount() {
    List<Claim> c = claims("The Thai official was accused of smuggling 3 million dollars to Hong Kong.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.MONEY_MOVED_ABROAD);
      assertThat(claim.destination()).isEqualTo("HK");
      assertThat(claim.hedged()).isTrue();
    });
  }

  @Test
  void purposesAndTheirFollowingPredicatesAreNotEvents() {
    assertThat(claims("Vietnam launched a campaign \"Clean Hands\" to hunt down 50 corrupt officials at large abroad."))
        .isEmpty();
    List<Claim> c = claims("An estimated 150 Vietnamese officials remain at large in the United States and Canada.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.destination()).isNull();
      assertThat(claim.destinationsMentioned()).containsExactly("US", "CA");
      assertThat(claim.count()).isEqualTo(150L);
    });
  }
}
