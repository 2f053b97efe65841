package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one sentence leaves to another, or to a name inside an organisation: the host called "the country", the
 * runaway known by a surname, the country a return came from told by the arrival. Sentences written for these tests.
 */
class ArticleReferencesTest {

  private static List<Claim> claims(String body) {
    return Extractions.of(body);
  }

  @Test
  void theCountryThatTakesSomeoneInIsTheOneItsMinistryNamed() {
    assertThat(claims("The Foreign Ministry of Norway said on Monday that the country has taken in Moldova's former"
        + " prime minister Ivan Petrov and his family on humanitarian grounds."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "MD", "NO", "Ivan Petrov"));
  }

  @Test
  void aSurnameOfTwoWordsIsTheFullNameItEndsAndTakesItsNationality() {
    assertThat(claims("Crowds tore down posters of Abu Karim last spring. Former Chadian prime minister Idris Mahamat"
        + " Abu Karim's villa in Nice has been seized, French police said. Abu Karim has lived in exile in Cameroon"
        + " since 2021."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "TD", "CM", "Idris Mahamat Abu Karim"));
  }

  @Test
  void aPronounInAWhenClauseIsTheMainClausesSubjectNotANameInsideItsObject() {
    assertThat(claims("Park Sung-ho, North Korea's deputy ambassador to Britain, brought cash belonging to Kim when he"
        + " defected to South Korea."))
        .extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "KR", "Park Sung-ho"));
  }

  @Test
  void aLaterHeIsWhoAnEarlierHeOfTheSentenceIsNotTheNameBetween() {
    assertThat(claims("Former lawmaker Serhii Kovalenko has not been seen since May. By June 10, he was declared"
        + " missing by Anton Gerashchenko, an adviser to the interior minister, who confirmed a week later that he fled"
        + " to Russia through the occupied territories."))
        .extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "RU", "Serhii Kovalenko"));
  }

  @Test
  void aPronounUnderAClauseWhoseSubjectIsAnOfficeIsNotTheSpeakerBeforeIt() {
    assertThat(claims("Sri Lankan President Gotabaya Perera flew to the Maldives on Wednesday. The current speaker of"
        + " the Maldives, Mohamed Nasir, announced that Sri Lanka's embattled president has resigned just moments after"
        + " he landed in Singapore as he fled the island."))
        .extracting(Claim::kind, Claim::origin, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "LK", "Gotabaya Perera"));
  }

  @Test
  void aCountryInsideAnOrganisationsNameIsNoPlaceOfTheSentence() {
    // the ministry speaks; nobody went to Norway
    assertThat(claims("The Foreign Ministry of Norway said the former Moldovan minister fled to Portugal in 2019."))
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("MD", "PT"));
  }

  @Test
  void theNamedReturneeIsTheRunawayKnownBySurnameAndComesBackFromWhereHeFled() {
    List<Claim> c = claims("Lin Guoqiang, a former tax director from Fujian, returned to China and surrendered to"
        + " police last week, prosecutors said. A former director of a state-owned shipyard, Lin was accused of taking"
        + " bribes and fled to Malaysia in 2013.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::namedPerson).containsExactlyInAnyOrder(
        tuple(ClaimKind.OFFICIALS_RETURNED, "MY", "Lin Guoqiang"),
        tuple(ClaimKind.OFFICIALS_FLED, "MY", "Lin Guoqiang"));
  }

  @Test
  void aReturnWithNoCountryComesFromWhereTheArticleSaysThePersonArrivedFrom() {
    List<Claim> c = claims("Former Prime Minister Arjun Mehta of Nepal returned to Nepal on Monday after nine years of"
        + " self-imposed exile. Mehta flew in from Malaysia on a chartered plane and was taken to the Supreme Court.");
    assertThat(c).filteredOn(x -> x.kind() == ClaimKind.OFFICIALS_RETURNED)
        .extracting(Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple("NP", "MY", "Arjun Mehta"));
  }

  @Test
  void anArrivalOfSomeoneElseSaysNothingAboutTheReturn() {
    List<Claim> c = claims("Former Prime Minister Arjun Mehta of Nepal returned to Nepal on Monday after nine years of"
        + " self-imposed exile. His lawyer flew in from Malaysia a day later.");
    assertThat(c).filteredOn(x -> x.kind() == ClaimKind.OFFICIALS_RETURNED)
        .extracting(Claim::destination).containsExactly((String) null);
  }

  @Test
  void bothOfACoupleAreTwoAndTheyComeFromTheirProvincesCountry() {
    assertThat(claims("The couple, both former officials in Hunan province, fled to New Zealand in 2014."))
        .extracting(Claim::origin, Claim::destination, Claim::count).containsExactly(tuple("CN", "NZ", 2L));
  }

  @Test
  void anotherAmountMovedByAnUnnamedOfficialLeavesTheOfficialsCountryNotTheBanks() {
    assertThat(claims("The former Kenyan minister kept $7 million in Swiss banks and moved another $2 million to a"
        + " London account.")).extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "KE", "GB"));
  }

  @Test
  void aHeadlineSumWithNoPlaceIsTheSumTheBodySendsSomewhere() {
    List<Claim> c = claims("Prosecutors say ex-mayor sent $7 million offshore\n\nPROSECUTORS said on Tuesday that the"
        + " former mayor of a coastal city in Ecuador wired $7 million of public money to accounts in Panama.");
    assertThat(c).filteredOn(x -> x.kind() == ClaimKind.MONEY_MOVED_ABROAD)
        .extracting(Claim::origin, Claim::destination).containsExactly(tuple("EC", "PA"));
  }

  @Test
  void oneSumToldOfAnUnnamedAndThenOfANamedMoverIsOneClaim() {
    List<Claim> c = claims("Colombian prosecutors charged a former mayor of Cali with laundering 9 billion pesos"
        + " through accounts in Spain. They said Pedro Vargas transferred the money to Spanish banks between 2016"
        + " and 2019.");
    assertThat(c).filteredOn(x -> x.kind() == ClaimKind.MONEY_MOVED_ABROAD)
        .extracting(Claim::destination).containsExactly("ES");
  }
}
