package io.flightwatch.common;

/**
 * One country's totals for one year, in both roles: the value of the compacted topic {@code country-years} (key
 * {@link #key}) and of each entry of {@code /api/countries/{iso}/years}. A claim counts in the year of the period its
 * sentence states when that lies within one year ("1,300 returned in 2017"), else in the year it was first published;
 * {@code "undated"} collects claims of articles with no date. Each year is a band of its own claims: a year's low end
 * is its largest claim, its high end the sum of its distinct claims (cumulative figures of one series counted once).
 *
 * @param country ISO 3166-1 alpha-2, or "ZZ"
 * @param name    English short name
 * @param year    four digits, or "undated"
 */
public record CountryYear(String country, String name, String year, RoleTotals asDestination, RoleTotals asOrigin) {

  /** The record key: {@code "CN/2016"}, {@code "CN/undated"}. */
  public static String key(String country, String year) {
    return country + "/" + year;
  }
}
