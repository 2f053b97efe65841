package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Money claims ({@link MoneyFrame}, {@link MoneyReader}) end to end, one construction per test, on sentences written
 * for this test: transfers that name no amount, the country a recovery came from, and what must stay no claim.
 */
class MoneyFrameTest {

  private static List<Claim> claims(String body) {
    return Extractions.of(body);
  }

  private static List<Claim> money(String body) {
    return claims(body).stream().filter(c -> c.kind().isMoney()).toList();
  }

  static Stream<String> payingMoney() {
    return Lexicon.standard().list(Lexicon.PAYING_MONEY).stream();
  }

  /** Every entry of {@code paying-money.txt}, read by a trigger rule, a Semgrex role and {@code paidWith} alike. */
  @ParameterizedTest
  @MethodSource("payingMoney")
  void aFlatAbroadPaidWithMoneyOfTheListIsMoneyMovedThereAndWithSavingsItIsNot(String word) {
    String plural = word.endsWith("s") || word.equals("money") || word.equals("loot") ? word : word + "s";
    assertThat(money("MASERU - The former minister bought a flat in Cape Town with the " + plural
        + " of the road contracts.")).extracting(Claim::kind, Claim::destination, Claim::amount)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "ZA", null));
    assertThat(money("MASERU - The former minister bought a flat in Cape Town with his savings.")).isEmpty();
  }

  @Test
  void aRuleNamesAWordListAndAnUnknownListIsAnErrorAtLoad() {
    assertThat(Lexicon.standard().expand("{word:/(?i)(?:@{paying-money})s?/}"))
        .isEqualTo("{word:/(?i)(?:bribe|fund|kickback|loot|money|proceeds)s?/}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lexicon.standard().expand("{lemma:/@{no-such-list}/}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-list");
  }

  @Test
  void assetsTakenAlongOnAFlightCarryTheSumThatSizesThem() {
    assertThat(money("BEIJING - Researchers estimate that some 7,000 cadres escaped abroad during the 2000s with"
        + " assets totalling 400 billion yuan.")).singleElement().satisfies(c -> {
          assertThat(c.amount()).isEqualByComparingTo("400000000000");
          assertThat(c.currency()).isEqualTo("CNY");
          assertThat(c.destination()).isNull();
        });
  }

  // --- transfers with no amount: a vague claim when money goes to a named country -----------------------------------

  @Test
  void kickbacksSentToAForeignCompanyAreMoneyMovedEvenWhenTheParserHangsTheClauseOnTheFirms() {
    List<Claim> c = money("Investigators say the port director took kickbacks from shipping firms which were sent to"
        + " a Malta-registered company.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::amount)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "MT", null));
  }

  @Test
  void whatWasStashedInBankAccountsIsMoneyAndSeveralCountriesAreMentionedNotOneDestination() {
    List<Claim> c = money("Auditors said the minister had received payments on road contracts since 2004, which he"
        + " stashed away in bank accounts in Austria, Chile and Norway.");
    assertThat(c).singleElement().satisfies(claim -> {
      assertThat(claim.kind()).isEqualTo(ClaimKind.MONEY_MOVED_ABROAD);
      assertThat(claim.destination()).isNull();
      assertThat(claim.destinationsMentioned()).containsExactly("AT", "CL", "NO");
    });
  }

  @Test
  void paymentsTransferredAbroadAreMoneyWhenTheParserReadsTheVerbAsAnAdjective() {
    assertThat(money("The mayor of Tarnów is accused of transferring illicit payments to bank accounts in Florida."))
        .extracting(Claim::destination, Claim::origin).containsExactly(tuple("US", "PL"));
  }

  @Test
  void bribesAndAFortuneAreMoneyThatCanBeMoved() {
    assertThat(money("The judge said the colonel wired the bribes to an account in Latvia."))
        .extracting(Claim::destination).containsExactly("LV");
    assertThat(money("The former governor smuggled his fortune to Dubai before the audit."))
        .extracting(Claim::destination).containsExactly("AE");
  }

  @Test
  void peopleAndPapersSentAbroadAreNoMoney() {
    assertThat(money("The governor sent documents to a lawyer in Panama.")).isEmpty();
    assertThat(money("He sent his two sons to study in Canada.")).isEmpty();
  }

  @Test
  void moneySentWithNeitherAnAmountNorACountrySaysTooLittle() {
    assertThat(money("The former treasurer sent the kickbacks abroad.")).isEmpty();
  }

  @Test
  void moneySmuggledAbroadWithNoSumIsAVagueTransfer() {
    assertThat(money("The former treasurer smuggled the kickbacks abroad.")).singleElement()
        .satisfies(c -> {
          assertThat(c.kind()).isEqualTo(ClaimKind.MONEY_MOVED_ABROAD);
          assertThat(c.destination()).isNull();
          assertThat(c.amount()).isNull();
        });
  }

  @Test
  void anAmountOfTheSentenceBeforeStillGoesWithTheFundsTransferred() {
    assertThat(money("The former minister embezzled $30 million. The funds were transferred to a bank in Cyprus."))
        .extracting(Claim::destination, Claim::amount).containsExactly(tuple("CY", new BigDecimal("30000000")));
  }

  @Test
  void moneyDepositedInForeignBankAccountsWasMovedThereAndADepositAtHomeWasNot() {
    assertThat(money("Prosecutors said the colonel, who deposited $3 million in Swiss bank accounts, fled in 2001."))
        .extracting(Claim::kind, Claim::destination, Claim::amount)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "CH", new BigDecimal("3000000")));
    assertThat(money("The treasurer deposited $3 million at a bank in the capital.")).isEmpty();
  }

  @Test
  void moneyMovedInAPastYearIsConvertedAtThatYearsRatesNotTheArticles() {
    // published 2024-01-02 (Extractions); about 28 roubles to the dollar in mid-2011, about 90 at the end of 2023
    Claim c = money("In 2011 the deputy minister transferred 3 billion roubles to accounts in Cyprus.").get(0);
    assertThat(c.rateDate()).isEqualTo(java.time.LocalDate.of(2011, 7, 1));
    assertThat(c.amountUsd()).isBetween(new BigDecimal("95000000"), new BigDecimal("115000000"));
  }

  @Test
  void moneyVerbsOfTheTriggersPassTheGateAndFindTheirReceiver() {
    assertThat(money("Prosecutors say the former minister funnelled $45 million to shell companies in the British"
        + " Virgin Islands.")).extracting(Claim::destination).containsExactly("VG");
    assertThat(money("Investigators found that the mayor had wired €2 million to a bank in Cyprus through a front"
        + " company.")).extracting(Claim::destination).containsExactly("CY");
    assertThat(money("Jersey has sent back $267 million that had been hidden by a former Nigerian ruler."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.MONEY_RECOVERED, "NG", "JE"));
  }

  @Test
  void anEstimatedAmountStashedInPropertyAbroadWasMovedThere() {
    assertThat(money("The former premier and his wife stashed an estimated £30 million in London property."))
        .extracting(Claim::destination, Claim::amount, Claim::approximate)
        .containsExactly(tuple("GB", new BigDecimal("30000000"), true));
  }

  @Test
  void frozenSeizedAndDamagesAreNoTransfers() {
    assertThat(money("Swiss authorities froze $12 million belonging to the former president.")).isEmpty();
    assertThat(money("Singapore seized $20 million in assets held by the fugitive official.")).isEmpty();
    assertThat(money("The court ordered the former governor to pay $5 million in damages.")).isEmpty();
  }

  // --- where recovered money came from ------------------------------------------------------------------------------

  @Test
  void aCountryRightBeforeTheReturnVerbGivesTheMoneyBackWhenAHeadlineSwallowedTheSubject() {
    List<Claim> c = money("Ghana hails deal BY A REPORTER Special to The Daily ACCRA - Norway on Friday returned to the"
        + " Ghanaian government $31.5 million linked to the former energy minister.");
    assertThat(c).extracting(Claim::kind, Claim::destination, Claim::origin)
        .containsExactly(tuple(ClaimKind.MONEY_RECOVERED, "NO", "GH"));
  }

  @Test
  void theAgentOfAPassiveReturnGivesTheMoneyBack() {
    assertThat(money("The funds, $4 million in all, had been returned to Ghana by Norway."))
        .extracting(Claim::destination, Claim::origin).containsExactly(tuple("NO", "GH"));
  }

  @Test
  void moneyReturnedInAnotherCountrysCurrencyCameFromThatCountry() {
    assertThat(money("Before that, 14.2 million Swiss francs (about 15 million U.S. dollars) of the governor's assets"
        + " had been returned to Romania, the ministry said."))
        .extracting(Claim::destination, Claim::origin).containsExactly(tuple("CH", "RO"));
  }

  @Test
  void theHomeCurrencyAndTheDollarSayNothingAboutWhereMoneyWas() {
    assertThat(money("Officials said 2 billion naira of looted funds had been returned to Nigeria."))
        .extracting(Claim::destination).containsExactly((String) null);
    assertThat(money("Officials said $5 million of looted funds had been returned to Kenya."))
        .extracting(Claim::destination).containsExactly((String) null);
  }

  @Test
  void theReturnOfTheMoneyAsANounRetellsARecoveryAlreadyClaimed() {
    List<Claim> c = money("Kenya recovered $12 million from Portugal last year. The return of the money comes a week"
        + " after the ministers met in Lisbon.");
    assertThat(c).extracting(Claim::kind, Claim::destination)
        .containsExactly(tuple(ClaimKind.MONEY_RECOVERED, "PT"));
  }

  @Test
  void thePlaceOfTheAuthorityThatGivesTheMoneyBackIsItsSource() {
    assertThat(money("Authorities in Luxembourg have repatriated 15 million euros to Bolivia."))
        .extracting(Claim::destination, Claim::origin).containsExactly(tuple("LU", "BO"));
  }

  @Test
  void whereRecoveredMoneyWasHeldOrHiddenIsItsSourceHoweverTheParserHangsTheParticiple() {
    assertThat(money("About $5 million held in Jersey was returned to Kenya last month."))
        .extracting(Claim::destination).containsExactly("JE");
    assertThat(money("Kenya recovered $4 million held in a bank in Jersey."))
        .extracting(Claim::destination).containsExactly("JE");
    assertThat(money("The agency recovered 3 million pounds kept in Guernsey."))
        .extracting(Claim::destination).containsExactly("GG");
    assertThat(money("Prosecutors recovered $9 million stashed in Canada by the former mayor."))
        .filteredOn(c -> c.kind() == ClaimKind.MONEY_RECOVERED).extracting(Claim::destination)
        .containsExactly("CA");
  }

  @Test
  void whereMoneyWasStolenIsNotWhereItWasRecoveredFrom() {
    // (and with no word of abroad it is a recovery at home: no claim at all)
    assertThat(money("Police recovered $2 million stolen in Lagos from a vault."))
        .extracting(Claim::destination).doesNotContain("NG");
  }

  @Test
  void foreignAccountsAndBanksSayTheMoneyLeftButForeignAloneDoesNot() {
    assertThat(money("Several corrupt mayors have illegally transferred billions of pesos in stolen assets to their"
        + " foreign accounts through shell firms, the ministry said."))
        .extracting(Claim::kind, Claim::destination).containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, null));
    assertThat(money("The treasurer wired $4 million to a foreign bank account.")).hasSize(1);
    assertThat(money("The firm transferred $4 million through the foreign exchange market.")).isEmpty();
  }

  @Test
  void externalisedMoneyWasMovedAbroad() {
    assertThat(claims("HARARE - A former Zimbabwean mines minister externalised $15 million to a bank in Mauritius,"
        + " the anti-corruption commission said on Friday."))
        .extracting(Claim::kind, Claim::origin, Claim::destination)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "ZW", "MU"));
  }

  @Test
  void hidingMoneyInAccountsAbroadIsATransferNotAFlight() {
    assertThat(claims("QUITO - Ecuadorian prosecutors say a former oil official hid about $30 million in accounts in"
        + " Panama and Switzerland."))
        .extracting(Claim::kind, Claim::origin, Claim::destination, Claim::destinationsMentioned)
        .containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "EC", null, List.of("PA", "CH")));
  }

  @Test
  void rupeesSentAbroadPassTheRelevanceGate() {
    assertThat(claims("Investigators allege that the former provincial finance secretary sent Rs 2 billion to Dubai"
        + " through informal hawala channels."))
        .extracting(Claim::kind, Claim::destination).containsExactly(tuple(ClaimKind.MONEY_MOVED_ABROAD, "AE"));
  }
}
