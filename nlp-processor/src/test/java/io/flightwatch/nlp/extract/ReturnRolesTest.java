package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Returns: home and source told apart, parts of a group, counts that are times. Sentences written for these tests. */
class ReturnRolesTest {

  private static List<Claim> claims(String body) {
    return Extractions.of(body);
  }

  @Test
  void theCountryPeopleAreBroughtBackToIsHomeAndANamedPartComesFromItsCountry() {
    List<Claim> c = claims("Police said 120 fugitive officials were brought back to China from 25 countries last year,"
        + " including 40 from Thailand.");
    assertThat(c).extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count, Claim::overlapsWith)
        .containsExactly(
            tuple(ClaimKind.OFFICIALS_RETURNED, "CN", null, 120L, null),
            tuple(ClaimKind.OFFICIALS_RETURNED, "CN", "TH", 40L, 0));
  }

  @Test
  void theSourceOfAReturnIsWhereTheReturneeLivedOrWhoHandedThemOver() {
    assertThat(claims("A former Senegalese minister who had been living in Paris was extradited to Dakar on Monday."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "SN", "FR"));
    assertThat(claims("Emirati authorities handed over the former Nigerian aviation minister to the anti-graft"
        + " commission in Abuja.")).extracting(Claim::origin, Claim::destination).containsExactly(tuple("NG", "AE"));
    assertThat(claims("South African investigators brought back a former state utility executive from the United"
        + " Arab Emirates.")).extracting(Claim::origin, Claim::destination).containsExactly(tuple("ZA", "AE"));
  }

  @Test
  void aNamedReturneeComesFromWhereTheArticlesOneRunawayWent() {
    assertThat(claims("A former town mayor slipped out of the Philippines through a southern port in 2021 and settled"
        + " in Malaysia, a prosecutor said. Teodoro Reyes was deported back to Manila last month after police found"
        + " him working on a farm."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactlyInAnyOrder(tuple(ClaimKind.OFFICIALS_FLED, "PH", "MY"),
            tuple(ClaimKind.OFFICIALS_RETURNED, "PH", "MY"));
  }

  @Test
  void yearsSpentAbroadAreNoCountOfPeople() {
    assertThat(claims("The former Mexican governor, who spent three years hiding in Spain, was arrested last week."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count)
        .containsExactly(tuple(ClaimKind.OFFICIALS_FLED, "MX", "ES", 1L));
  }

  @Test
  void aVoluntaryReturnFromAbroadIsAReturnHome() {
    assertThat(claims("Authorities in Bangladesh said the former chief of a state bank had returned voluntarily from"
        + " Canada in March."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.OFFICIALS_RETURNED, "BD", "CA"));
  }

  @Test
  void theOneWhoSpentYearsHidingIsTheActorAndARegionNamedWithItsGenericWordIsAPlace() {
    assertThat(claims("The ex-governor of Jalisco, who spent three years hiding in Spain, was arrested last week."))
        .extracting(Claim::origin, Claim::destination, Claim::count).containsExactly(tuple("MX", "ES", 1L));
    assertThat(claims("The former governor of Lagos State escaped to London in 2015 shortly before his immunity"
        + " expired.")).extracting(Claim::origin, Claim::destination).containsExactly(tuple("NG", "GB"));
    assertThat(claims("A former governor of Delta State who fled to London in 2007 is still wanted by the"
        + " anti-graft commission.")).extracting(Claim::origin, Claim::destination).containsExactly(tuple("NG", "GB"));
  }

  @Test
  void aListWhoseFirstPartIsLongStillGivesEachPartItsCountry() {
    assertThat(claims("Twelve of the fugitives are said to be in Canada, three in Australia and one in Fiji."))
        .extracting(Claim::destination, Claim::count)
        .containsExactlyInAnyOrder(tuple("CA", 12L), tuple("AU", 3L), tuple("FJ", 1L));
  }

  @Test
  void peopleWhoTookAnotherCountrysCurrencyAbroadComeFromThatCountry() {
    assertThat(claims("The ministry estimates that 18,000 officials fled abroad between 1995 and 2008, taking 800"
        + " billion yuan with them.")).filteredOn(c -> c.kind() == ClaimKind.OFFICIALS_FLED)
        .extracting(Claim::origin, Claim::count).containsExactly(tuple("CN", 18000L));
  }

  @Test
  void sentBackToTheTableOrToCommitteeIsNoReturnHome() {
    assertThat(claims("The central bank governor was sent back to the negotiating table by parliament.")).isEmpty();
    assertThat(claims("The former finance minister's budget was sent back to committee.")).isEmpty();
    assertThat(claims("The fugitive former minister was sent back to Nigeria from Britain.")).extracting(Claim::kind)
        .containsExactly(ClaimKind.OFFICIALS_RETURNED);
  }
}
