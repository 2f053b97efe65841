package io.flightwatch.nlp.money;

import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.money.MoneyExtractor.Form;
import io.flightwatch.nlp.money.MoneyExtractor.Found;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts the amounts read from a text to USD, in this order: an amount in US dollars is its own value; the article's
 * printed conversion ("800 billion yuan ($110 billion)") gives the value; the rate that conversion implies is used for
 * the text's other amounts in the same currency; otherwise the {@link RateTable} at the date. Values above
 * {@link MoneyExtractor#USD_CAP} are dropped. Immutable and thread-safe.
 */
final class UsdConverter {

  private final RateTable rates;

  UsdConverter(RateTable rates) {
    this.rates = rates;
  }

  /** The mentions of {@code parsed}, converted at {@code date}'s rates (null: the latest). */
  List<Found> toFound(CharSequence text, List<ParsedAmount> parsed, LocalDate date) {
    // the article's own conversions imply a rate per currency; the first one printed is used for that currency's other
    // amounts in the same text
    Map<String, BigDecimal> implied = new HashMap<>();
    for (ParsedAmount p : parsed) {
      ParsedAmount c = p.conversion();
      if (c != null && "USD".equals(c.code()) && !"USD".equals(p.code()) && p.form() == Form.EXACT
          && p.amount().signum() > 0) {
        implied.putIfAbsent(p.code(), c.mid().divide(p.amount(), Decimals.MC));
      } else if (c != null && "USD".equals(p.code()) && c.code() != null && !"USD".equals(c.code())
          && c.form() == Form.EXACT && p.form() == Form.EXACT && c.amount().signum() > 0) {
        // "29 million dollars (£17.6m)": the pound's rate that day, for "£17m recovered" in the headline
        implied.putIfAbsent(c.code(), p.mid().divide(c.amount(), Decimals.MC));
      }
    }
    List<Found> out = new ArrayList<>(parsed.size());
    for (ParsedAmount p : parsed) {
      MoneyMention conv = p.conversion() == null ? null : mention(text, p.conversion(), null, Map.of(), date);
      out.add(new Found(mention(text, p, p.conversion(), implied, date), p.form(), conv));
    }
    return List.copyOf(out);
  }

  private MoneyMention mention(CharSequence text, ParsedAmount p, ParsedAmount conv, Map<String, BigDecimal> implied,
      LocalDate date) {
    BigDecimal[] usd = null; // low, high, mid
    String source = null;
    if ("USD".equals(p.code())) {
      usd = new BigDecimal[] {p.low(), p.high(), p.mid()};
      source = MoneyExtractor.SOURCE_USD;
    } else if (conv != null && !"USD".equals(p.code())) {
      Optional<RateTable.Quote> convRate = "USD".equals(conv.code()) ? Optional.empty() : rates.quote(conv.code(),
          date);
      BigDecimal convUsd = "USD".equals(conv.code()) ? conv.mid()
          : convRate.map(q -> conv.mid().multiply(q.usdPerUnit())).orElse(null);
      if (convUsd != null && p.mid().signum() > 0) {
        BigDecimal rate = convUsd.divide(p.mid(), Decimals.MC);
        usd = new BigDecimal[] {p.low().multiply(rate), p.high().multiply(rate), convUsd};
        source = "USD".equals(conv.code()) ? MoneyExtractor.SOURCE_ARTICLE
            : "article+" + convRate.orElseThrow().source();
      }
    }
    if (usd == null && implied.containsKey(p.code())) {
      BigDecimal rate = implied.get(p.code());
      usd = new BigDecimal[] {p.low().multiply(rate), p.high().multiply(rate), p.mid().multiply(rate)};
      source = MoneyExtractor.SOURCE_ARTICLE_RATE;
    }
    Optional<RateTable.Quote> quote = usd == null ? rates.quote(p.code(), date) : Optional.empty();
    LocalDate rateDate = date;
    if (quote.isPresent()) {
      BigDecimal rate = quote.get().usdPerUnit();
      usd = new BigDecimal[] {p.low().multiply(rate), p.high().multiply(rate), p.mid().multiply(rate)};
      source = quote.get().source() + (quote.get().approximate() ? "~" : "");
      rateDate = quote.get().rateDate();
    }
    if (usd != null && usd[1].compareTo(MoneyExtractor.USD_CAP) > 0) {
      usd = null; // implausible: kept as a mention so a reader sees it, but with no USD value it never reaches a total
      source = null;
    }
    return new MoneyMention(
        text.subSequence(p.begin(), p.end()).toString(),
        p.begin(),
        p.end(),
        p.amount(),
        p.low(),
        p.high(),
        p.code(),
        p.approximate(),
        usd == null ? null : RateTable.roundUsd(usd[2]),
        usd == null ? null : RateTable.roundUsd(usd[0]),
        usd == null ? null : RateTable.roundUsd(usd[1]),
        source,
        usd == null ? null : "USD".equals(p.code()) ? BigDecimal.ONE : rateOf(usd[2], p.mid()),
        usd == null || "USD".equals(p.code()) ? null : rateDate);
  }

  /** See {@link MoneyExtractor#at(MoneyMention, LocalDate)}. */
  MoneyMention at(MoneyMention mention, LocalDate date) {
    String source = mention.usdRateSource();
    if (date == null || mention.usdRate() == null || mention.usdRate().signum() <= 0 || source == null
        || source.equals(MoneyExtractor.SOURCE_USD) || source.startsWith(MoneyExtractor.SOURCE_ARTICLE)
        || date.equals(mention.rateDate())) {
      return mention;
    }
    Optional<RateTable.Quote> quote = rates.quote(mention.currency(), date);
    if (quote.isEmpty()) {
      return mention;
    }
    BigDecimal factor = quote.get().usdPerUnit().divide(mention.usdRate(), Decimals.MC);
    return new MoneyMention(mention.text(), mention.begin(), mention.end(), mention.amount(), mention.low(),
        mention.high(), mention.currency(), mention.approximate(), times(mention.amountUsd(), factor),
        times(mention.usdLow(), factor), times(mention.usdHigh(), factor),
        quote.get().source() + (quote.get().approximate() ? "~" : ""),
        Decimals.normalise(quote.get().usdPerUnit().round(Decimals.RATE)), quote.get().rateDate());
  }

  private static BigDecimal times(BigDecimal usd, BigDecimal factor) {
    return usd == null ? null : RateTable.roundUsd(usd.multiply(factor));
  }

  /** USD per unit as applied (for an article's own conversion, the rate it implies), 8 significant digits. */
  private static BigDecimal rateOf(BigDecimal usd, BigDecimal amount) {
    if (amount.signum() == 0) {
      return null;
    }
    return Decimals.normalise(usd.divide(amount, Decimals.RATE));
  }
}
