package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the word lists added with the phrasing probes, in a sentence of our own: the places one leaves without
 * leaving the country ({@code local-places.txt}), the words for an official ({@code officials.txt}) and the participles
 * the tagger misreads ({@code participles.txt}), and the business people who count one by one
 * ({@code business-people.txt}), the relatives ({@code family.txt}) and the facilities a name can stand before
 * ({@code facilities.txt}), the last words of a firm's name ({@code organisation-ends.txt}) and the regions beside a
 * country ({@code regions.txt}), the kinds of case an "-ing" word can name ({@code crime-cases.txt}) and the nouns
 * that rank a country as where runaways went ({@code ranked-destinations.txt}), and the bodies whose members are
 * officials ({@code official-bodies.txt}).
 */
class WordListEntriesTest {

  private static List<Claim> claims(String body) {
    return Extractions.of(body);
  }

  static Stream<String> localPlaces() {
    return entries("local-places.txt");
  }

  static Stream<String> officials() {
    return entries("officials.txt");
  }

  static Stream<String> businessPeople() {
    return entries("business-people.txt");
  }

  static Stream<String> genericPeople() {
    return entries("generic-people.txt");
  }

  @ParameterizedTest
  @MethodSource("genericPeople")
  void aCrowdOfPeopleFleeingIsNoClaimButFugitivesAmongThemAre(String word) {
    String plural = word.equals("people") ? word : word.equals("person") ? "persons"
        : word.equals("family") ? "families" : word + "s";
    assertThat(claims("About 12,000 Bhutanese " + plural + " have fled to Nepal since the early 1990s.")).isEmpty();
    if (word.equals("family")) {
      return; // families wanted for fraud are their members, counted as relatives (family.txt)
    }
    assertThat(claims("About 120 Bhutanese " + plural + " wanted for fraud have fled to Nepal since 2010."))
        .extracting(Claim::kind, Claim::destination, Claim::count).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "NP", 120L));
  }

  static Stream<String> doneInPast() {
    return entries("done-in-past.txt");
  }

  @ParameterizedTest
  @MethodSource("doneInPast")
  void helpGivenIsAFlightDoneAndHelpOfferedIsNone(String verb) {
    assertThat(claims("Ousted Burkina Faso leader Jean Kabore is in good spirits, his aides said. France " + verb
        + "ed Kabore flee the country.")).extracting(Claim::kind, Claim::origin, Claim::namedPerson)
        .containsExactly(org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "BF", "Jean Kabore"));
    assertThat(claims("The opposition offered to " + verb + " the former minister flee the country.")).isEmpty();
  }

  static Stream<String> otherParties() {
    return entries("other-parties.txt");
  }

  @ParameterizedTest
  @MethodSource("otherParties")
  void aDemonymOnAnotherPartyIsNotWhoseOfficialsTheyAre(String word) {
    String plural = word.endsWith("ship") ? word : word.endsWith("man") ? word.replaceAll("man$", "men") : word + "s";
    assertThat(claims("Bolivian prosecutors charged the former minister with fraud. He fled to the United States after"
        + " a meeting with Peruvian " + plural + " in Miami."))
        .extracting(Claim::kind, Claim::origin, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "BO", "US"));
  }

  static Stream<String> participles() {
    return entries("participles.txt");
  }

  static Stream<String> officialBodies() {
    return entries("official-bodies.txt");
  }

  @ParameterizedTest
  @MethodSource("officialBodies")
  void membersOfAnOfficialBodyAreOfficialsAndCountedForTheyAfterThem(String body) {
    assertThat(claims("Four members of the Beninese " + body + " fled to Nigeria on Monday, a minister said."))
        .extracting(Claim::kind, Claim::destination, Claim::count, Claim::subject).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "NG", 4L,
                io.flightwatch.common.Subject.OFFICIALS));
    assertThat(claims("A minister said Benin had lost four members of its " + body + ". They fled to Nigeria."))
        .extracting(Claim::count).containsExactly(4L);
  }

  private static Stream<String> entries(String file) {
    return ResourceLines.read(Lexicon.BASE + file).stream().map(l -> l.text().strip());
  }

  @ParameterizedTest
  @MethodSource("localPlaces")
  void fleeingALocalPlaceIsNoFlightButLeavingItForACountryIs(String place) {
    assertThat(claims("The former governor fled the " + place + " through a side exit.")).isEmpty();
    assertThat(claims("The former governor fled the " + place + " and escaped to Canada."))
        .extracting(Claim::kind, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "CA"));
  }

  static Stream<String> displacedPeople() {
    return entries("displaced-people.txt");
  }

  static Stream<String> hazards() {
    return entries("hazards.txt");
  }

  static Stream<String> ordinaryFlows() {
    return entries("ordinary-flows.txt");
  }

  @ParameterizedTest
  @MethodSource("ordinaryFlows")
  void ordinaryMoneySentHomeIsNoRecovery(String flow) {
    assertThat(claims("DHAKA - The " + flow
        + " sent home by Bangladeshi workers abroad reached $3.3 billion in March.")).isEmpty();
    assertThat(claims("DHAKA - The money sent home by Bangladeshi officials abroad reached $3.3 billion in March."))
        .extracting(Claim::kind).containsExactly(ClaimKind.MONEY_RECOVERED);
  }

  static Stream<String> ordinarySenders() {
    return entries("ordinary-senders.txt");
  }

  @ParameterizedTest
  @MethodSource("ordinarySenders")
  void moneyOrdinaryPeopleSendHomeIsNoRecovery(String sender) {
    assertThat(claims("DHAKA - The " + sender + "s abroad sent home $3.3 billion in March, the central bank said."))
        .isEmpty();
    assertThat(claims("DHAKA - Bangladesh remains a large recipient of remittances, with " + sender
        + "s in the Gulf sending home billions of dollars each year.")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void anAmountOfAnOrdinaryFlowOrSentByAPeopleIsNoRecovery() {
    assertThat(claims("ABUJA - Nigerians living abroad sent home an estimated $20bn in remittances last year."))
        .isEmpty();
    assertThat(claims("ABUJA - The former officials abroad sent home an estimated $20bn in remittances last year."))
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("displacedPeople")
  void displacedPeopleFleeingAreNeverOfficialsOnTheRun(String word) {
    // "Some 2,000 people fled to Uganda" in this context counts (the control is in fleeingAHazard...)
    assertThat(claims("Three former Kenyan ministers remain fugitives abroad. Some 2,000 " + word
        + "s fled to Uganda last year.")).extracting(Claim::count).containsExactly(3L);
  }

  static Stream<String> pairRefs() {
    return entries("pair-refs.txt");
  }

  @ParameterizedTest
  @MethodSource("pairRefs")
  void theBrothersArePeopleNamedJustBefore(String word) {
    String plural = word.equals("pair") || word.equals("duo") || word.equals("trio") ? word : word + "s";
    assertThat(claims("JOHANNESBURG - Former ministers Atul and Rajesh Mehta were charged with fraud in 2017. The "
        + plural + " fled South Africa in 2018 and took refuge in Dubai."))
        .extracting(Claim::kind, Claim::destination, Claim::namedPerson).containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "AE", "Atul"),
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "AE", "Rajesh Mehta"));
  }

  static Stream<String> breaks() {
    return entries("breaks.txt");
  }

  @ParameterizedTest
  @MethodSource("breaks")
  void comingBackFromABreakIsNoReturnHome(String what) {
    assertThat(claims("Three former Kyrgyz officials remain fugitives abroad. The former deputy minister returned"
        + " from " + what + " last week.")).extracting(Claim::count).containsExactly(3L);
  }

  @ParameterizedTest
  @MethodSource("hazards")
  void fleeingAHazardIsNoFugitivesFlight(String hazard) {
    assertThat(claims("Three former Kenyan ministers remain fugitives abroad. Some 2,000 people fled the "
        + hazard + " into Uganda last year.")).extracting(Claim::count).containsExactly(3L);
    // in the same fugitive context, people who fled a place do count: only what they fled differs
    assertThat(claims("Three former Kenyan ministers remain fugitives abroad. Some 2,000 people fled the "
        + "capital into Uganda last year.")).extracting(Claim::count).containsExactlyInAnyOrder(3L, 2000L);
  }

  @ParameterizedTest
  @MethodSource("officials")
  void everyOfficialsWordIsOnePersonWhoCanFlee(String word) {
    assertThat(claims("A former Peruvian " + word + " fled to Chile in 2019."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "PE", "CL", 1L));
  }

  @ParameterizedTest
  @MethodSource("participles")
  void aParticipleAfterItsNounLeavesTheSubjectToTheMainVerb(String participle) {
    assertThat(claims("A former Malaysian minister " + participle + " in the fraud case was extradited from Japan"
        + " last week."))
        .extracting(Claim::kind, Claim::origin, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_RETURNED, "MY", "JP"));
  }

  static Stream<String> crimeCases() {
    return entries("crime-cases.txt");
  }

  @ParameterizedTest
  @MethodSource("crimeCases")
  void anIngWordNamingTheKindOfCaseLeavesTheSubjectToTheMainVerb(String noun) {
    assertThat(claims("Wang Lei, an accountant involved in a 12-million-yuan (US$1.7 million) embezzling " + noun
        + ", was repatriated to China on Monday after seven years in hiding in Malaysia, police said."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::namedPerson).contains(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_RETURNED, "CN", "MY", "Wang Lei"));
  }

  static Stream<String> rankedDestinations() {
    return entries("ranked-destinations.txt");
  }

  @ParameterizedTest
  @MethodSource("rankedDestinations")
  void aCountryRankedFirstAsWhereRunawaysWentIsAFlightLikeTheOnesAfterIt(String noun) {
    assertThat(claims("BOGOTA - Some 90 fugitives have fled Colombia since 2015. Panama was the main " + noun
        + " for fugitives, with 31, followed by Ecuador with 12."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "CO", null, 90L),
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "CO", "PA", 31L),
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "CO", "EC", 12L));
  }

  @ParameterizedTest
  @MethodSource("businessPeople")
  void everyBusinessPersonWhoFleesIsOneNonOfficialButAPluralIsNoCrowdOfRunaways(String word) {
    assertThat(claims("A Ghanaian " + word + " wanted over a failed bank fled to Ivory Coast last year."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count, Claim::subject).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "GH", "CI", 1L,
                io.flightwatch.common.Subject.NON_OFFICIAL));
    String plural = word.endsWith("man") ? word.substring(0, word.length() - 3) + "men" : word + "s";
    assertThat(claims("Two Ghanaian " + plural + " residing in Ivory Coast were charged with paying bribes."))
        .isEmpty();
  }

  static Stream<String> singleRelatives() {
    // the plural and collective entries (children, kin, couple, family) name no one relative
    return entries("family.txt").filter(w -> !w.endsWith("s") && !w.equals("children") && !w.equals("kin")
        && !w.equals("couple") && !w.equals("family"));
  }

  @ParameterizedTest
  @MethodSource("singleRelatives")
  void aRelativeWhoFleesIsAFamilyFlightButOneWhoMovesIsNot(String word) {
    assertThat(claims("The former Peruvian minister's " + word + " fled to Chile in 2019."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::count, Claim::subject).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_FLED, "PE", "CL", 1L,
                io.flightwatch.common.Subject.FAMILY));
    assertThat(claims("The former Peruvian minister's " + word + " moved to Chile in 2019 to study.")).isEmpty();
  }

  static Stream<String> facilities() {
    return entries("facilities.txt");
  }

  @ParameterizedTest
  @MethodSource("facilities")
  void aNameBeforeAFacilityIsNoPersonAHeCouldStandFor(String facility) {
    // "He" is the mayor, not "Clark": the mayor was placed in Tokyo, so his return comes from Japan
    assertThat(claims("Former Cebu mayor Dante Olivares left the country through the Clark " + facility + " in 2020."
        + " Olivares was arrested in Tokyo last month. He was flown back to Manila on Wednesday."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::namedPerson).contains(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_RETURNED, "PH", "JP", "Dante Olivares"));
  }

  static Stream<String> organisationEnds() {
    return entries("organisation-ends.txt");
  }

  @ParameterizedTest
  @MethodSource("organisationEnds")
  void aCreditLineIsNoPersonAHeCouldStandFor(String end) {
    String word = Character.toUpperCase(end.charAt(0)) + end.substring(1);
    assertThat(claims("A former Turkish tax official who fled in 2019 has come home. Photo: Kemal Arslan " + word
        + ". He had been on the run for three years before he surrendered, prosecutors said."))
        .extracting(Claim::namedPerson).allSatisfy(name -> assertThat(name).isNull());
  }

  static Stream<String> regions() {
    return entries("regions.txt");
  }

  @ParameterizedTest
  @MethodSource("regions")
  void aCountryBesideARegionIsOneOfSeveralPlaces(String region) {
    String name = region.equals("east") ? "the Far East" : region.equals("gulf") ? "the Gulf"
        : Character.toUpperCase(region.charAt(0)) + region.substring(1);
    assertThat(claims("MADRID - Former Spanish police chief Luis Prado hid $40 million in bank accounts in Andorra and "
        + name + ", prosecutors said."))
        .extracting(Claim::kind, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.MONEY_MOVED_ABROAD, null));
  }

  /** Where each entry of {@code abroad.txt} puts a sum of ours: outside the country, no single one named. */
  private static final java.util.Map<String, String> MOVED_ABROAD = java.util.Map.ofEntries(
      java.util.Map.entry("abroad", "laundered $30 million abroad"),
      java.util.Map.entry("overseas", "laundered $30 million overseas"),
      java.util.Map.entry("offshore", "laundered $30 million through offshore accounts"),
      java.util.Map.entry("out", "smuggled $30 million out of the country"),
      java.util.Map.entry("foreign account", "laundered $30 million into his foreign accounts"),
      java.util.Map.entry("foreign bank", "laundered $30 million into a foreign bank"),
      java.util.Map.entry("across europe", "laundered $30 million into bank accounts across Europe"),
      java.util.Map.entry("across asia", "laundered $30 million into bank accounts across Asia"),
      java.util.Map.entry("across africa", "laundered $30 million into bank accounts across Africa"),
      java.util.Map.entry("throughout europe", "laundered $30 million into bank accounts throughout Europe"),
      java.util.Map.entry("foreign property",
          "who laundered millions, used stolen funds to buy two foreign properties worth $30 million"),
      java.util.Map.entry("around the world", "laundered $30 million into bank accounts around the world"),
      java.util.Map.entry("across the world", "laundered $30 million into bank accounts across the world"),
      java.util.Map.entry("around the globe", "laundered $30 million into bank accounts around the globe"),
      java.util.Map.entry("across the globe", "laundered $30 million into bank accounts across the globe"));

  static Stream<String> abroad() {
    return entries("abroad.txt");
  }

  @ParameterizedTest
  @MethodSource("abroad")
  void aWordForAbroadSendsASumOutOfTheCountryWithNoCountryNamed(String entry) {
    assertThat(MOVED_ABROAD).containsKey(entry);
    assertThat(claims("PESHAWAR - The former minister " + MOVED_ABROAD.get(entry) + ", investigators said."))
        .extracting(Claim::kind, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.MONEY_MOVED_ABROAD, null));
    // without the word, nothing says the money left
    assertThat(claims("PESHAWAR - The former minister laundered $30 million into bank accounts, investigators said."))
        .isEmpty();
  }

  /** A recovery of ours for each entry of {@code recovery-abroad.txt}: the word alone puts the money abroad. */
  private static final java.util.Map<String, String> RECOVERED_ABROAD = java.util.Map.of(
      "repatriat*", "The agency said it had recovered $40 million of repatriated funds from the former officials.",
      "fugitive*", "The agency recovered $40 million from the former officials while tracking down fugitives.",
      "countries", "The agency recovered $40 million from the former officials with the help of five countries.",
      "jurisdiction*", "The agency recovered $40 million from the former officials held in other jurisdictions.",
      "international*", "The agency recovered $40 million from the former officials through international cooperation.",
      "interpol", "The agency recovered $40 million from the former officials with the help of Interpol.",
      "foreign", "The agency recovered $40 million from the former officials with the help of foreign prosecutors.",
      "extradit*", "The agency recovered $40 million from the former officials after they were extradited.");

  static Stream<String> recoveryAbroad() {
    return entries("recovery-abroad.txt");
  }

  @ParameterizedTest
  @MethodSource("recoveryAbroad")
  void aWordOfTheHuntAbroadMakesARecoveryWithNoCountryMoneyBackFromAbroad(String entry) {
    assertThat(RECOVERED_ABROAD).containsKey(entry);
    assertThat(claims(RECOVERED_ABROAD.get(entry))).extracting(Claim::kind)
        .containsExactly(ClaimKind.MONEY_RECOVERED);
  }

  @org.junit.jupiter.api.Test
  void aRecoveryWithNoWordOfAbroadNearIsARecoveryAtHome() {
    assertThat(claims("The agency recovered $40 million from the former officials last year.")).isEmpty();
    assertThat(claims("The money had been hidden abroad. The agency recovered $40 million from the former officials."))
        .extracting(Claim::kind).containsExactly(ClaimKind.MONEY_RECOVERED);
    assertThat(claims("The former Chinese official fled to Canada in 2015. She was accused of taking bribes worth"
        + " $30 million. Of that, $5 million has been recovered, the authorities said."))
        .extracting(Claim::kind).contains(ClaimKind.MONEY_RECOVERED);
  }

  static Stream<String> remains() {
    return entries("remains.txt");
  }

  @ParameterizedTest
  @MethodSource("remains")
  void whatIsLeftOfTheDeadBroughtHomeIsNoReturnButTheLivingOfficialIs(String word) {
    assertThat(claims("MANILA - The " + word + " of the former governor were repatriated from Japan.")).isEmpty();
    assertThat(claims("MANILA - The former governor was repatriated from Japan."))
        .extracting(Claim::kind, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.OFFICIALS_RETURNED, "JP"));
  }

  static Stream<String> sentAway() {
    return entries("sent-away.txt");
  }

  @ParameterizedTest
  @MethodSource("sentAway")
  void recoveredMoneyCameBackFromWhereTheSentenceSaysItWasSent(String verb) {
    String participle = switch (verb) {
      case "transfer" -> "transferred";
      case "channel" -> "channelled";
      case "funnel" -> "funnelled";
      default -> verb.endsWith("e") ? verb + "d" : verb + "ed";
    };
    assertThat(claims("The agency has recovered $2.4 million " + participle
        + " to Malaysia by a former Kenyan minister."))
        .extracting(Claim::kind, Claim::origin, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple(ClaimKind.MONEY_RECOVERED, "KE", "MY"));
  }
}
