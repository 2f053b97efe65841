package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.nlp.ArticleAnnotator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flight, return and transfer phrasings beyond the first rule set, on sentences written for these tests (none taken
 * from the samples or the evaluation texts). CoreNLP (lean profile) is loaded once for the class.
 */
class RecallRulesTest {

  private static ArticleAnnotator annotator;

  @BeforeAll
  static void loadModels() {
    annotator = AnnotatorFactory.create(ExtractorSettings.defaults()).newAnnotator();
  }

  private static List<Claim> claims(String title, String body) {
    return annotator.annotate(new Article("r1", "https://example.org/r1", "test", title, body, "en",
        Instant.parse("2024-01-02T03:04:05Z"), Instant.now(), "hash-r1")).claims();
  }

  private static List<Claim> claims(String body) {
    return claims("Officials abroad", body);
  }

  @Test
  void aBareNumeralTheTaggerMissedStillCounts() {
    assertThat(SentenceView.numeral("380", "NNP")).isEqualTo(380.0);
    assertThat(SentenceView.numeral("4,000", "CD")).isEqualTo(4000.0);
    assertThat(SentenceView.numeral("seven", "CD")).isEqualTo(7.0);
    assertThat(SentenceView.numeral("seven", "NN")).isNull();
    assertThat(SentenceView.numeral("Lagos", "NNP")).isNull();
    List<Claim> c = claims("About 260 officials from a northern Mongolian province have slipped out of the country"
        + " since 2001.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.OFFICIALS_FLED);
      assertThat(claim.count()).isEqualTo(260L);
      assertThat(claim.approximate()).isTrue();
      assertThat(claim.destination()).isNull();
      assertThat(claim.origin()).isEqualTo("MN");
    });
  }

  @Test
  void shelteringOnForeignSoilIsFlightToThatCountry() {
    List<Claim> c = claims("Some 45 corrupt Kenyan officials are now sheltering on South African soil, the report "
        + "said.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "KE", "ZA", 45L));
    // the noun in "refused shelter to" is not a flight
    assertThat(claims("Norway has always refused shelter to corrupt foreign officials, its minister said.")).isEmpty();
  }

  @Test
  void upwardsOfIsAnApproximateCountNotAList() {
    List<Claim> c = claims("Upwards of 600 corrupt Peruvian officials have settled in Spain over two decades.");
    assertThat(c).extracting(Claim::destination, Claim::count, Claim::approximate)
        .containsExactly(tuple("ES", 600L, true));
  }

  @Test
  void aPartitiveWithAPossessiveCountsThePeople() {
    List<Claim> c = claims("Angola says seven of its most-wanted embezzlement suspects are living in Portugal.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "AO", "PT", 7L));
  }

  @Test
  void comingBackAndBeingSentBackAreReturns() {
    List<Claim> c = claims("Moroccan police said 31 fraud suspects have come back from Belgium this year.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "MA", "BE", 31L));
    List<Claim> sent = claims("Only four Moroccan officials wanted for fraud were sent back from Italy last year.");
    assertThat(sent).extracting(Claim::kind, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "IT", 4L));
  }

  @Test
  void persuadingRunawaysToReturnIsAReturnNotAPurpose() {
    List<Claim> c = claims("Vietnamese investigators persuaded nine runaways to return from Laos in March.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "LA", 9L));
  }

  @Test
  void wiredMoneyIsATransferEvenWhenTaggedAsAnAdjective() {
    List<Claim> c = claims("A Malaysian port official wired $5 million to Singapore before his arrest.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "MY", "SG"));
  }

  @Test
  void amongThemMarksASubsetLikeIncluding() {
    List<Claim> c = claims("Kazakh police have brought back 500 fugitives from abroad this year, among them 120 "
        + "officials.");
    assertThat(c).extracting(Claim::kind, Claim::count, Claim::overlapsWith).containsExactly(
        tuple(ClaimKind.OFFICIALS_RETURNED, 500L, null),
        tuple(ClaimKind.OFFICIALS_RETURNED, 120L, 0));
  }

  @Test
  void moneyCarriedWithThemWentAbroadWithTheFlight() {
    List<Claim> c = claims("Around 90 Ukrainian officials have fled to Poland, and they carried about $70 million with"
        + " them.");
    assertThat(c).extracting(Claim::kind, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "PL"), tuple(ClaimKind.MONEY_MOVED_ABROAD, "PL"));
  }

  @Test
  void theWhereClauseNamesTheDestination() {
    List<Claim> c = claims("Omar Haddad, a Tunisian customs director, took a bus to Milan and then a train to Lyon,"
        + " where he has applied for asylum.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "FR", "Omar Haddad"));
  }

  @Test
  void aCountryExtraditingAfterATimePhraseIsWhereThePersonWasAndBackToNamesHome() {
    List<Claim> c = claims("Portugal this week extradited a former Brazilian state treasurer, Marcos Ribeiro, back to"
        + " Brazil.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "BR", "PT", "Marcos Ribeiro"));
  }

  @Test
  void anArticleAboutTwoCountriesTakesTheOriginFromTheClaimsOwnSentence() {
    List<Claim> c = claims("Peruvian mayors and a Ghanaian minister",
        "Peruvian prosecutors charged three mayors with fraud on Monday."
            + " Separately, a former minister from one of Ghana's regions has fled to Canada, officials said.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "GH", "CA"));
  }

  @Test
  void settlingAbroadAfterASentenceAboutDefectionsIsFlight() {
    List<Claim> c = claims("Defections by army officers are rare. Tomas Varga, a former colonel, crossed the border in"
        + " 2012 and settled in Graz.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "AT", "Tomas Varga"));
    // without that context, settling somewhere is not flight
    assertThat(claims("Tomas Varga, a retired teacher, moved house in 2012 and settled in Graz.")).isEmpty();
  }
}
