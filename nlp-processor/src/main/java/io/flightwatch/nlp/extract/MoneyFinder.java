package io.flightwatch.nlp.extract;

import io.flightwatch.common.MoneyMention;
import java.util.List;

/** Finds monetary amounts in a text, with offsets relative to the text given. */
@FunctionalInterface
public interface MoneyFinder {

  List<MoneyMention> find(CharSequence text);
}
