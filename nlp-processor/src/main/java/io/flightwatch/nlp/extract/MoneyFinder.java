package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import java.time.LocalDate;
import java.util.List;

/** Finds monetary amounts in a text, with offsets relative to the text given, converted to USD at a date's rates. */
public interface MoneyFinder {

  /** @param date the date whose exchange rates convert the amounts (the article's); null for the latest rates */
  List<MoneyMention> find(CharSequence text, LocalDate date);

  /**
   * The same amount converted at another date's rates ("800 billion yuan" moved in 2011, reported in 2020); an amount
   * the article converted itself, or one in dollars, stays as it is. This default never converts again.
   */
  default MoneyMention at(MoneyMention mention, LocalDate date) {
    return mention;
  }
}
