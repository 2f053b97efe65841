package io.flightwatch.nlp.extract;

import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one country of a national currency (NGN -> NG, RUB -> RU), from the JDK's own country/currency table; currencies
 * shared by several countries (EUR, USD, XOF) have none. The origin of a money claim when the text states none (before
 * the article's most named country).
 */
final class CurrencyCountries {

  private static final Map<String, String> ONLY_COUNTRY = build();

  private CurrencyCountries() {}

  private static Map<String, String> build() {
    Map<String, String> first = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (String iso : Locale.getISOCountries()) {
      Currency c;
      try {
        c = Currency.getInstance(new Locale("", iso));
      } catch (IllegalArgumentException e) {
        continue; // the JDK knows no currency for this country (e.g. Antarctica)
      }
      if (c == null) {
        continue;
      }
      if (first.putIfAbsent(c.getCurrencyCode(), iso) != null) {
        shared.add(c.getCurrencyCode());
      }
    }
    shared.forEach(first::remove);
    return Map.copyOf(first);
  }

  /** The country of a currency used by one country only, else null. */
  static String countryOf(String currency) {
    return currency == null ? null : ONLY_COUNTRY.get(currency);
  }
}
