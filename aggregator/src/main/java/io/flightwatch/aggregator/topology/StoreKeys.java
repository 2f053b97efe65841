package io.flightwatch.aggregator.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the aggregator's stores compose keys, so one prefix range reads "every support of one claim" or "every claim of
 * one country in one role" without a full scan. Parts are joined by U+0000, which no claim key, country code, article
 * id or outlet contains; stores order keys by their UTF-8 bytes, so a prefix's entries are contiguous.
 */
public final class StoreKeys {

  public static final String SEP = "\u0000";

  /** Sorts after every key that starts with the same prefix (U+10FFFF is the largest code point). */
  private static final String LAST = "\uDBFF\uDFFF";

  /** Digits of the integer part of a sortable amount: ten trillion USD (the largest accepted claim) has 14. */
  private static final int INTEGER_DIGITS = 16;

  /** The ranking scope that lists every kind. */
  public static final String ALL_KINDS = "*";

  private StoreKeys() {}

  /** A claim's place in the global ranking: (kind or all, most independent sources first, claim key). */
  public static String claimRank(String kindOrAll, int sources, String claimKey) {
    return join(kindOrAll, descending(sources), claimKey);
  }

  /** A claim's place in one country's ranking for one role. */
  public static String countryRank(String country, String role, String kindOrAll, int sources, String claimKey) {
    return join("r", country, role, kindOrAll, descending(sources), claimKey);
  }

  /** The prefix of {@link #countryRank} entries for one country, role and kind (or all kinds). */
  public static String countryRankPrefix(String country, String role, String kindOrAll) {
    return prefix("r", country, role, kindOrAll);
  }

  public static String join(String... parts) {
    return String.join(SEP, parts);
  }

  /** The prefix of every key that continues {@code parts} with one more part. */
  public static String prefix(String... parts) {
    return join(parts) + SEP;
  }

  /** The inclusive upper bound of a range over {@code prefix}. */
  public static String upper(String prefix) {
    return prefix + LAST;
  }

  /** The first part of a joined key (the country of a (country, year) key). */
  public static String first(String key) {
    int i = key.indexOf(SEP);
    return i < 0 ? key : key.substring(0, i);
  }

  /** The last part of a composed key. */
  public static String last(String key) {
    return key.substring(key.lastIndexOf(SEP) + 1);
  }

  /** A non-negative amount as fixed-width digits, so byte order is numeric order ("0000000000001200.00"). */
  public static String sortable(BigDecimal v) {
    String plain = v.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    int dot = plain.indexOf('.');
    return "0".repeat(Math.max(0, INTEGER_DIGITS - dot)) + plain;
  }

  /** A count as fixed-width digits in descending order: larger counts sort first. */
  public static String descending(int n) {
    return String.format("%010d", Integer.MAX_VALUE - Math.max(0, n));
  }
}
