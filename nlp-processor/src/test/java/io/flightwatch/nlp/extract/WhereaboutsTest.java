package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a fugitive is and where he came from, on sentences written for these tests. */
class WhereaboutsTest {

  private static List<Claim> claims(String body) {
    return Extractions.of(body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vacation", "holiday"})
  void aTripAbroadToldAfterAReturnIsWhereItCameFromButNoFlight(String trip) {
    assertThat(claims("SANTIAGO - Chile's former housing minister Rosa Vidal, sought over a land deal, was arrested in"
        + " Santiago on Monday. Vidal was arrested after returning to Chile on Monday. She had been on " + trip
        + " in Spain for three months."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "CL", "ES"));
  }

  @Test
  void aHeadlineFlightWithNoCountryIsTheBodysFlight() {
    assertThat(claims("Banker flees with deposits\n\nHANOI - The former chairman of a Vietnamese state bank fled to"
        + " Canada last year, police said."))
        .filteredOn(c -> c.kind() == ClaimKind.OFFICIALS_FLED)
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("VN", "CA"));
  }

  @Test
  void aHeadlinePlaceAfterInSaysWhereNotWhose() {
    assertThat(claims("Governor laundered billions in Dubai\n\nLAGOS - Prosecutors say a former governor of Oyo State"
        + " laundered N2.5 billion through property purchases in Dubai. Court documents show he also siphoned over"
        + " $100 million into offshore accounts in the British Virgin Islands."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactlyInAnyOrder(tuple(ClaimKind.MONEY_MOVED_ABROAD, "NG", "AE"),
            tuple(ClaimKind.MONEY_MOVED_ABROAD, "NG", "VG"));
  }

  @Test
  void theCountryAskedToExtraditeHoldsTheFugitive() {
    assertThat(claims("Sri Lanka has asked Singapore to extradite a former central bank governor who fled in 2015."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "LK", "SG"));
    assertThat(claims("Prosecutors in Quito are seeking the extradition from Spain of a former Ecuadorian minister who"
        + " fled in 2019."))
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("EC", "ES"));
  }

  @Test
  void thereIsThePlaceNamedBeforeItInTheSentence() {
    assertThat(claims("Sri Lanka seeks fugitive banker\n\nSri Lanka has asked Singapore to extradite a former central"
        + " bank governor who left the island in 2015 and now lives there."))
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("LK", "SG"));
  }

  @Test
  void thereIsNotAPlaceInThePersonsOwnTitle() {
    assertThat(claims("A former Venezuelan mayor who escaped house arrest in 2017 has been found in Madrid. Spanish"
        + " police said that the former mayor of a Caracas district had applied for asylum there."))
        .extracting(Claim::kind, Claim::destination).doesNotContain(tuple(ClaimKind.OFFICIALS_FLED, "VE"));
  }

  @Test
  void aNameBeforeALongRelativeClauseIsTheActorTheParserLost() {
    assertThat(claims("Guinea's military authorities have asked Senegal to hand over a former finance minister who"
        + " fled the country after the coup. Mamadi Touray, who is accused of embezzling public funds, is now living"
        + " in exile in Dakar, according to a government spokesman."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "GN", "SN", "Mamadi Touray"));
  }

  @Test
  void aDatelineDoesNotSwallowTheCountAfterIt() {
    assertThat(claims("Hiding in plain sight\n\nKAMPALA - Two former ministers wanted for embezzling pension funds are"
        + " living openly in London, Ugandan officials complained on Wednesday."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "UG", "GB", 2L));
  }

  @Test
  void aDiplomatWhoDefectsIsAnOfficialWhoFled() {
    assertThat(claims("SEOUL - A North Korean diplomat posted in Kuwait defected to South Korea last year, the"
        + " intelligence service said."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "KP", "KR"));
  }

  @Test
  void wherePartOfAGroupHidesIsNotWhereTheyCameFrom() {
    assertThat(claims("ISLAMABAD - Pakistan's anti-graft bureau says 27 suspects, among them three former federal"
        + " secretaries, are hiding abroad, most of them in the United Arab Emirates and Britain."))
        .filteredOn(c -> c.count() == 27L)
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("PK", null));
  }

  @Test
  void aFugitiveCaughtAbroadIsNotYetBack() {
    assertThat(claims("Fugitive ex-minister caught in Brazil")).isEmpty();
    assertThat(claims("Police said 51 fugitives were captured and brought back last year."))
        .extracting(Claim::kind, Claim::count).containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, 51L));
  }

  @Test
  void leavingDaysBeforeBeingChargedIsFlight() {
    assertThat(claims("The former chairman of an Egyptian state bank left the country for London days before he was"
        + " charged, prosecutors said."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "EG", "GB"));
  }

  @Test
  void aDatelineDoesNotEndTheHeadlinesStory() {
    assertThat(claims("Sri Lanka seeks fugitive\n\nCOLOMBO - Sri Lanka has asked Singapore to extradite a former"
        + " central bank governor who left the island in 2015 and now lives there."))
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("LK", "SG"));
  }

  @Test
  void theSecondPlaceOfAPhraseIsWhereToo() {
    assertThat(claims("Bangladesh lawmakers abroad\n\nDHAKA - At least 20 former lawmakers of the toppled ruling party"
        + " have fled to India, while others are believed to be hiding in Dubai and London, police said."))
        .filteredOn(c -> c.count() == 20L)
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("BD", "IN"));
  }

  @Test
  void aScareQuotedLabelDoesNotCutTheCountFromItsNoun() {
    assertThat(claims("Hanoi wants its fugitives back. An official said that most of the remaining 30 \"red notice\""
        + " fugitives were hiding in developed countries."))
        .extracting(Claim::kind, Claim::count).containsExactly(tuple(ClaimKind.OFFICIALS_FLED, 30L));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "Bello was arrested in Dubai in March on an Interpol red notice.|AE",
      "Bello, who had been living in London since 2019, was met at the airport by detectives.|GB",
      "Bello had been in custody in the Maldives since October.|MV",
      "Bello fled to Bolivia in 2021 after he was charged.|BO",
      "Bello arrived in Abuja on a commercial flight from Bangkok, escorted by police.|TH",
      "Bello was picked up by police in Osaka in August.|JP",
      "Bello had been hiding in Accra under a false name.|GH",
      "Bello was detained in Johannesburg last month after a tip-off.|ZA",
      "Bello was held in Doha for three weeks.|QA",
      "Bello was caught in Nairobi with a forged passport.|KE",
      "Bello was apprehended in Lome by border police.|TG",
      "Bello was captured in Panama last year.|PA",
      "Bello was nabbed in Cotonou in June.|BJ",
      "Bello had resided in Toronto since 2016.|CA",
      "Bello had sheltered in Dakar with relatives.|SN",
      "Bello had stayed in Paris since 2018.|FR",
      "Bello had settled in Houston with his family.|US",
      "Bello had been based in Istanbul since 2020.|TR",
      "Bello had been in detention in Kampala since May.|UG",
      "Bello was jailed in Dubai for forgery in 2022.|AE",
      "Bello was imprisoned in Beirut for a year.|LB",
      "Bello escaped to Cameroon in 2019.|CM",
      "Bello absconded to Ghana in 2019.|GH",
      "Bello was traced to Madrid by Interpol.|ES",
      "Bello landed in Abuja on a chartered plane from Doha.|QA",
      "Bello arrived in Abuja on a private jet from Riyadh.|SA"})
  void aReturnWithNoCountryComesFromWhereTheArticlePlacedThePerson(String where, String from) {
    assertThat(claims("Nigeria's former aviation minister Musa Bello has been extradited to Abuja to face trial, the"
        + " anti-graft agency said. " + where))
        .filteredOn(c -> c.kind() == ClaimKind.OFFICIALS_RETURNED)
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("NG", from));
  }

  @Test
  void heInTheSentencesAfterAnUnnamedReturnIsTheReturnee() {
    assertThat(claims("A former Ugandan permanent secretary wanted for fraud was flown back to Kampala on Wednesday."
        + " Officials said he was arrested in Nairobi two weeks ago."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "UG", "KE"));
  }

  @Test
  void aPlaceAtHomeOrSomeoneElsesPlaceSaysNothing() {
    assertThat(claims("Nigeria's former aviation minister Musa Bello has been extradited to face trial, the agency"
        + " said. Bello was arrested in Lagos on arrival. His lawyer, Ade Cole, was detained in London last year."))
        .filteredOn(c -> c.kind() == ClaimKind.OFFICIALS_RETURNED)
        .extracting(Claim::destination).containsExactly((String) null);
  }

  @Test
  void theArrivalOfSomeoneThePersonOwnsSaysNothing() {
    assertThat(claims("Nigeria's former aviation minister Musa Bello has been extradited to face trial, the agency"
        + " said. Bello's lawyer flew in from London on Tuesday."))
        .filteredOn(c -> c.kind() == ClaimKind.OFFICIALS_RETURNED)
        .extracting(Claim::destination).containsExactly((String) null);
  }

  @Test
  void aRelativeWhereAfterAPlaceIsWhereTheFugitiveHid() {
    assertThat(claims("The Philippines brought home its former immigration chief, Dante Reyes, on Saturday. Reyes"
        + " was picked up by Japanese police in Osaka in August, where he had been hiding since 2022."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactlyInAnyOrder(tuple(ClaimKind.OFFICIALS_RETURNED, "PH", "JP"),
            tuple(ClaimKind.OFFICIALS_FLED, "PH", "JP"));
  }
}
