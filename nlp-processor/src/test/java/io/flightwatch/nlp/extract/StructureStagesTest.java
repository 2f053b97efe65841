package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structural extractor's stages end to end, one behaviour per test, on sentences written for these tests: roles
 * from the dependency parse, references, distribution of lists, places below country level, text hygiene, money
 * receivers.
 */
class StructureStagesTest {

  private static List<Claim> claims(String body) {
    return Extractions.of(body);
  }

  @Test
  void anAppositiveNameIsTheActorAndALaterSettlingIsTheSameFlight() {
    List<Claim> c = claims("A former deputy mayor, Wen Lirong, fled to Canada in 2012. He later settled in Vancouver.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "CA", "Wen Lirong"));
  }

  @Test
  void aDefiniteDescriptionRefersToTheOfficialNamedBefore() {
    List<Claim> c = claims("Rosa Pinto, a former finance minister, was charged in 2019."
        + " The former minister fled to Portugal a month later.");
    assertThat(c).extracting(Claim::destination, Claim::namedPerson).containsExactly(tuple("PT", "Rosa Pinto"));
  }

  @Test
  void theyAreTheTwoPersonsOfThePreviousSentenceAndThereIsTheLastPlace() {
    List<Claim> c = claims("Ana Ruiz and Luis Ruiz ran the port authority of Panama City."
        + " They fled there in 2016 when the audit began.");
    assertThat(c).extracting(Claim::namedPerson, Claim::destination)
        .containsExactlyInAnyOrder(tuple("Ana Ruiz", "PA"), tuple("Luis Ruiz", "PA"));
  }

  @Test
  void aListOfCountsByCountryGivesOneClaimPerCountry() {
    List<Claim> c = claims("Officials say 12 fugitives were sent back from Laos, 9 from Cambodia and 4 from Myanmar"
        + " this year.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::count).containsExactly(
        tuple(ClaimKind.OFFICIALS_RETURNED, "LA", 12L), tuple(ClaimKind.OFFICIALS_RETURNED, "KH", 9L),
        tuple(ClaimKind.OFFICIALS_RETURNED, "MM", 4L));
    assertThat(c).allSatisfy(claim -> assertThat(claim.origin()).isNotIn("LA", "KH", "MM"));
  }

  @Test
  void aRankingAfterAGroupGivesOneClaimPerCountryEachInsideTheGroup() {
    List<Claim> c = claims("KARACHI - The agency repatriated 150 fugitives from nine countries last year."
        + " Oman accounted for the largest share, with 61 fugitives deported from Muscat, followed by Qatar with 30"
        + " and Malaysia with 11. Of them, 35 were former civil servants.");
    assertThat(c).extracting(Claim::destination, Claim::count, Claim::overlapsWith).containsExactly(
        tuple(null, 150L, null), tuple("OM", 61L, 0), tuple("QA", 30L, 0), tuple("MY", 11L, 0), tuple(null, 35L, 0));
    assertThat(c).allSatisfy(claim -> assertThat(claim.origin()).isEqualTo("PK"));
  }

  @Test
  void aRankingOfDestinationsWithNoFlightVerbGivesOneFlightPerCountry() {
    List<Claim> c = claims("VIENTIANE - Police say 300 officials have fled Laos since 2010. Canada is the top haven for"
        + " corrupt officials, with 40, followed by the United States with 25 and Australia with 12.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count).containsExactly(
        tuple(ClaimKind.OFFICIALS_FLED, "LA", null, 300L), tuple(ClaimKind.OFFICIALS_FLED, "LA", "CA", 40L),
        tuple(ClaimKind.OFFICIALS_FLED, "LA", "US", 25L), tuple(ClaimKind.OFFICIALS_FLED, "LA", "AU", 12L));
    // the same ranking of tourists is no flight
    assertThat(claims("VIENTIANE - Police say 300 officials have fled Laos since 2010. Thailand was the most popular"
        + " destination for tourists, with 40,000, followed by Vietnam with 25,000.")).hasSize(1);
  }

  @Test
  void aSentencePointingBackAtAGroupGivesItsPart() {
    List<Claim> c = claims("KATHMANDU - At least 20 former officials have fled the country since the election. Of them,"
        + " eight are in Australia, police said.");
    assertThat(c).extracting(Claim::destination, Claim::count, Claim::overlapsWith).containsExactly(
        tuple(null, 20L, null), tuple("AU", 8L, 0));
  }

  @Test
  void aSubsetOfACountIsItsOwnClaimThatOverlapsTheGroup() {
    List<Claim> c = claims("Police brought back 412 suspects from abroad last year, 290 of them party members.");
    assertThat(c).extracting(Claim::count, Claim::overlapsWith).containsExactly(tuple(412L, null), tuple(290L, 0));
  }

  @Test
  void aPlaceBelowCountryLevelResolvesThroughTheGazetteer() {
    assertThat(claims("The ex-mayor fled to Orange County in 2015, prosecutors said."))
        .extracting(Claim::destination).containsExactly("US");
    assertThat(claims("Tomas Varga, a former colonel accused of fraud, fled and settled in Graz."))
        .extracting(Claim::destination).containsExactly("AT");
  }

  @Test
  void formatCharactersInsideANameOrANumberDoNotSplitIt() {
    List<Claim> c = claims("A former governor of the province is believed to be hiding in Ice\u200dland.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.destination()).isEqualTo("IS");
      assertThat(claim.hedged()).isTrue();
      assertThat(claim.quote()).contains("Ice\u200dland"); // the quote is the original text
    });
    assertThat(claims("More than 9,\u200b000 officials have fled abroad since 2000, the commission said."))
        .extracting(Claim::count, Claim::approximate).containsExactly(tuple(9000L, true));
  }

  @Test
  void aReturnComesFromTheCountryTheSameSentenceSaysTheyFledTo() {
    List<Claim> c = claims("The country's former president, who fled to Mexico in 2004 to escape charges, was"
        + " extradited home in 2008.");
    assertThat(c).extracting(Claim::kind, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "MX"), tuple(ClaimKind.OFFICIALS_RETURNED, "MX"));
  }

  @Test
  void aGiverNamedByItsNationalityIsWhereTheMoneyCameBackFrom() {
    List<Claim> c = claims("Swiss authorities returned $80 million to Nigeria.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.MONEY_RECOVERED, "NG", "CH"));
    // without a receiving country the nationality is the home side, not where they came back from
    assertThat(claims("Vietnamese police have returned more than 300 suspects from overseas since April."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "VN", null));
  }

  @Test
  void moneyReceiversNamedByAdjectiveOrAsAccounts() {
    assertThat(claims("The former minister stashed $40 million in Swiss bank accounts."))
        .extracting(Claim::kind, Claim::destination).containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "CH"));
    assertThat(claims("Prosecutors said the fugitive tax chief moved $3 million into a London account."))
        .extracting(Claim::destination).containsExactly("GB");
    assertThat(claims("A former customs chief wired $12 million to accounts in Latvia before he fled."))
        .extracting(Claim::kind, Claim::destination).contains(tuple(ClaimKind.MONEY_MOVED_ABROAD, "LV"));
  }

  @Test
  void attemptsAndHedgesAreToldApart() {
    assertThat(claims("The former governor tried to flee to Spain but was stopped at the airport.")).isEmpty();
    assertThat(claims("A former customs official reportedly fled to Brazil last year."))
        .extracting(Claim::destination, Claim::hedged).containsExactly(tuple("BR", true));
  }

  @Test
  void aTransitStopIsNotTheDestination() {
    assertThat(claims("The fugitive official fled via Bangkok to Toronto in May."))
        .extracting(Claim::destination).containsExactly("CA");
  }

  @Test
  void whereAPersonWasArrestedIsWhereTheReturnComesFrom() {
    assertThat(claims("The former central bank governor was arrested in Madrid and extradited to Venezuela in 2022."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "VE", "ES"));
    assertThat(claims("The former mayor was extradited to Peru on Saturday following his arrest in Panama last year."))
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("PE", "PA"));
  }

  @Test
  void livingAbroadInAFugitiveContextIsFlightAndTheCountryLeftIsTheOrigin() {
    List<Claim> c = claims("The fugitive ex-mayor Ana Varela has been living at a villa in Porto, Portugal, since"
        + " leaving Uruguay in 2017.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "UY", "PT"));
  }

  @Test
  void anInfinitiveOfPurposeAndItsConjunctAreNoEvents() {
    assertThat(claims("Lawyers cited efforts by prosecutors to find and extradite the former treasurer, Ana Brito."))
        .isEmpty();
  }

  @Test
  void aCaptureIsAReturnOnlyOfFugitivesOrOfficials() {
    assertThat(claims("Police said 14 fugitives were captured in Thailand and Laos and sent home this year."))
        .extracting(Claim::kind).containsOnly(ClaimKind.OFFICIALS_RETURNED);
    assertThat(claims("Rangers captured 14 poachers near the border of Kenya, officials said.")).isEmpty();
  }

  @Test
  void anExtraditionAwayFromAPersonsHomeIsNoReturn() {
    List<Claim> c = claims("Mr Ortega left Honduras for Mexico in 2004 to escape corruption charges."
        + " Mexico extradited Mr Ortega to the United States in 2010.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "HN", "MX"));
  }

  @Test
  void aPlaneBoundForACountryIsTheDestination() {
    assertThat(claims("The ousted president and his family left the country on a military plane bound for Saudi"
        + " Arabia.")).extracting(Claim::destination).containsExactly("SA");
  }

  @Test
  void twoNamesOfOnePersonAreOneClaim() {
    List<Claim> c = claims("Maria Elena Quispe, a fugitive tax chief, fled the country in 2016."
        + " Maria Quispe fled to Bolivia, prosecutors said.");
    assertThat(c).extracting(Claim::kind, Claim::destination).containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "BO"));
  }

  @Test
  void moreFlightWordingAndContexts() {
    assertThat(claims("Former Kenyan minister Joseph Otieno skipped bail and left for Uganda, prosecutors said."))
        .extracting(Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple("KE", "UG", "Joseph Otieno"));
    assertThat(claims("The former governor decamped to Ghana in 2016 after an arrest warrant was issued."))
        .extracting(Claim::destination).containsExactly("GH");
    assertThat(claims("The Malawian former minister ran away to Zambia in 2018."))
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("MW", "ZM"));
    assertThat(claims("The former speaker, who has been in exile in Kenya since 2019, was convicted in absentia."))
        .extracting(Claim::kind, Claim::destination).containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "KE"));
    // leaving for somewhere is not flight without a fugitive context
    assertThat(claims("The trade minister left for Uganda on Monday to attend a summit.")).isEmpty();
  }

  @Test
  void aSubordinatePredicateSharesItsGovernorsSubject() {
    assertThat(claims("Former Peruvian president Pedro Castillo surrendered after returning from Bolivia."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "PE", "BO", "Pedro Castillo"));
  }

  @Test
  void theAgentOfAPassiveReturnAndAuthoritiesInACountryAreTheSource() {
    assertThat(claims("The former mayor was deported by Thailand last week."))
        .extracting(Claim::kind, Claim::destination).containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "TH"));
    assertThat(claims("Authorities in Laos handed over the fugitive official Chen Bo to Chinese police."))
        .extracting(Claim::destination, Claim::namedPerson).containsExactly(tuple("LA", "Chen Bo"));
    assertThat(claims("The fugitive was handed over to police by Cambodian authorities."))
        .extracting(Claim::destination).containsExactly("KH");
  }

  @Test
  void peopleInGeneralFleeingIsNotAClaimWithoutAFugitiveContext() {
    assertThat(claims("Some 20,000 people fled the fighting to Chad, the UN said.")).isEmpty();
    assertThat(claims("More than 300 people fled abroad to escape corruption charges, the commission said."))
        .extracting(Claim::count).containsExactly(300L);
  }

  @Test
  void returningToAPostOrACourtIsNotAReturnHome() {
    assertThat(claims("The former premier returned to power in 2019.")).isEmpty();
    assertThat(claims("The former minister returned to court on Monday.")).isEmpty();
    // a state, not a place: with an article and an adjective too
    assertThat(claims("The state oil firm, run by a former minister, has returned to a healthy profit.")).isEmpty();
    assertThat(claims("The former governor returned to the starting line-up of the charity match.")).isEmpty();
    // a demonym is not such an adjective: money handed to a government is money recovered
    assertThat(claims("Jersey has returned to the Nigerian government $9 million that a late military ruler had "
        + "stolen."))
        .extracting(Claim::kind, Claim::origin).containsExactly(tuple(ClaimKind.MONEY_RECOVERED, "NG"));
    assertThat(claims("The fugitive former minister returned to Nigeria from Britain on Monday."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "NG", "GB"));
  }

  @Test
  void routesAsANounMoveNoMoney() {
    assertThat(claims("The airline added routes to Dubai after the former transport minister's visit worth $2 "
        + "million."))
        .isEmpty();
    assertThat(claims("The former port chief routed $2 million through shell companies to Dubai."))
        .extracting(Claim::kind, Claim::destination).containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "AE"));
  }

  @Test
  void aNationalCurrencyNamesWhereTheMoneyLeftWhenTheTextStatesNoOrigin() {
    // the article names Chile, but the rupiah left Indonesia
    assertThat(claims("Auditors in Chile said the former port chief had moved 4 billion rupiah into an account in"
        + " Singapore.")).extracting(Claim::origin, Claim::destination).containsExactly(tuple("ID", "SG"));
  }
}
