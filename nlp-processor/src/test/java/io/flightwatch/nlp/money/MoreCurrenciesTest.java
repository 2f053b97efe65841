package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.MoneyMention;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The currencies of Latin America, Africa, the Middle East, central and south-east Europe and Asia that corruption
 * stories report in: each alias read with its ISO code and amount and converted at a 2019 date, the plain words that
 * only the story's country can place ("kwacha", "dinars", "dirhams", "CFA francs", "pesos", "lei"), and the ordinary
 * words that are not money. People and sentences are invented for these tests.
 */
class MoreCurrenciesTest {

  private static final MoneyExtractor EXTRACTOR = MoneyExtractor.withDefaults();

  /** A Saturday: the ECB currencies are converted at Friday 2019-05-31, the others at their 2019 average or peg. */
  private static final LocalDate DATE = LocalDate.of(2019, 6, 1);

  /** How far a USD value may stray from the rate the table row states (the rates are approximate annual averages). */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.15");

  private static List<MoneyMention> find(String text) {
    List<MoneyMention> found = EXTRACTOR.find(text, DATE);
    for (MoneyMention m : found) {
      assertThat(text.substring(m.begin(), m.end())).as("offsets of %s", m).isEqualTo(m.text());
    }
    return found;
  }

  private static MoneyMention one(String text) {
    List<MoneyMention> found = find(text);
    assertThat(found).as("mentions in: %s", text).hasSize(1);
    return found.get(0);
  }

  private static String currency(String text) {
    return one(text).currency();
  }

  /** The USD value of {@code m} is its amount at {@code perUsd} units to the dollar, give or take 15 %. */
  private static void assertUsdNear(MoneyMention m, BigDecimal perUsd) {
    BigDecimal expected = m.amount().divide(perUsd, MathContext.DECIMAL64);
    assertThat(m.amountUsd()).as("USD of %s (%s)", m.text(), m.usdRateSource()).isNotNull();
    assertThat(m.amountUsd()).as("USD of %s (%s)", m.text(), m.usdRateSource()).isBetween(
        expected.multiply(BigDecimal.ONE.subtract(TOLERANCE)), expected.multiply(BigDecimal.ONE.add(TOLERANCE)));
  }

  @ParameterizedTest(name = "{1} -> {2}")
  // CHECKSTYLE.OFF: LineLength - one sentence a row: the table reads better than wrapped rows
  @CsvSource(delimiter = '|', textBlock = """
      Former governor Ricardo Salcedo hid 12 million soles in accounts in Panama.   | 12 million soles                  | PEN | 12000000       | 3.34
      Lima prosecutors say judge Elena Quispe took S/ 450,000 from a builder.        | S/ 450,000                        | PEN | 450000         | 3.34
      The mayor of a fictional district put PEN 5 million into a trust.             | PEN 5 million                     | PEN | 5000000        | 3.34
      An audit found 30 million nuevos soles missing from the road fund.            | 30 million nuevos soles           | PEN | 30000000       | 3.34
      The port official Mario Tello kept 2 million Peruvian soles at home.          | 2 million Peruvian soles          | PEN | 2000000        | 3.34
      Customs chief Tomas Arce amassed 20 million bolivianos in cash.               | 20 million bolivianos             | BOB | 20000000       | 6.96
      Congressman Luis Ochaeta laundered 40 million quetzales through a club.       | 40 million quetzales              | GTQ | 40000000       | 7.70
      The clerk admitted taking 2 million quetzals in bribes.                       | 2 million quetzals                | GTQ | 2000000        | 7.70
      Hospital director Nora Zelaya diverted 150 million lempiras.                  | 150 million lempiras              | HNL | 150000000      | 24.5
      Senator Aurelio Peña moved RD$85 million to a shell firm.                     | RD$85 million                     | DOP | 85000000       | 51.3
      Auditors found 300 million Dominican pesos unaccounted for.                   | 300 million Dominican pesos       | DOP | 300000000      | 51.3
      Former minister Celso Benítez took 9 billion guaraníes from the fund.         | 9 billion guaraníes               | PYG | 9000000000     | 6240
      The judge asked a developer for 500 million guaranies.                        | 500 million guaranies             | PYG | 500000000      | 6240
      Union boss Walter Pereyra stole 25 million Uruguayan pesos.                   | 25 million Uruguayan pesos        | UYU | 25000000       | 35.3
      The contractor paid ₡800 million in bribes.                                   | ₡800 million                      | CRC | 800000000      | 587
      Inspectors found 2 billion Costa Rican colones missing.                       | 2 billion Costa Rican colones     | CRC | 2000000000     | 587
      Police seized 65 million Zambian kwacha from the official's house.            | 65 million Zambian kwacha         | ZMW | 65000000       | 12.9
      The fictional minister Grace Banda stole 2.4 billion Malawian kwacha.         | 2.4 billion Malawian kwacha       | MWK | 2400000000     | 745
      Port manager Alberto Mucavele took 300 million meticais.                      | 300 million meticais              | MZN | 300000000      | 62.5
      The governor's son moved 5 billion kwanzas abroad.                            | 5 billion kwanzas                 | AOA | 5000000000     | 365
      Police seized Kz 900 million in cash from a villa.                            | Kz 900 million                    | AOA | 900000000      | 365
      A town mayor took 3 million Moroccan dirhams from a developer.                | 3 million Moroccan dirhams        | MAD | 3000000        | 9.62
      Former minister Karim Belkacem hid 800 million Algerian dinars.               | 800 million Algerian dinars       | DZD | 800000000      | 119
      A customs officer took 2 million Tunisian dinars.                             | 2 million Tunisian dinars         | TND | 2000000        | 2.93
      A militia commander seized 40 million Libyan dinars.                          | 40 million Libyan dinars          | LYD | 40000000       | 1.40
      Officials stole 90 billion Iraqi dinars from a ration programme.              | 90 billion Iraqi dinars           | IQD | 90000000000    | 1182
      A former MP, Faisal Qattan, received 12 million Kuwaiti dinars.              | 12 million Kuwaiti dinars         | KWD | 12000000       | 0.304
      A broker kept 3 million Jordanian dinars in a safe.                           | 3 million Jordanian dinars        | JOD | 3000000        | 0.709
      The ministry lost 4 billion Central African CFA francs.                       | 4 billion Central African CFA francs | XAF | 4000000000  | 588
      The mayor's firm received 2.5 billion forints in subsidies.                   | 2.5 billion forints               | HUF | 2500000000     | 291
      A farm owned by deputy Jan Novotny got 50 million korunas in EU funds.        | 50 million korunas                | CZK | 50000000       | 23.2
      The deputy took 2 million Kč in cash.                                         | 2 million Kč                      | CZK | 2000000        | 23.2
      A lobbyist paid 8 million Czech crowns to a councillor.                       | 8 million Czech crowns            | CZK | 8000000        | 23.2
      Prefect Ion Dragomir took 1.5 million Romanian lei.                           | 1.5 million Romanian lei          | RON | 1500000        | 4.25
      Prosecutors seized 4 million lei from the official.                           | 4 million lei                     | RON | 4000000        | 4.25
      The banker Vlad Cebotari kept 20 million Moldovan lei abroad.                 | 20 million Moldovan lei           | MDL | 20000000       | 17.6
      The roads agency lost 14 million leva.                                        | 14 million leva                   | BGN | 14000000       | 1.75
      Inspector Petar Kolev took 900,000 Bulgarian lev.                             | 900,000 Bulgarian lev             | BGN | 900000         | 1.75
      The minister's brother took 300 million Serbian dinars.                       | 300 million Serbian dinars        | RSD | 300000000      | 105
      A former premier was accused of taking 10 million kuna.                      | 10 million kuna                   | HRK | 10000000       | 6.65
      Banker Einar Gunnarsson hid 900 million Icelandic kronur offshore.            | 900 million Icelandic kronur      | ISK | 900000000      | 124
      Customs chief Hari Thapa amassed 50 million Nepali rupees.                    | 50 million Nepali rupees          | NPR | 50000000       | 111.5
      A tax officer held 8 million Nepalese rupees in cash.                         | 8 million Nepalese rupees         | NPR | 8000000        | 111.5
      A tycoon paid 400 million riels to two officials.                             | 400 million riels                 | KHR | 400000000      | 4062
      A provincial governor embezzled 85 billion kip.                               | 85 billion kip                    | LAK | 85000000000    | 8680
      A former premier was accused of taking 22 billion tugriks.                    | 22 billion tugriks                | MNT | 22000000000    | 2663
      The mine director took 3 billion tögrög.                                      | 3 billion tögrög                  | MNT | 3000000000     | 2663
      Bank chairman Rafiq Hossain siphoned off Tk 350 crore.                        | Tk 350 crore                      | BDT | 3500000000     | 84.5
      Swiss prosecutors froze SFr 4.5 million of the minister's money.              | SFr 4.5 million                   | CHF | 4500000        | 1.0
      A total of about SF37 million had been seized from the son's accounts.        | SF37 million                      | CHF | 37000000       | 1.0
      """)
  // CHECKSTYLE.ON: LineLength
  void eachCurrencyIsReadAndConverted(String sentence, String text, String code, String amount, String perUsd) {
    MoneyMention m = one(sentence);
    assertThat(m.text()).isEqualTo(text);
    assertThat(m.currency()).isEqualTo(code);
    assertThat(m.amount()).isEqualByComparingTo(amount);
    assertUsdNear(m, new BigDecimal(perUsd));
  }

  /** A plain word or sign several countries share: the country the story names decides, nearest to the amount first. */
  @Nested
  class CountryOfTheStory {

    @Test
    void marksAreBosniasConvertibleMarksOnlyInABosnianStory() {
      MoneyMention m = one("SARAJEVO - Prosecutors say director Goran Lukic moved 9.5 million marks to Cyprus.");
      assertThat(m.currency()).isEqualTo("BAM");
      assertThat(m.amount()).isEqualByComparingTo("9500000");
      assertThat(currency("A Bosnian court heard that the minister took 2 million convertible marks."))
          .isEqualTo("BAM");
      assertThat(currency("Bosnian prosecutors say the clerk kept KM 400,000 at home.")).isEqualTo("BAM");
      assertThat(find("In 1990 the minister moved 2 million marks to a bank in Austria.")).as("no Bosnia").isEmpty();
    }

    @Test
    void theGulfPressShortFormsAreMoneyOnlyInAStoryOfTheirCountry() {
      MoneyMention kd = one("KUWAIT CITY - A Kuwaiti court found that Salem Fahad moved KD 14.2 million to Geneva.");
      assertThat(kd.currency()).isEqualTo("KWD");
      assertThat(kd.amount()).isEqualByComparingTo("14200000");
      assertUsdNear(kd, new BigDecimal("0.304"));
      assertThat(currency("DOHA - Qatari prosecutors say the official moved QR5 million to Paris.")).isEqualTo("QAR");
      assertThat(currency("MUSCAT - An Omani clerk sent RO 2 million to London.")).isEqualTo("OMR");
      assertThat(currency("A Bahraini court heard that BD 3 million went to Jersey.")).isEqualTo("BHD");
      assertThat(currency("The developer paid Dh 20 million for the villa in 2019.")).isEqualTo("AED");
      assertThat(find("The KD 14 engine was sold for 3 million tonnes of wheat.")).as("no Kuwait").isEmpty();
    }

    @Test
    void kwachaIsMalawisOrZambias() {
      MoneyMention malawi = one("LILONGWE - A Malawian court heard that Peter Chirwa took 1.2 billion kwacha.");
      assertThat(malawi.currency()).isEqualTo("MWK");
      assertThat(malawi.amount()).isEqualByComparingTo("1200000000");
      assertUsdNear(malawi, new BigDecimal("745"));
      MoneyMention zambia = one("Zambia's anti-graft commission says official Mwila Tembo took 30 million kwacha.");
      assertThat(zambia.currency()).isEqualTo("ZMW");
      assertUsdNear(zambia, new BigDecimal("12.9"));
      assertThat(currency("LUSAKA - The permanent secretary took K5 million from the fund.")).isEqualTo("ZMW");
      assertThat(find("The official took 3 million kwacha, the court heard.")).as("no kwacha country").isEmpty();
      assertThat(find("The firm reported K5 million in losses.")).as("K without a kwacha country").isEmpty();
    }

    @Test
    void pBeforeAnAmountIsThePhilippinePesoInAPhilippineStory() {
      MoneyMention manila = one("MANILA - More than P50 billion of the stolen wealth has been recovered.");
      assertThat(manila.currency()).isEqualTo("PHP");
      assertThat(manila.amount()).isEqualByComparingTo("50000000000");
      assertThat(find("The firm's P50 billion plan was approved.")).as("P without the Philippines").isEmpty();
      assertThat(find("MANILA - Plan P5 was approved on Monday.")).as("P without a scale word").isEmpty();
    }

    @Test
    void dinarsFollowTheStorysCountry() {
      MoneyMention iraq = one("BAGHDAD - The Iraqi official Hassan Jaber stole 70 billion dinars from the ministry.");
      assertThat(iraq.currency()).isEqualTo("IQD");
      assertThat(iraq.amount()).isEqualByComparingTo("70000000000");
      assertUsdNear(iraq, new BigDecimal("1182"));
      assertThat(currency("An Algerian court jailed the minister for taking 500 million dinars.")).isEqualTo("DZD");
      assertThat(currency("A Kuwaiti court heard that 3 million dinars went missing.")).isEqualTo("KWD");
      assertThat(currency("A Belgrade court heard that the director took 40 million dinars.")).isEqualTo("RSD");
      assertThat(find("The clerk stole 2 million dinars, the court heard.")).as("no dinar country").isEmpty();
      // where the money went is no dinar country: Jordan only counts as "Jordanian"
      assertThat(currency("An Iraqi official smuggled 5 billion dinars to a bank in Jordan.")).isEqualTo("IQD");
      // the story's country is the one it names most, not the one nearest the amount
      assertThat(currency("TUNIS - A Tunisian customs chief has fled Tunisia. He is thought to have crossed into"
          + " Algeria. Investigators say his network moved 30 million dinars out of the country.")).isEqualTo("TND");
    }

    @Test
    void dirhamsAreTheEmiratesUnlessTheStoryIsMoroccan() {
      MoneyMention dubai = one("The broker Omar Haddad moved 40 million dirhams through a Dubai company.");
      assertThat(dubai.currency()).isEqualTo("AED");
      assertUsdNear(dubai, new BigDecimal("3.6725"));
      assertThat(currency("The broker moved 40 million dirhams through a shell company.")).isEqualTo("AED");
      assertThat(currency("A Moroccan mayor moved 6 million dirhams to an account in Dubai.")).isEqualTo("MAD");
      MoneyMention morocco = one("A Casablanca court jailed a Moroccan official for taking 2 million dirhams.");
      assertThat(morocco.currency()).isEqualTo("MAD");
      assertUsdNear(morocco, new BigDecimal("9.62"));
    }

    @Test
    void cfaFrancsAreWestAfricasUnlessTheStoryIsCentralAfrican() {
      assertThat(currency("Senegal's auditors found that 5 billion CFA francs had gone missing.")).isEqualTo("XOF");
      MoneyMention cameroon = one("In Cameroon, ex-minister Paul Ndongo is accused of taking 5 billion CFA francs.");
      assertThat(cameroon.currency()).isEqualTo("XAF");
      assertUsdNear(cameroon, new BigDecimal("588"));
      assertThat(currency("A Gabonese judge said 800 million CFA francs were paid.")).isEqualTo("XAF");
      assertThat(currency("The contractor paid 5 billion CFA francs.")).as("no country: XOF as before")
          .isEqualTo("XOF");
    }

    @Test
    void pesosOfTheDominicanRepublicAndUruguay() {
      MoneyMention dominican = one("SANTO DOMINGO - Former director Julio Almonte took 120 million pesos.");
      assertThat(dominican.currency()).isEqualTo("DOP");
      assertUsdNear(dominican, new BigDecimal("51.3"));
      assertThat(currency("A Uruguayan judge said the union boss took 8 million pesos.")).isEqualTo("UYU");
      assertThat(currency("An Argentine judge said 400 million pesos were hidden in Uruguay.")).as("a destination")
          .isEqualTo("ARS");
      assertThat(currency("Mexican police seized 8 million pesos from the mayor.")).isEqualTo("MXN");
      assertThat(currency("A Bogota court heard that the senator took 900 million pesos.")).isEqualTo("COP");
      assertThat(currency("The mayor seized 8 million pesos.")).as("no country: MXN as before").isEqualTo("MXN");
    }

    @Test
    void leiAreRomanianOrMoldovan() {
      MoneyMention moldova = one("A Chisinau court found that banker Dorin Rusu stole 600 million lei.");
      assertThat(moldova.currency()).isEqualTo("MDL");
      assertUsdNear(moldova, new BigDecimal("17.6"));
      assertThat(currency("Romania's anti-graft agency says the mayor took 2 million lei.")).isEqualTo("RON");
    }

    @Test
    void rupeesBolivianosAndKronaByCountry() {
      assertThat(currency("Nepal's anti-graft body says the official took 90 million rupees.")).isEqualTo("NPR");
      assertThat(currency("KATHMANDU - The official held NPR 5 million in a relative's name.")).isEqualTo("NPR");
      assertThat(currency("KATHMANDU - The official took Rs 12 million.")).isEqualTo("NPR");
      assertThat(currency("The official took Rs 12 million.")).as("no country: INR as before").isEqualTo("INR");
      assertThat(find("The senator told NPR 5 million voters had been misled.")).as("the radio network").isEmpty();
      MoneyMention bolivia = one("A La Paz court heard that the Bolivian minister took Bs 3 million in kickbacks.");
      assertThat(bolivia.currency()).isEqualTo("BOB");
      assertUsdNear(bolivia, new BigDecimal("6.96"));
      assertThat(currency("An Icelandic bank hid 2 billion krona for him.")).isEqualTo("ISK");
      assertThat(currency("A Swedish court heard that 40 million krona were paid.")).isEqualTo("SEK");
    }
  }

  @Test
  void southAfricanRandInItsOwnPapersForm() {
    MoneyMention rand = one("PRETORIA - The unit said the officials moved R1.6 billion to Dubai.");
    assertThat(rand.currency()).isEqualTo("ZAR");
    assertThat(rand.amount()).isEqualByComparingTo("1600000000");
    assertThat(currency("A Johannesburg court heard that R500m was wired to Hong Kong.")).isEqualTo("ZAR");
    assertThat(find("The officials moved R1.6 billion to Dubai.")).as("no South African story").isEmpty();
  }

  @Test
  void ordinaryWordsAreNotMoney() {
    assertThat(find("Officials in Vientiane said the kip fell again against the baht.")).isEmpty();
    assertThat(find("The hotel handed out 200 lei to arriving delegates.")).as("flower garlands").isEmpty();
    assertThat(find("A quetzal and 3 quetzal chicks nest in the reserve.")).isEmpty();
    assertThat(find("Some 3,000 Guaraní live in the reserve.")).as("a people, capitalised").isEmpty();
    assertThat(find("The gallery bought 3 Lev Orlov sketches.")).as("a name, capitalised").isEmpty();
    assertThat(find("The panel's report S/2019/123 names the broker.")).as("a UN document symbol").isEmpty();
  }

  @Test
  void ratesComeFromPegsAnnualAveragesOrTheEcbAsTheDateRequires() {
    RateTable rates = EXTRACTOR.rates();
    // Bolivia: an annual average before the fixed rate of November 2011, the peg after
    assertThat(rates.quote("BOB", LocalDate.of(2010, 6, 1)).orElseThrow().source()).isEqualTo("annual@2010");
    assertThat(rates.quote("BOB", DATE).orElseThrow().source()).startsWith("peg:USD");
    // the kuna at the euro conversion rate once the ECB stopped publishing it; the lev likewise after 2025
    RateTable.Quote kuna = rates.quote("HRK", LocalDate.of(2024, 6, 3)).orElseThrow();
    assertThat(kuna.source()).isEqualTo("peg:EUR@2024-06-03");
    assertThat(kuna.usdPerUnit()).isEqualByComparingTo(rates.quote("EUR", LocalDate.of(2024, 6, 3)).orElseThrow()
        .usdPerUnit().divide(new BigDecimal("7.5345"), MathContext.DECIMAL64));
    assertThat(rates.quote("BGN", LocalDate.of(2026, 2, 2)).orElseThrow().source()).startsWith("peg:EUR");
    assertThat(rates.quote("BGN", DATE).orElseThrow().source()).startsWith("ecb@");
    // the ECB published no krona rate from December 2008 to February 2018
    assertThat(rates.quote("ISK", LocalDate.of(2015, 6, 1)).orElseThrow().source()).isEqualTo("annual@2015");
    assertThat(rates.quote("ISK", DATE).orElseThrow().source()).startsWith("ecb@");
    // Zambia's kwacha in new units (1,000:1 in 2013) for every year: a 2011 kwacha is not a thousandth of a 2014 one
    BigDecimal zmw2011 = rates.quote("ZMW", LocalDate.of(2011, 6, 1)).orElseThrow().usdPerUnit();
    BigDecimal zmw2014 = rates.quote("ZMW", LocalDate.of(2014, 6, 1)).orElseThrow().usdPerUnit();
    assertThat(zmw2011.divide(zmw2014, MathContext.DECIMAL64)).isBetween(new BigDecimal("1"), new BigDecimal("2"));
    for (String code : List.of("PEN", "BOB", "GTQ", "HNL", "DOP", "PYG", "UYU", "CRC", "ZMW", "MWK", "MZN", "AOA",
        "MAD", "DZD", "TND", "LYD", "IQD", "KWD", "XAF", "HUF", "CZK", "RON", "MDL", "BGN", "RSD", "HRK", "ISK", "NPR",
        "KHR", "LAK", "MNT", "BAM")) {
      for (int year = 2010; year <= 2025; year++) {
        assertThat(rates.quote(code, LocalDate.of(year, 7, 1))).as("%s in %d", code, year).isPresent();
      }
    }
  }
}
