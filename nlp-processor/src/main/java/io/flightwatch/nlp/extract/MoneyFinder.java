package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import java.time.LocalDate;
import java.util.List;

/** Finds monetary amounts in a text, with offsets relative to the text given, converted to USD at a date's rates. */
@FunctionalInterface
public interface MoneyFinder {

  /** @param date the date whose exchange rates convert the amounts (the article's); null for the latest rates */
  List<MoneyMention> find(CharSequence text, LocalDate date);
}
