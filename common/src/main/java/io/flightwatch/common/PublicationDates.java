package io.flightwatch.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an article was published, when its feed entry or page metadata does not say: from the URL path
 * ("/2015/04-29/", "/2019/01/12/", "/20150821/", "/12-Feb-2019/") and then from the text: a "Published: …" or "Updated
 * …" line, then a line that is only a date, then the first date of the dateline ("WASHINGTON, Aug. 14, 2014 (Reuters)
 * —"). A date found this way is the day at 00:00
 * UTC; a URL that gives only a month gives its first day. Dates before 1990 or after {@code today} are not dates of
 * publication (an archive path, a typo) and are ignored.
 */
public final class PublicationDates {

  /** Where {@link Article#publishedAt} came from. */
  public static final String FEED = "feed";
  public static final String META = "meta";
  public static final String INPUT = "input";
  public static final String URL = "url";
  public static final String TEXT = "text";
  public static final String NONE = "none";

  /** A date and where it was found. */
  public record Found(Instant at, String source) {}

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
      Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
  private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final String YEAR = "((?:19|20)\\d{2})";

  /** URL forms, most specific first; groups: year, month, day (day absent = first of the month). */
  private static final List<Pattern> URL_FORMS = List.of(
      // /2019/12/20/, /2015/04-29/, /2016-07/25/, /2020-08-11-, /2022/7/25/
      Pattern.compile("[/_-]" + YEAR + "[/-](\\d{1,2})[/-](\\d{1,2})(?=[/_.-]|$)"),
      // /201712/08/
      Pattern.compile("/" + YEAR + "(\\d{2})/(\\d{2})(?=/)"),
      // /20150821/, /201803260834, ud=20190622000054
      Pattern.compile("(?<![\\d])" + YEAR + "(\\d{2})(\\d{2})(?=\\d{0,6}(?:\\D|$))"),
      // /2001/WORLD/americas/06/25/
      Pattern.compile("/" + YEAR + "/(?:[a-z][a-z-]*/){1,3}(\\d{2})/(\\d{2})/", Pattern.CASE_INSENSITIVE),
      // /2017/08/ (month only)
      Pattern.compile("/" + YEAR + "/(\\d{1,2})/"));

  private static final Pattern URL_DAY_MONTH_YEAR = Pattern.compile("[/_-](\\d{1,2})-" + MONTH + "-" + YEAR
      + "(?=[/_.-]|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_YEAR_MONTH_DAY = Pattern.compile("[/_-]" + YEAR + "-" + MONTH + "-(\\d{1,2})"
      + "(?=[/_.-]|$)", Pattern.CASE_INSENSITIVE);

  /** "Aug. 14, 2014", "August 14 2014". */
  private static final Pattern TEXT_MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\.? (\\d{1,2}),? " + YEAR
      + "\\b", Pattern.CASE_INSENSITIVE);
  /** "14 August 2014", "14 Aug. 2014". */
  private static final Pattern TEXT_DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) " + MONTH + "\\.?,? " + YEAR
      + "\\b", Pattern.CASE_INSENSITIVE);
  /** "7/26/2011" (US order; a first number over 12 is read as the day). */
  private static final Pattern TEXT_NUMERIC = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/" + YEAR + "\\b");
  private static final Pattern TEXT_ISO = Pattern.compile("\\b" + YEAR + "[-/](\\d{2})[-/](\\d{2})\\b");
  /** "Published: …", "Updated …", "Posted on …", "Date: …" anywhere on a line (a byline may precede it). */
  private static final Pattern DATE_LINE = Pattern.compile("(?i)\\b(?:published|updated|posted|date)(?: on)?\\s*:?"
      + "\\s*([^\\n]{0,60})");
  /** A line that is a date and nothing more (maybe a weekday or a time): a dateline set apart. */
  private static final Pattern LONE_DATE_LINE = Pattern.compile("(?im)^[ \\t]*(?:(?:mon|tue|wed|thu|fri|sat|sun)"
      + "[a-z]*,? )?([^\\n]{6,30}?)[ \\t]*(?:\\d{1,2}:\\d{2}[^\\n]{0,12})?$");

  /** Characters of the body's start where a dateline stands. */
  static final int DATELINE_CHARS = 400;

  private PublicationDates() {}

  /** The date of a URL's path, if it has one. */
  public static Optional<LocalDate> fromUrl(String url, LocalDate today) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    // A date spelt with the month's name is the editors' own; a run of digits may be a system's timestamp.
    Matcher named = URL_DAY_MONTH_YEAR.matcher(path);
    if (named.find()) {
      Optional<LocalDate> d = date(named.group(3), month(named.group(2)), named.group(1), today);
      if (d.isPresent()) {
        return d;
      }
    }
    named = URL_YEAR_MONTH_DAY.matcher(path);
    if (named.find()) {
      Optional<LocalDate> d = date(named.group(1), month(named.group(2)), named.group(3), today);
      if (d.isPresent()) {
        return d;
      }
    }
    for (int i = 0; i < URL_FORMS.size(); i++) {
      Matcher m = URL_FORMS.get(i).matcher(path);
      while (m.find()) {
        Optional<LocalDate> d = date(m.group(1), m.group(2), m.groupCount() >= 3 ? m.group(3) : "1", today);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /** The date of the text's dateline or "Published:" line, if it has one. */
  public static Optional<LocalDate> fromText(String text, LocalDate today) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String head = text.length() > 4 * DATELINE_CHARS ? text.substring(0, 4 * DATELINE_CHARS) : text;
    Matcher line = DATE_LINE.matcher(head);
    while (line.find()) {
      Optional<LocalDate> d = firstDate(line.group(1), today);
      if (d.isPresent()) {
        return d;
      }
    }
    Matcher lone = LONE_DATE_LINE.matcher(head);
    while (lone.find()) {
      Optional<LocalDate> d = firstDate(lone.group(1), today);
      if (d.isPresent()) {
        return d;
      }
    }
    return firstDate(text.length() > DATELINE_CHARS ? text.substring(0, DATELINE_CHARS) : text, today);
  }

  /**
   * The best date for an article: {@code given} (from the feed entry, the page's metadata or the input, with its
   * source) when there is one, else the URL's, else the text's, else none.
   */
  public static Found resolve(Instant given, String givenSource, String url, String text, LocalDate today) {
    if (given != null) {
      return new Found(given, givenSource);
    }
    Optional<LocalDate> d = fromUrl(url, today);
    if (d.isPresent()) {
      return new Found(d.get().atStartOfDay(ZoneOffset.UTC).toInstant(), URL);
    }
    d = fromText(text, today);
    return d.map(x -> new Found(x.atStartOfDay(ZoneOffset.UTC).toInstant(), TEXT)).orElse(new Found(null, NONE));
  }

  /** The earliest-standing date of any text form in {@code s}. */
  private static Optional<LocalDate> firstDate(String s, LocalDate today) {
    int best = Integer.MAX_VALUE;
    Optional<LocalDate> found = Optional.empty();
    for (Pattern form : List.of(TEXT_MONTH_DAY_YEAR, TEXT_DAY_MONTH_YEAR, TEXT_NUMERIC, TEXT_ISO)) {
      Matcher m = form.matcher(s);
      if (m.find() && m.start() < best) {
        Optional<LocalDate> d = read(form, m, today);
        if (d.isPresent()) {
          best = m.start();
          found = d;
        }
      }
    }
    return found;
  }

  private static Optional<LocalDate> read(Pattern form, Matcher m, LocalDate today) {
    if (form == TEXT_MONTH_DAY_YEAR) {
      return date(m.group(3), month(m.group(1)), m.group(2), today);
    }
    if (form == TEXT_DAY_MONTH_YEAR) {
      return date(m.group(3), month(m.group(2)), m.group(1), today);
    }
    if (form == TEXT_NUMERIC) {
      // US order; a first number over 12 can only be the day
      return Integer.parseInt(m.group(1)) > 12 ? date(m.group(3), m.group(2), m.group(1), today)
          : date(m.group(3), m.group(1), m.group(2), today);
    }
    return date(m.group(1), m.group(2), m.group(3), today);
  }

  private static String month(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Integer m = MONTHS.get(key.length() > 4 && key.startsWith("sept") ? "sept" : key.substring(0, 3));
    return m == null ? "0" : String.valueOf(m);
  }

  private static Optional<LocalDate> date(String year, String month, String day, LocalDate today) {
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      if (d.getYear() < 1990 || (today != null && d.isAfter(today))) {
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty(); // "2019/13/40" is an id, not a date
    }
  }
}
