package io.flightwatch.nlp.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.money.MoneyExtractor.Form;
import io.flightwatch.nlp.money.MoneyExtractor.Found;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sentences here are written for these tests; none comes from the evaluation articles. */
class MoneyExtractorTest {

  private static final MoneyExtractor EXTRACTOR = MoneyExtractor.withDefaults();
  /** What a rate source may look like: see {@link RateTable.Quote#source()}. */
  private static final String SOURCE_FORM = "identity|ecb@\\d{4}-\\d{2}-\\d{2}"
      + "|peg:[A-Z]{3}(@\\d{4}-\\d{2}-\\d{2})?|annual@\\d{4}~";

  private static String latest(String currency) {
    return EXTRACTOR.rates().quote(currency, null).orElseThrow().source();
  }

  /** Finds, and checks the offset contract on every mention. */
  private static List<MoneyMention> find(String text) {
    List<MoneyMention> found = EXTRACTOR.find(text);
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

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  /** Rupees and shillings are several currencies: the story's country, named anywhere in it, decides. */
  @Nested
  class CountryOfTheStory {

    @Test
    void rupeesFollowTheStorysCountry() {
      assertThat(one("KARACHI - The former official moved Rs 2 billion abroad, investigators said.").currency())
          .isEqualTo("PKR");
      assertThat(one("A Colombo court heard that the minister sent 500 million rupees to Singapore.").currency())
          .isEqualTo("LKR");
      assertThat(one("Nepal's anti-graft body says the official took Rs 90 million.").currency()).isEqualTo("NPR");
      assertThat(one("The former official moved Rs 2 billion abroad, investigators said.").currency())
          .as("no country named: Indian rupees, as before").isEqualTo("INR");
      // both named: the one nearer the amount
      assertThat(one("Unlike in India, the Pakistani official moved Rs 2 billion abroad.").currency())
          .isEqualTo("PKR");
    }

    @Test
    void shillingsNeedTheirCountry() {
      assertThat(one("Kenyan officials stashed an estimated 2 billion shillings in offshore accounts.").currency())
          .isEqualTo("KES");
      assertThat(one("KAMPALA - The minister wired 9 billion shillings to a bank in Dubai.").currency())
          .isEqualTo("UGX");
      assertThat(one("The Tanzanian official stole 40 billion shillings.").currency()).isEqualTo("TZS");
      // a Ugandan amount is about 30 times smaller in dollars than a Kenyan one of the same number
      assertThat(one("KAMPALA - The minister wired 9 billion shillings to a bank in Dubai.").amountUsd())
          .isLessThan(bd("5000000"));
      assertThat(find("The former clerk stole 2 billion shillings, the court heard.")).as("no shilling country")
          .isEmpty();
    }
  }

  @Test
  void anAmountIsConvertedAgainAtTheDateOfItsPeriodAndDollarsStayDollars() {
    MoneyMention rub = EXTRACTOR.find("He moved 3 billion roubles abroad.", LocalDate.of(2024, 6, 1)).get(0);
    MoneyMention then = EXTRACTOR.at(rub, LocalDate.of(2011, 6, 1));
    // about 90 roubles to the dollar in 2024, about 28 in 2011
    assertThat(then.amountUsd()).isGreaterThan(rub.amountUsd().multiply(bd("2.5")));
    assertThat(then.rateDate()).isEqualTo(LocalDate.of(2011, 6, 1));
    assertThat(then.usdRateSource()).isEqualTo("ecb@2011-06-01");
    assertThat(then.amount()).isEqualTo(rub.amount());
    MoneyMention usd = EXTRACTOR.find("He moved $3 million abroad.", LocalDate.of(2024, 6, 1)).get(0);
    assertThat(EXTRACTOR.at(usd, LocalDate.of(2011, 6, 1))).isEqualTo(usd);
    MoneyMention own = EXTRACTOR.find("He moved 3 billion roubles ($100 million) abroad.", LocalDate.of(2024, 6, 1))
        .get(0);
    assertThat(EXTRACTOR.at(own, LocalDate.of(2011, 6, 1))).isEqualTo(own);
  }

  @Nested
  class Currencies {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    // CHECKSTYLE.OFF: LineLength - one sentence a row: the table reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
        The minister moved $5 million to a bank abroad.                 | $5 million                | USD | 5000000
        Auditors traced US$50 billion in hidden assets.                 | US$50 billion             | USD | 50000000000
        The court heard of USD 485 million in stolen deposits.          | USD 485 million           | USD | 485000000
        The fund lost 485 million USD last year.                        | 485 million USD           | USD | 485000000
        He sent 12 million dollars to his brother.                      | 12 million dollars        | USD | 12000000
        He sent 12 million U.S. dollars to his brother.                 | 12 million U.S. dollars   | USD | 12000000
        She kept 7 million Hong Kong dollars in a safe.                 | 7 million Hong Kong dollars | HKD | 7000000
        The villa cost 3 million Canadian dollars.                      | 3 million Canadian dollars | CAD | 3000000
        The mine was sold for 40 million Australian dollars.            | 40 million Australian dollars | AUD | 40000000
        A condo worth 9 million Singapore dollars was seized.           | 9 million Singapore dollars | SGD | 9000000
        The farm fetched 6 million New Zealand dollars.                 | 6 million New Zealand dollars | NZD | 6000000
        Police froze 6 million NZ dollars in one account.               | 6 million NZ dollars      | NZD | 6000000
        He bought a tower for HK$2.5 billion.                           | HK$2.5 billion            | HKD | 2500000000
        A house in Vancouver worth C$800,000 was frozen.                | C$800,000                 | CAD | 800000
        A house in Toronto worth CA$1.2 million was frozen.             | CA$1.2 million            | CAD | 1200000
        A beach house worth A$3 million was found.                      | A$3 million               | AUD | 3000000
        Another worth AU$4 million was found.                           | AU$4 million              | AUD | 4000000
        The shell company held S$40 million.                            | S$40 million              | SGD | 40000000
        The orchard cost NZ$2 million.                                  | NZ$2 million              | NZD | 2000000
        The official took ¥3 billion before leaving.                    | ¥3 billion                | CNY | 3000000000
        The ministry says 800 billion yuan left the country.            | 800 billion yuan          | CNY | 800000000000
        Investigators recovered RMB 3 billion.                          | RMB 3 billion             | CNY | 3000000000
        He moved 3 billion renminbi through shell firms.                | 3 billion renminbi        | CNY | 3000000000
        He admitted taking 5 million Chinese yuan.                      | 5 million Chinese yuan    | CNY | 5000000
        A bribe of 5,000元 was paid.                                     | 5,000元                    | CNY | 5000
        The bank lost 2亿元 in the scheme.                                | 2亿元                       | CNY | 200000000
        A flat in Osaka cost 80 million yen.                            | 80 million yen            | JPY | 80000000
        The firm paid £76bn over ten years.                             | £76bn                     | GBP | 76000000000
        The council wasted GBP 10 million.                              | GBP 10 million            | GBP | 10000000
        The trust held 4 million pounds in bonds.                       | 4 million pounds          | GBP | 4000000
        A mansion worth 2 million pounds sterling was seized.           | 2 million pounds sterling | GBP | 2000000
        The ship was sold for €40 million.                              | €40 million               | EUR | 40000000
        The bank was fined EUR 5 million.                               | EUR 5 million             | EUR | 5000000
        He hid 25 million euros in Cyprus.                              | 25 million euros          | EUR | 25000000
        The bank held RUB 5 billion for him.                            | RUB 5 billion             | RUB | 5000000000
        Prosecutors counted 14 billion roubles.                         | 14 billion roubles        | RUB | 14000000000
        Prosecutors counted 14 billion rubles.                          | 14 billion rubles         | RUB | 14000000000
        The agency seized NGN 2 billion.                                | NGN 2 billion             | NGN | 2000000000
        The agency seized 2 billion naira.                              | 2 billion naira           | NGN | 2000000000
        The agency seized ₦2 billion.                                   | ₦2 billion                | NGN | 2000000000
        The chairman embezzled ₩1 trillion.                             | ₩1 trillion               | KRW | 1000000000000
        The chairman embezzled 500 billion won.                         | 500 billion won           | KRW | 500000000000
        The chairman embezzled KRW 800 billion.                         | KRW 800 billion           | KRW | 800000000000
        The clerk took INR 10 million.                                  | INR 10 million            | INR | 10000000
        The clerk took 10 million rupees.                               | 10 million rupees         | INR | 10000000
        The clerk took Rs 10 crore.                                     | Rs 10 crore               | INR | 100000000
        The clerk took ₹5 lakh.                                         | ₹5 lakh                   | INR | 500000
        The syndicate took Tk 17 lakh crore.                            | Tk 17 lakh crore          | BDT | 17000000000000
        The minister hid 1,000 crore taka.                              | 1,000 crore taka          | BDT | 10000000000
        The clerk took Rs 2 thousand crore.                             | Rs 2 thousand crore       | INR | 20000000000
        The governor hid 40 million ringgit.                            | 40 million ringgit        | MYR | 40000000
        The governor hid RM40 million.                                  | RM40 million              | MYR | 40000000
        The regent stole 3 billion rupiah.                              | 3 billion rupiah          | IDR | 3000000000
        The mayor stole 90 million Philippine pesos.                    | 90 million Philippine pesos | PHP | 90000000
        The banker hid CHF 10 million in Zurich.                        | CHF 10 million            | CHF | 10000000
        The banker hid 10 million Swiss francs in Zurich.               | 10 million Swiss francs   | CHF | 10000000
        The sheikh paid 50 million dirhams.                             | 50 million dirhams        | AED | 50000000
        """)
    // CHECKSTYLE.ON: LineLength
    void currencyForms(String sentence, String text, String currency, String amount) {
      MoneyMention m = one(sentence);
      assertThat(m.text()).isEqualTo(text);
      assertThat(m.currency()).isEqualTo(currency);
      assertThat(m.amount()).isEqualByComparingTo(amount);
      assertThat(m.low()).isEqualByComparingTo(amount);
      assertThat(m.high()).isEqualByComparingTo(amount);
      assertThat(m.approximate()).isFalse();
      assertThat(m.amountUsd()).isNotNull();
      assertThat(m.usdRateSource()).matches(SOURCE_FORM);
    }

    @Test
    void yenSymbolNearJapanContextIsJpy() {
      assertThat(one("A Tokyo developer said ¥3 billion changed hands.").currency()).isEqualTo("JPY");
      assertThat(one("He paid ¥500 million yen for the flat.").currency()).isEqualTo("JPY");
      assertThat(one("A Shanghai court said ¥3 billion changed hands.").currency()).isEqualTo("CNY");
    }

    @Test
    void codeInParenthesesBeforeTheNumber() {
      MoneyMention m = one("Clients held Swiss francs (CHF) 4.5 billion at the bank.");
      assertThat(m.text()).isEqualTo("4.5 billion");
      assertThat(m.currency()).isEqualTo("CHF");
      assertThat(m.amount()).isEqualByComparingTo("4500000000");
    }

    @Test
    void specificPrefixWinsOverGenericDollarWord() {
      MoneyMention m = one("He paid HK$5 million dollars in cash.");
      assertThat(m.currency()).isEqualTo("HKD");
      assertThat(m.text()).isEqualTo("HK$5 million dollars");
    }

    @Test
    void usdAmountsConvertOneToOne() {
      MoneyMention m = one("The deal was worth $1,234.56 in the end.");
      assertThat(m.amount()).isEqualByComparingTo("1234.56");
      assertThat(m.amountUsd()).isEqualTo(bd("1234.56"));
      assertThat(m.usdRateSource()).isEqualTo(MoneyExtractor.SOURCE_USD);
    }

    @Test
    void otherCurrenciesConvertWithTheTableRoundedToCents() {
      MoneyMention m = one("He moved 1,000 yuan.");
      BigDecimal rate = EXTRACTOR.rates().quote("CNY", null).orElseThrow().usdPerUnit();
      assertThat(m.amountUsd()).isEqualTo(bd("1000").multiply(rate).setScale(2, java.math.RoundingMode.HALF_EVEN));
      assertThat(m.amountUsd().scale()).isEqualTo(2);
    }
  }

  @Nested
  class Numbers {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Exports fell by $1.2bn.                   | $1.2bn          | 1200000000
        He took $5m in cash.                      | $5m             | 5000000
        He took $5M in cash.                      | $5M             | 5000000
        A tip of $5k was paid.                    | $5k             | 5000
        A fine of $2 mln was set.                 | $2 mln          | 2000000
        A fine of $3 mn was set.                  | $3 mn           | 3000000
        Debts of $1 trillion were cited.          | $1 trillion     | 1000000000000
        A $2.5-billion fund was launched.         | $2.5-billion    | 2500000000
        He paid $800 for the visa.                | $800            | 800
        He owed $1,234,567.89 in tax.             | $1,234,567.89   | 1234567.89
        He received a billion dollars.            | a billion dollars | 1000000000
        They spent two million euros.             | two million euros | 2000000
        It cost half a billion dollars.           | half a billion dollars | 500000000
        It cost $2.8 Billion in all.              | $2.8 Billion    | 2800000000
        """)
    void scaleWords(String sentence, String text, String amount) {
      MoneyMention m = one(sentence);
      assertThat(m.text()).isEqualTo(text);
      assertThat(m.amount()).isEqualByComparingTo(amount);
    }

    @Test
    void amountsArePlainNumbersWithoutTrailingZeros() {
      MoneyMention m = one("It cost $2.50 billion.");
      assertThat(m.amount()).isEqualTo(bd("2500000000"));
      assertThat(m.amount().toString()).isEqualTo("2500000000");
    }
  }

  @Nested
  class Approximation {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"more than", "over", "about", "around", "nearly", "almost", "up to", "at least", "some",
        "roughly", "an estimated", "approximately", "close to", "in excess of"})
    void hedgesMarkApproximateButKeepThePrintedAmount(String hedge) {
      MoneyMention m = one("The officials took " + hedge + " $40 million abroad.");
      assertThat(m.approximate()).isTrue();
      assertThat(m.amount()).isEqualByComparingTo("40000000");
      assertThat(m.text()).isEqualTo("$40 million");
    }

    @Test
    void trailingOrMoreIsApproximate() {
      assertThat(one("They spent $3 million or more on lawyers.").approximate()).isTrue();
    }

    @Test
    void unhedgedAmountIsExact() {
      assertThat(one("The officials took $40 million abroad.").approximate()).isFalse();
    }

    @Test
    void hedgeWordInsideAnotherWordDoesNotCount() {
      assertThat(one("The cover $40 million story.").approximate()).isFalse();
    }
  }

  @Nested
  class Ranges {

    @Test
    void betweenAndWithTwoFullAmounts() {
      MoneyExtractor.Found f = EXTRACTOR.findDetailed("They laundered between $2 billion and $3 billion.").get(0);
      MoneyMention m = f.mention();
      assertThat(f.form()).isEqualTo(Form.RANGE);
      assertThat(m.text()).isEqualTo("$2 billion and $3 billion");
      assertThat(m.amount()).isNull();
      assertThat(m.low()).isEqualByComparingTo("2000000000");
      assertThat(m.high()).isEqualByComparingTo("3000000000");
      assertThat(m.approximate()).isTrue();
      assertThat(m.usdLow()).isEqualByComparingTo("2000000000");
      assertThat(m.usdHigh()).isEqualByComparingTo("3000000000");
      assertThat(m.amountUsd()).isEqualByComparingTo("2500000000");
    }

    @Test
    void dashRangeSharesTheScaleWord() {
      MoneyMention m = one("The bribes totalled $2-3 billion.");
      assertThat(m.text()).isEqualTo("$2-3 billion");
      assertThat(m.low()).isEqualByComparingTo("2000000000");
      assertThat(m.high()).isEqualByComparingTo("3000000000");
      assertThat(m.currency()).isEqualTo("USD");
    }

    @Test
    void toRangeWithCurrencyWordAfter() {
      MoneyMention m = one("He moved 2 to 3 billion yuan overseas.");
      assertThat(m.text()).isEqualTo("2 to 3 billion yuan");
      assertThat(m.currency()).isEqualTo("CNY");
      assertThat(m.low()).isEqualByComparingTo("2000000000");
      assertThat(m.high()).isEqualByComparingTo("3000000000");
      assertThat(m.amount()).isNull();
    }

    @Test
    void firstNumberThatIsAlreadyWholeKeepsItsOwnValue() {
      MoneyMention m = one("Fees ran at $500,000-1 million a year.");
      assertThat(m.low()).isEqualByComparingTo("500000");
      assertThat(m.high()).isEqualByComparingTo("1000000");
    }

    @Test
    void numberAfterToWithoutMoneyIsNotARange() {
      MoneyMention m = one("He sent $2 billion to 30 companies.");
      assertThat(m.text()).isEqualTo("$2 billion");
      assertThat(m.amount()).isEqualByComparingTo("2000000000");
    }

    @Test
    void fromToIsAChangeBetweenTwoAmountsNotARange() {
      List<MoneyMention> found = find("Deposits rose from $2 billion to $3 billion in a year.");
      assertThat(found).extracting(MoneyMention::text).containsExactly("$2 billion", "$3 billion");
      assertThat(found).extracting(MoneyMention::amount).doesNotContainNull();
    }

    @Test
    void betweenYearsIsNotMoney() {
      MoneyMention m = one("Between 2010 and 2015, $3 billion left the country.");
      assertThat(m.text()).isEqualTo("$3 billion");
    }
  }

  @Nested
  class Vague {

    @ParameterizedTest(name = "{0}")
    // CHECKSTYLE.OFF: LineLength - one sentence a row: the table reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
        They took tens of billions of dollars with them.     | tens of billions of dollars     | USD | 10000000000 | 100000000000
        Officials moved billions of yuan abroad.             | billions of yuan                | CNY | 1000000000  | 10000000000
        It cost hundreds of millions of dollars.             | hundreds of millions of dollars | USD | 100000000   | 1000000000
        The scheme lost millions of pounds.                  | millions of pounds              | GBP | 1000000     | 10000000
        Fraud running into billions of naira was alleged.    | billions of naira               | NGN | 1000000000  | 10000000000
        They spent several million euros on art.             | several million euros           | EUR | 3000000     | 9000000
        They spent a few billion dollars on arms.            | a few billion dollars           | USD | 2000000000  | 5000000000
        They took tens of billions of US dollars.            | tens of billions of US dollars  | USD | 10000000000 | 100000000000
        """)
    // CHECKSTYLE.ON: LineLength
    void vagueMagnitudesBecomeRanges(String sentence, String text, String currency, String low, String high) {
      Found f = EXTRACTOR.findDetailed(sentence).get(0);
      MoneyMention m = f.mention();
      assertThat(f.form()).isEqualTo(Form.VAGUE);
      assertThat(m.text()).isEqualTo(text);
      assertThat(m.currency()).isEqualTo(currency);
      assertThat(m.amount()).isNull();
      assertThat(m.low()).isEqualByComparingTo(low);
      assertThat(m.high()).isEqualByComparingTo(high);
      assertThat(m.approximate()).isTrue();
      assertThat(m.amountUsd()).isNotNull();
    }

    @Test
    void vagueUsdMidpoint() {
      MoneyMention m = one("They took tens of billions of dollars.");
      assertThat(m.amountUsd()).isEqualTo(bd("55000000000.00"));
      assertThat(m.usdLow()).isEqualTo(bd("10000000000.00"));
      assertThat(m.usdHigh()).isEqualTo(bd("100000000000.00"));
    }

    @Test
    void vagueWordsWithoutCurrencyAreNotMoney() {
      assertThat(find("Billions of people watched; millions of viewers tuned in; it drained billions.")).isEmpty();
    }
  }

  @Nested
  class SeveralAmounts {

    @Test
    void twoAmountsJoinedByAndStayTwo() {
      List<MoneyMention> found = find("He was paid €40 million and 25 million euros in two deals.");
      assertThat(found).extracting(MoneyMention::text).containsExactly("€40 million", "25 million euros");
      assertThat(found).extracting(MoneyMention::amount)
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(bd("40000000"), bd("25000000"));
      assertThat(found).extracting(MoneyMention::currency).containsExactly("EUR", "EUR");
    }

    @Test
    void listOfAmountsInDifferentCurrencies() {
      List<MoneyMention> found = find("Accounts held $3 million, £2 million, 9 million yuan and CHF 4 million.");
      assertThat(found).extracting(MoneyMention::currency).containsExactly("USD", "GBP", "CNY", "CHF");
    }
  }

  @Nested
  class ArticleConversion {

    @Test
    void printedUsdConversionWinsAndIsNotASecondMention() {
      String text = "The cadres took 800 billion yuan ($110 billion) out of the country.";
      List<Found> found = EXTRACTOR.findDetailed(text);
      assertThat(found).hasSize(1);
      Found f = found.get(0);
      assertThat(f.mention().text()).isEqualTo("800 billion yuan");
      assertThat(f.mention().currency()).isEqualTo("CNY");
      assertThat(f.mention().amount()).isEqualByComparingTo("800000000000");
      assertThat(f.mention().amountUsd()).isEqualTo(bd("110000000000.00"));
      assertThat(f.mention().usdRateSource()).isEqualTo(MoneyExtractor.SOURCE_ARTICLE);
      assertThat(f.conversion().text()).isEqualTo("$110 billion");
      assertThat(text.substring(f.conversion().begin(), f.conversion().end())).isEqualTo("$110 billion");
    }

    @Test
    void hedgeInsideTheConversionBelongsToTheConversionOnly() {
      Found f = EXTRACTOR.findDetailed(
          "Police returned 6 million NZ dollars (about 4 million U.S. dollars) to the victims.").get(0);
      assertThat(f.mention().approximate()).isFalse();
      assertThat(f.mention().currency()).isEqualTo("NZD");
      assertThat(f.mention().amountUsd()).isEqualTo(bd("4000000.00"));
      assertThat(f.mention().usdRateSource()).isEqualTo("article");
      assertThat(f.conversion().approximate()).isTrue();
    }

    @Test
    void conversionIntoAnotherCurrencyIsConvertedWithTheTable() {
      MoneyMention m = one("They stole 500 million yuan (£50 million) from the bank.");
      BigDecimal gbp = EXTRACTOR.rates().quote("GBP", null).orElseThrow().usdPerUnit();
      assertThat(m.currency()).isEqualTo("CNY");
      assertThat(m.amountUsd()).isEqualTo(bd("50000000").multiply(gbp).setScale(2, java.math.RoundingMode.HALF_EVEN));
      assertThat(m.usdRateSource()).isEqualTo("article+" + latest("GBP"));
    }

    @Test
    void commaOrConversion() {
      MoneyMention m = one("He kept 70 million yuan, or about $10 million, in a safe.");
      assertThat(m.amountUsd()).isEqualTo(bd("10000000.00"));
      assertThat(m.usdRateSource()).isEqualTo("article");
    }

    @Test
    void conversionAfterWorthOf() {
      MoneyMention m = one("He sold 2 billion rubles' worth of bonds ($30 mln) last year.");
      assertThat(m.currency()).isEqualTo("RUB");
      assertThat(m.amountUsd()).isEqualTo(bd("30000000.00"));
    }

    @Test
    void impliedArticleRateAppliesToOtherAmountsInTheSameCurrency() {
      List<MoneyMention> found = find(
          "He took 100 million yuan ($15 million) in bribes. Of that, 20 million yuan was recovered.");
      assertThat(found).hasSize(2);
      assertThat(found.get(1).amountUsd()).isEqualTo(bd("3000000.00"));
      assertThat(found.get(1).usdRateSource()).isEqualTo(MoneyExtractor.SOURCE_ARTICLE_RATE);
    }

    @Test
    void aDollarAmountsPrintedConversionGivesThatCurrencysRateToo() {
      // the headline's pounds come before the body's conversion and still use the article's rate
      List<MoneyMention> found = find(
          "£20m returned to Lagos. The court returned 33 million dollars (£20.6m) to Nigeria.");
      assertThat(found).hasSize(2);
      assertThat(found.get(0).usdRateSource()).isEqualTo(MoneyExtractor.SOURCE_ARTICLE_RATE);
      assertThat(found.get(0).amountUsd().doubleValue())
          .isCloseTo(32_038_835, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void rangeWithPrintedConversionScalesBothEnds() {
      MoneyMention m = one("They moved 2 to 3 billion yuan ($250 million to $375 million) abroad.");
      assertThat(m.amountUsd()).isEqualByComparingTo("312500000");
      assertThat(m.usdLow()).isEqualByComparingTo("250000000");
      assertThat(m.usdHigh()).isEqualByComparingTo("375000000");
    }

    @Test
    void usdPrimaryKeepsItsOwnValue() {
      MoneyMention m = one("The fund lost $100 million (£80 million) last year.");
      assertThat(m.amountUsd()).isEqualTo(bd("100000000.00"));
      assertThat(m.usdRateSource()).isEqualTo(MoneyExtractor.SOURCE_USD);
    }

    @Test
    void parenthesisWithoutMoneyIsNotAConversion() {
      Found f = EXTRACTOR.findDetailed("He took 5 million yuan (in cash) and left.").get(0);
      assertThat(f.conversion()).isNull();
      assertThat(f.mention().usdRateSource()).isEqualTo(latest("CNY"));
    }
  }

  @Nested
  class NotMoney {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "In 2015, 300 officials fled to 40 countries.",
        "Exports rose 15% in 2019 and 7.5 percent in 2020.",
        "Leaders met at the G20 summit in 2016.",
        "Call the hotline on +44 20 7946 0958 or 555-0134.",
        "The party has 1.08 million members and 300 million supporters.",
        "Prices are quoted in 2015 dollars throughout.",
        "The team of 3 won the final.",
        "The boxer weighed 200 pounds.",
        "He served 10 years, 6 months and 3 days.",
        "The report ran to 120 pages with 5,000 footnotes.",
    })
    void ordinaryNumbersAreNotMoney(String sentence) {
      assertThat(find(sentence)).isEmpty();
    }
  }

  @Nested
  class Absurd {

    @Test
    void powerNotationIsReadAndCappedNotCrashed() {
      MoneyMention m = one("A prankster claimed 10^30 dollars were hidden.");
      assertThat(m.amount()).isEqualByComparingTo("1E30");
      assertThat(m.amountUsd()).isNull();
      assertThat(m.usdLow()).isNull();
      assertThat(m.usdHigh()).isNull();
      assertThat(m.usdRateSource()).isNull();
    }

    @Test
    void exponentNotationAboveTheCapHasNoUsd() {
      MoneyMention m = one("A bot claimed $1e30 in losses.");
      assertThat(m.amount()).isEqualByComparingTo("1E30");
      assertThat(m.amountUsd()).isNull();
    }

    @Test
    void justAboveTheCapHasNoUsdJustBelowHasOne() {
      assertThat(one("A claim of $5,000 trillion was made.").amountUsd()).isNull();
      assertThat(one("A claim of $900 trillion was made.").amountUsd()).isEqualByComparingTo("9E14");
    }

    @Test
    void numbersBeyondAnyScaleAreDroppedWithoutTheirTail() {
      String huge = "9".repeat(150);
      assertThat(find("A bot claimed " + huge + " dollars and $1e400 and 10^999999 yuan.")).isEmpty();
    }
  }

  @Nested
  class OffsetsAndRegions {

    @Test
    void offsetsPointIntoTheGivenText() {
      String text = "Intro line.\nHe took $5 million; she took 9 billion yuan ($1.3 billion); they took €7m.";
      List<MoneyMention> found = find(text);
      assertThat(found).extracting(MoneyMention::text).containsExactly("$5 million", "9 billion yuan", "€7m");
      assertThat(found.get(0).begin()).isEqualTo(text.indexOf("$5"));
    }

    @Test
    void regionSearchReturnsArticleOffsetsAndSeesContextBeforeTheRegion() {
      String text = "Japan's tax office said: ¥9 billion was hidden. A second sum of $4 million was found.";
      int sentence2 = text.indexOf("A second");
      List<MoneyMention> second = EXTRACTOR.find(text, sentence2, text.length(), null);
      assertThat(second).hasSize(1);
      assertThat(second.get(0).begin()).isEqualTo(text.indexOf("$4"));
      List<MoneyMention> first = EXTRACTOR.find(text, 0, sentence2, null);
      assertThat(first).extracting(MoneyMention::currency).containsExactly("JPY");
    }

    @Test
    void hedgeBeforeTheRegionStillCounts() {
      String text = "They stole more than $8 million.";
      int at = text.indexOf('$');
      assertThat(EXTRACTOR.find(text, at, text.length(), null).get(0).approximate()).isTrue();
    }

    @Test
    void badRegionIsRejected() {
      assertThatThrownBy(() -> EXTRACTOR.find("abc", 2, 1, null)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyAndMoneylessTextsGiveNothing() {
      assertThat(find("")).isEmpty();
      assertThat(find("No figures at all in this sentence.")).isEmpty();
      assertThat(find("$ and € and yuan, without numbers.")).isEmpty();
    }

    @Test
    void sameResultsFromManyThreads() {
      String text = "He took $5 million, 9 billion yuan ($1.3 billion) and tens of billions of rubles.";
      List<MoneyMention> expected = EXTRACTOR.find(text);
      List<List<MoneyMention>> all = IntStream.range(0, 64).parallel().mapToObj(i -> EXTRACTOR.find(text)).toList();
      assertThat(all).allSatisfy(r -> assertThat(r).isEqualTo(expected));
      assertThat(expected).hasSize(3);
    }
  }

  @Nested
  class MoreForms {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        The clerk took Rs. 10 crore.                 | Rs. 10 crore    | INR | 100000000
        They hid US$ 50 billion abroad.              | US$ 50 billion  | USD | 50000000000
        The governor looted N5 billion.              | N5 billion      | NGN | 5000000000
        The mayor kept NT$300 million.               | NT$300 million  | TWD | 300000000
        The loan was 3 million Korean won.           | 3 million Korean won | KRW | 3000000
        He paid 4 million Pakistani rupees.          | 4 million Pakistani rupees | PKR | 4000000
        He paid 4,000,000 rupees.                    | 4,000,000 rupees | INR | 4000000
        """)
    void moreCurrencyForms(String sentence, String text, String currency, String amount) {
      MoneyMention m = one(sentence);
      assertThat(m.text()).isEqualTo(text);
      assertThat(m.currency()).isEqualTo(currency);
      assertThat(m.amount()).isEqualByComparingTo(amount);
    }

    @Test
    void singleLetterNairaNeedsAScaleWord() {
      assertThat(find("Form N5 was filed with N 20 copies.")).isEmpty();
    }

    @Test
    void trailingOddIsApproximate() {
      assertThat(one("The car cost $40,000-odd.").approximate()).isTrue();
    }

    @Test
    void ambiguousWordWithALargeNumberIsMoney() {
      MoneyMention m = one("He paid 25,000 pounds for the car.");
      assertThat(m.currency()).isEqualTo("GBP");
    }
  }

  @Test
  void junkNeverBreaksTheOffsetContract() {
    String[] pieces = {"$", "US$", "HK$", "¥", "€", "£", "₹", "RMB", "USD", "N", "Rs.", "1", "0", "9", "12", ",", ".",
        "000", "^", "e", "E", "-", "–", " to ", " and ", "between ", " ", "\n", "(", ")", "[", "]", "about ",
        "more than ", "million", "billion", " bn", "m", "k", "yuan", " dollars", " pounds", "won", "元", "亿", "tens of ",
        "billions of ", "several ", "a ", "half a ", ", or ", "'s worth of ", "\u0000", "\uD83D\uDCB0", "x", "G20",
        "2015 "};
    java.util.Random random = new java.util.Random(20241231L);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      List<MoneyMention> found = EXTRACTOR.find(text);
      int lastEnd = 0;
      for (MoneyMention m : found) {
        assertThat(m.begin()).as(text).isGreaterThanOrEqualTo(lastEnd);
        assertThat(m.end()).as(text).isGreaterThan(m.begin());
        assertThat(text.substring(m.begin(), m.end())).as(text).isEqualTo(m.text());
        assertThat(m.currency()).as(text).isNotNull();
        assertThat(m.low()).as(text).isNotNull();
        assertThat(m.low().compareTo(m.high())).as(text).isLessThanOrEqualTo(0);
        if (m.amountUsd() != null) {
          assertThat(m.amountUsd().scale()).isEqualTo(2);
          assertThat(m.usdHigh()).isLessThanOrEqualTo(MoneyExtractor.USD_CAP.setScale(2));
        }
        lastEnd = m.end();
      }
    }
  }

  @Test
  void customRateTableIsUsed() {
    MoneyExtractor ex = new MoneyExtractor(
        RateTable.of("test", LocalDate.of(2020, 1, 1), Map.of("USD", BigDecimal.ONE, "EUR", bd("2"))));
    MoneyMention m = ex.find("It cost €3 million.").get(0);
    assertThat(m.amountUsd()).isEqualTo(bd("6000000.00"));
    assertThat(m.usdRateSource()).isEqualTo("test@2020-01-01");
    MoneyMention unknown = ex.find("It cost 3 million yuan.").get(0);
    assertThat(unknown.currency()).isEqualTo("CNY");
    assertThat(unknown.amountUsd()).isNull();
    assertThat(unknown.usdRateSource()).isNull();
  }
}
