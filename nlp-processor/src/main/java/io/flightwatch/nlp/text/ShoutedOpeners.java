package io.flightwatch.nlp.text;

import java.util.Locale;
import java.util.Set;

/**
 * A word of {@code shouted-openers.txt} printed in capitals at the start of a line or sentence is read in title case:
 * "THE United Kingdom has returned $2.7 million" becomes "The United Kingdom ...", so the tagger and NER see
 * the country. Only the case of letters changes, so every offset stays the same.
 *
 * <pre>
 *   "THE United Kingdom has returned"    "The United Kingdom has returned"
 *   "FORMER minister Ana Ruiz fled"       "Former minister Ana Ruiz fled"
 *   "US officials said"                   unchanged: "US" is not in the list
 *   "THE FORMER MINISTER FLED"            unchanged: a line in capitals is a headline, left as printed
 * </pre>
 */
public final class ShoutedOpeners {

  static final String OPENERS = "shouted-openers.txt";
  private static final Set<String> WORDS = WordFile.read(OPENERS);

  private ShoutedOpeners() {
  }

  public static String calm(String text) {
    char[] c = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      boolean start = i == 0 || text.charAt(i - 1) == '\n'
          || i >= 2 && text.charAt(i - 1) == ' ' && ".!?".indexOf(text.charAt(i - 2)) >= 0;
      if (!start || !Character.isUpperCase(text.charAt(i))) {
        continue;
      }
      int end = i;
      while (end < n && Character.isUpperCase(text.charAt(end))) {
        end++;
      }
      // the next word must not be in capitals too: a shouted headline stays as printed
      boolean next = end + 1 < n && text.charAt(end) == ' ' && !Character.isWhitespace(text.charAt(end + 1))
          && !(end + 2 < n && Character.isUpperCase(text.charAt(end + 1))
              && Character.isUpperCase(text.charAt(end + 2)));
      if (end - i >= 2 && next && (end == n || !Character.isLetter(text.charAt(end)))
          && WORDS.contains(text.substring(i, end).toLowerCase(Locale.ROOT))) {
        c = c == null ? text.toCharArray() : c;
        for (int k = i + 1; k < end; k++) {
          c[k] = Character.toLowerCase(c[k]);
        }
      }
    }
    return c == null ? text : new String(c);
  }
}
