package io.flightwatch.nlp.money;

import io.flightwatch.common.MoneyMention;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Finds monetary amounts in plain text: the currency (symbols, ISO codes and words from {@code currencies.tsv}), the
 * number with its scale word, hedges, ranges, vague magnitudes ("tens of billions of dollars") and the article's own
 * conversion ("800 billion yuan ($110 billion)"), and converts each to USD.
 *
 * <p>It works on raw characters, not CoreNLP tokens, so it runs on a sentence or a whole article at the same cost per
 * character. Immutable and thread-safe: every pattern is compiled once in the constructor; a call only creates
 * matchers.
 *
 * <p>The work is shared out: {@link AmountScanner} walks the text and reads each amount with a {@link NumberReader}
 * (number and scale word), a {@link CurrencyReader} (currency) and a {@link RangeReader} (ranges and vague amounts);
 * {@link UsdConverter} converts them. Words and patterns are data: {@code scale-words.tsv}, {@code number-words.tsv},
 * {@code hedges.txt} and {@code money-patterns.regex} next to {@code currencies.tsv}.
 *
 * <p>Decisions (see {@code docs/money.md}):
 * <ul>
 *   <li>Exact amounts: {@code amount = low = high}. Ranges and vague magnitudes: {@code amount = null}, {@code
 *       low}/{@code high} set, {@code approximate = true}, {@code amountUsd} = middle of {@code usdLow..usdHigh}.
 *   <li>A printed conversion right after an amount ("(about $300 million)", ", or $5 million") is not returned as a
 *       mention of its own; it sets the primary mention's USD values ({@code usdRateSource = "article"}). A conversion
 *       into another non-USD currency is converted with the rate table ({@code "article+ecb@<day>"}). Other amounts in
 *       the same currency in the same call then use the article's implied rate ({@code "article-rate"}).
 *   <li>Conversions use the rates of the date given (the article's publication date; {@link RateTable}): the source
 *       names the rate's day ({@code "ecb@2014-08-13"}), with a trailing {@code ~} when the rate is approximate (an
 *       annual average, a date before the ECB's data).
 *   <li>USD values above {@link #USD_CAP} are not trusted: the mention is returned with null USD fields so it never
 *       reaches a total. Numbers of 10^100 and more are not amounts at all and are dropped.
 * </ul>
 */
public final class MoneyExtractor {

  /** Above this, a USD value is treated as a misreading (the world's yearly GDP is about 1e14 USD). */
  public static final BigDecimal USD_CAP = new BigDecimal("1E15");

  /** usdRateSource of an amount printed in US dollars. */
  public static final String SOURCE_USD = "identity";

  /** usdRateSource when the article printed the USD figure next to the amount. */
  public static final String SOURCE_ARTICLE = "article";

  /** usdRateSource when the rate was implied by another conversion the same article printed for the same currency. */
  public static final String SOURCE_ARTICLE_RATE = "article-rate";

  /** How a mention's amount is known. */
  public enum Form {
    /** One printed number: amount = low = high. */
    EXACT,
    /** "between $2 billion and $3 billion", "$2-3 billion": amount null, low and high printed. */
    RANGE,
    /** "tens of billions of dollars": amount null, low and high are the order of magnitude the phrase means. */
    VAGUE
  }

  /**
   * A mention with how it was read.
   *
   * @param mention    the mention as returned by {@link #find(CharSequence)}
   * @param form       exact, range or vague
   * @param conversion the article's printed conversion of it (offsets into the same text), or null; never part of the
   *                   {@code find} result on its own
   */
  public record Found(MoneyMention mention, Form form, MoneyMention conversion) {}

  private final RateTable rates;
  private final AmountScanner scanner;
  private final UsdConverter converter;

  /** An extractor with the bundled currency aliases. */
  public MoneyExtractor(RateTable rates) {
    this(rates, CurrencyAliases.loadDefault());
  }

  public MoneyExtractor(RateTable rates, CurrencyAliases aliases) {
    this.rates = Objects.requireNonNull(rates, "rates");
    this.scanner = new AmountScanner(Objects.requireNonNull(aliases, "aliases"), MoneyWords.loadDefault());
    this.converter = new UsdConverter(rates);
  }

  /** An extractor on the bundled rate table and aliases. */
  public static MoneyExtractor withDefaults() {
    return new MoneyExtractor(RateTable.loadDefault(), CurrencyAliases.loadDefault());
  }

  public RateTable rates() {
    return rates;
  }

  /** Every monetary amount in {@code text}, in text order, offsets into {@code text}, converted at the latest rates. */
  public List<MoneyMention> find(CharSequence text) {
    return find(text, 0, text.length(), null);
  }

  /** Every monetary amount in {@code text}, converted at the rates of {@code date} (null: the latest). */
  public List<MoneyMention> find(CharSequence text, LocalDate date) {
    return find(text, 0, text.length(), date);
  }

  /**
   * Every monetary amount that starts in {@code text[from, to)}, offsets into the whole {@code text}. Use this with an
   * article's full text and a sentence's character offsets: hedges and currency context before {@code from} are seen,
   * and the offsets are already article offsets.
   */
  public List<MoneyMention> find(CharSequence text, int from, int to, LocalDate date) {
    return findDetailed(text, from, to, date).stream().map(Found::mention).toList();
  }

  /** Like {@link #find(CharSequence)}, with the form of each amount and the article's printed conversion. */
  public List<Found> findDetailed(CharSequence text) {
    return findDetailed(text, 0, text.length(), null);
  }

  /**
   * Like {@link #find(CharSequence, int, int, LocalDate)}, with each amount's form and the article's own conversion.
   */
  public List<Found> findDetailed(CharSequence text, int from, int to, LocalDate date) {
    Objects.checkFromToIndex(from, to, text.length());
    return converter.toFound(text, scanner.scan(text, from, to), date);
  }

  /**
   * {@code mention} converted at {@code date}'s rates when its rate came from the tables (ECB, pegs, annual averages);
   * an amount in dollars or converted by the article keeps its value. The other fields stay as they are.
   */
  public MoneyMention at(MoneyMention mention, LocalDate date) {
    return converter.at(mention, date);
  }
}
