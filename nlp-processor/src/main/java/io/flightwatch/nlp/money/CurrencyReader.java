package io.flightwatch.nlp.money;

import io.flightwatch.nlp.money.CurrencyAliases.Alias;
import java.util.regex.Matcher;

/**
 * Which currency an amount is in: the alias printed before the number ("$5 million", "Rs. 10 crore", "USD 485
 * million"), after it ("800 billion yuan", "7 million Hong Kong dollars") or both ("HK$5 million dollars"), and the
 * context words that pick among the currencies an alias may mean ("¥" near "yen" is JPY). Immutable.
 */
final class CurrencyReader {

  /** How far from the amount a context word decides, unless the alias looks at the whole text. */
  private static final int CONTEXT_WITHIN = 150;

  /** A currency as printed, and where the mention ends with it. */
  record Cur(Alias alias, int end) {}

  private final CurrencyAliases aliases;

  CurrencyReader(CurrencyAliases aliases) {
    this.aliases = aliases;
  }

  /** The alias a matched piece of text stands for, or null. */
  Alias lookup(CharSequence matched) {
    return aliases.lookup(matched);
  }

  /** Where the number starts after the alias {@code a} printed before it, which ends at {@code p}. */
  static int afterPre(Scan sc, Alias a, int p) {
    if (a.endsWithLetter() && p < sc.to && sc.text.charAt(p) == '.') {
      p++; // "Rs. 10 crore"
    }
    if (!a.needsScale() && p < sc.to && (sc.text.charAt(p) == ' ' || sc.text.charAt(p) == '\u00a0')) {
      p++; // "USD 485 million", "$ 5m"
    }
    return p;
  }

  /** The currency printed after a number that ends at {@code p}, or null. */
  Cur postAt(Scan sc, int p) {
    if (!sc.at(sc.post, p)) {
      return null;
    }
    Alias a = aliases.lookup(sc.post.group(1));
    return a == null ? null : new Cur(a, sc.post.end());
  }

  /** Which currency a pre- and a post-number currency together mean, and where the mention ends. */
  static Cur resolve(Alias preA, Cur postC, int numberEnd) {
    if (preA == null) {
      return postC;
    }
    if (postC == null) {
      return new Cur(preA, numberEnd);
    }
    Alias postA = postC.alias();
    if (preA.code().equals(postA.code())) {
      return new Cur(preA.generic() ? postA : preA, postC.end());
    }
    if (preA.generic() && !postA.generic()) {
      return postC; // "¥5 billion yen"
    }
    if (postA.generic() && !preA.generic()) {
      return new Cur(preA, postC.end()); // "HK$5 million dollars"
    }
    return new Cur(preA, numberEnd); // two different currencies: the word after belongs to something else
  }

  /**
   * The alias's currency, or the currency its context words point to: the context word nearest the amount (within 150
   * characters); else, for the story-wide contexts, the country the story names most often, the nearest one between
   * equals ("dinars" in a Tunisian story that says the suspect crossed into Algeria are Tunisian); null when the alias
   * has no currency of its own ("?": plain "shillings" in a story that names no shilling country) and no context word
   * is found.
   */
  static String code(Scan sc, Alias a, int begin, int end) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String wideBest = null;
    int wideCount = 0;
    int wideDistance = Integer.MAX_VALUE;
    for (CurrencyAliases.Context c : a.contexts()) {
      Matcher m = c.words().matcher(sc.text);
      if (!c.wide()) {
        m.region(Math.max(0, begin - CONTEXT_WITHIN), Math.min(sc.text.length(), end + CONTEXT_WITHIN));
      }
      int count = 0;
      int nearest = Integer.MAX_VALUE;
      while (m.find()) {
        count++;
        // a country named before the amount sets it more often than one named after: a story's (or an explainer's
        // section's) country comes first ("PAKISTAN: ... transferring Rs900 crore ... SRI LANKA: ...")
        nearest = Math.min(nearest, m.start() >= end ? 2 * (m.start() - end) : Math.max(0, begin - m.end()));
      }
      if (count == 0) {
        continue;
      }
      if (!c.wide() && nearest < bestDistance) {
        bestDistance = nearest;
        best = c.code();
      } else if (c.wide() && (count > wideCount || count == wideCount && nearest < wideDistance)) {
        wideBest = c.code();
        wideCount = count;
        wideDistance = nearest;
      }
    }
    if (best != null || wideBest != null) {
      return best != null ? best : wideBest;
    }
    return "?".equals(a.code()) ? null : a.code();
  }
}
