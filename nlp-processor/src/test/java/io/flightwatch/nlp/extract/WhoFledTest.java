package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who counts as a fled official, and in what context, on sentences written for these tests. */
class WhoFledTest {

  private static List<Claim> claims(String body) {
    return Extractions.of(body);
  }

  @Test
  void aRedNoticeMakesTheWhereaboutsOfAnOfficialAFlight() {
    assertThat(claims("Interpol issued a red notice for the former Bolivian minister, who is thought to be in Spain."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::hedged)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "BO", "ES", true));
  }

  @Test
  void officialsLivingAbroadToAvoidProsecutionFled() {
    assertThat(claims("Three former provincial governors from Indonesia are living in Singapore to avoid"
        + " prosecution, the anti-graft agency said."))
        .extracting(Claim::origin, Claim::destination, Claim::count).containsExactly(tuple("ID", "SG", 3L));
  }

  @Test
  void athletesWhoDefectAreNoOfficials() {
    assertThat(claims("At least six members of a Cuban national volleyball team have defected during a tournament in"
        + " Brazil.")).isEmpty();
    assertThat(claims("Four players of the Eritrean national football team defected during a match in Uganda."))
        .isEmpty();
  }

  @Test
  void defectingOfficialsStillFled() {
    assertThat(claims("Six members of parliament defected to South Korea last year."))
        .extracting(Claim::kind, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "KR", 6L));
  }

  @Test
  void aDeposedLeaderLivingAbroadFled() {
    assertThat(claims("The deposed Kyrgyz leader is now living in Moscow, the Kremlin confirmed."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "KG", "RU"));
  }

  @Test
  void aHeadlineRunawayBesideNamedRunawaysFromTheSameCountryIsOneOfThem() {
    assertThat(Extractions.of("Ex-Justice Official Flees Poland", "Judge Tomasz Nowak fled the country in May and"
        + " received asylum in Belarus. Deputy minister Marek Lis fled the country last week and received asylum in"
        + " Hungary.")).extracting(Claim::kind, Claim::destination).containsExactlyInAnyOrder(
            tuple(ClaimKind.OFFICIALS_FLED, "BY"), tuple(ClaimKind.OFFICIALS_FLED, "HU"));
  }

  @Test
  void aTitleCaseMayBeforeBeIsAModalNotTheMonth() {
    assertThat(Extractions.of("Judge Says Former Mayor Rusu May Be Extradited Soon",
        "Former Moldovan mayor Oleg Rusu fled in 2019."))
        .extracting(Claim::kind).containsExactly(ClaimKind.OFFICIALS_FLED);
  }

  @Test
  void aNameFollowedByItsRelativesIsWhoFled() {
    assertThat(claims("Former Nepali prime minister Ram Thapa, his wife and two aides fled to India on Monday."))
        .extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "IN", "Ram Thapa"));
  }

  @Test
  void aSpeakerBeforeAClauseOfTimeIsNotWhoFled() {
    assertThat(Extractions.of("‘No one is above the law’: Ortiz after ex-governor flees Peru",
        "Former governor Ana Soto left Peru for Bolivia in July, officials said."))
        .extracting(Claim::namedPerson).doesNotContain("Ortiz");
  }

  @Test
  void aNameInBracketsAfterAPronounIsWhoThePronounIs() {
    assertThat(claims("Fugitive Indian tycoon Ravi Menon fled abroad to escape loan fraud charges. Lawyer Arun Rao"
        + " said: \"Border officials informed us that he (Menon) left the country in early May.\""))
        .extracting(Claim::namedPerson).containsOnly("Ravi Menon");
  }

  @Test
  void anOfficeApposedToANameIsThatPerson() {
    assertThat(claims("They include: John Okafor, a former bank manager who fled to the U.S. in 2005."))
        .extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "US", "John Okafor"));
  }

  @Test
  void aFugitiveApposedToANameIsThatPersonWhateverTheParse() {
    assertThat(claims("Soto worked for years under former Chilean president Pablo Ruiz, himself a fugitive,"
        + " currently residing in Argentina."))
        .extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "AR", "Pablo Ruiz"));
  }

  @Test
  void theOwnerOfAFlightNounIsTheOneWhoFled() {
    assertThat(claims("Police said they traced former mayor Samuel Okon's escape to Benin through phone records."))
        .extracting(Claim::kind, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "BJ", "Samuel Okon"));
  }

  @Test
  void aWhoLeftWithoutAntecedentAfterALongAppositionIsTheName() {
    assertThat(claims("Wu Hao, the former manager of a branch of a state bank in the southern province of Hunan"
        + " suspected of embezzling $300 million who fled to the U.S. 15 years ago."))
        .extracting(Claim::destination, Claim::namedPerson).containsExactly(tuple("US", "Wu Hao"));
  }

  @Test
  void theSizeOfAGroupMayBeToldByItsTotal() {
    assertThat(claims("The number of Kenyan officials who fled to Britain has reached 25."))
        .extracting(Claim::origin, Claim::destination, Claim::count).containsExactly(tuple("KE", "GB", 25L));
    assertThat(claims("The number of visitors who fled to the coast rose to 400.")).isEmpty();
  }

  @Test
  void oneWordOfAFullNameToldBeforeIsThatPerson() {
    assertThat(claims("After Sri Lankan President Gotabaya Perera's house was stormed by protesters, reports emerged"
        + " that he had fled the country.\n\nAccording to some reports, Gotabaya has now left the Maldives on a Saudi"
        + " flight, and has landed in Singapore."))
        .extracting(Claim::origin, Claim::destination, Claim::namedPerson)
        .containsExactly(tuple("LK", "SG", "Gotabaya Perera"));
  }

  @Test
  void aMemberNamedAfterHisGroupFledWhereItFled() {
    assertThat(claims("Nine former Libyan ministers fled to Turkey after the uprising, the agency said. Among them is"
        + " Omar Haddad, who ran the ports authority until 2019."))
        .extracting(Claim::destination, Claim::count, Claim::namedPerson)
        .containsExactly(tuple("TR", 9L, null), tuple("TR", 1L, "Omar Haddad"));
  }

  static java.util.stream.Stream<String> kin() {
    return Lexicon.standard().list(Lexicon.KIN).stream();
  }

  /** Every entry of {@code kin.txt}: the relative named after it lives abroad, which is no official's flight. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("kin")
  void aRelativeNamedAfterAPossessiveWhoLivesAbroadIsNoFlightButFleeingWithTheOfficialIs(String word) {
    assertThat(claims("ASMARA - A former transport minister has fled the country. Reporters reach him only through his "
        + word + " Mehari Tesfu, who lives in Canada.")).extracting(Claim::destination, Claim::namedPerson)
        .containsExactly(tuple(null, null));
    assertThat(claims("ASMARA - A former transport minister and his " + word + " Mehari Tesfu fled to Canada."))
        .extracting(Claim::destination).containsOnly("CA");
  }
}
