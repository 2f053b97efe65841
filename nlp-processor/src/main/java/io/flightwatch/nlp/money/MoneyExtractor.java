package io.flightwatch.nlp.money;

import io.flightwatch.common.MoneyMention;
import io.flightwatch.nlp.money.CurrencyAliases.Alias;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds monetary amounts in plain text: the currency (symbols, ISO codes and words from {@code currencies.tsv}), the
 * number with its scale word, hedges, ranges, vague magnitudes ("tens of billions of dollars") and the article's own
 * conversion ("800 billion yuan ($110 billion)"), and converts each to USD.
 *
 * <p>It works on raw characters, not CoreNLP tokens, so it runs on a sentence or a whole article at the same cost per
 * character. Immutable and thread-safe: every pattern is compiled once in the constructor; a call only creates
 * matchers.
 *
 * <p>Decisions (see {@code docs/money.md}):
 * <ul>
 *   <li>Exact amounts: {@code amount = low = high}. Ranges and vague magnitudes: {@code amount = null}, {@code
 *       low}/{@code high} set, {@code approximate = true}, {@code amountUsd} = middle of {@code usdLow..usdHigh}.
 *   <li>A printed conversion right after an amount ("(about $300 million)", ", or $5 million") is not returned as a
 *       mention of its own; it sets the primary mention's USD values ({@code usdRateSource = "article"}). A conversion
 *       into another non-USD currency is converted with the rate table ({@code "article+ecb@<day>"}). Other amounts in
 *       the same currency in the same call then use the article's implied rate ({@code "article-rate"}).
 *   <li>Conversions use the rates of the date given (the article's publication date; {@link RateTable}): the source
 *       names the rate's day ({@code "ecb@2014-08-13"}), with a trailing {@code ~} when the rate is approximate (an
 *       annual average, a date before the ECB's data).
 *   <li>USD values above {@link #USD_CAP} are not trusted: the mention is returned with null USD fields so it never
 *       reaches a total. Numbers of 10^100 and more are not amounts at all and are dropped.
 * </ul>
 */
public final class MoneyExtractor {

  /** Above this, a USD value is treated as a misreading (the world's yearly GDP is about 1e14 USD). */
  public static final BigDecimal USD_CAP = new BigDecimal("1E15");

  /** usdRateSource of an amount printed in US dollars. */
  public static final String SOURCE_USD = "identity";

  /** usdRateSource when the article printed the USD figure next to the amount. */
  public static final String SOURCE_ARTICLE = "article";

  /** usdRateSource when the rate was implied by another conversion the same article printed for the same currency. */
  public static final String SOURCE_ARTICLE_RATE = "article-rate";

  /** Numbers with this many integer digits or more are never amounts; nothing bigger is ever materialised. */
  static final int MAX_MAGNITUDE = 100;

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final String SP = "[ \\t\\u00a0]";

  private static final Map<String, BigDecimal> SCALES = Map.ofEntries(
      Map.entry("thousand", new BigDecimal("1E3")), Map.entry("million", new BigDecimal("1E6")),
      Map.entry("billion", new BigDecimal("1E9")), Map.entry("trillion", new BigDecimal("1E12")),
      Map.entry("crore", new BigDecimal("1E7")), Map.entry("crores", new BigDecimal("1E7")),
      Map.entry("lakh", new BigDecimal("1E5")), Map.entry("lakhs", new BigDecimal("1E5")),
      Map.entry("lac", new BigDecimal("1E5")), Map.entry("lacs", new BigDecimal("1E5")),
      Map.entry("bn", new BigDecimal("1E9")), Map.entry("bln", new BigDecimal("1E9")),
      Map.entry("mln", new BigDecimal("1E6")), Map.entry("mn", new BigDecimal("1E6")),
      Map.entry("mio", new BigDecimal("1E6")), Map.entry("tn", new BigDecimal("1E12")),
      Map.entry("trn", new BigDecimal("1E12")), Map.entry("m", new BigDecimal("1E6")),
      Map.entry("b", new BigDecimal("1E9")), Map.entry("k", new BigDecimal("1E3")),
      Map.entry("万", new BigDecimal("1E4")), Map.entry("亿", new BigDecimal("1E8")),
      // plural magnitudes of vague amounts ("billions of yuan")
      Map.entry("thousands", new BigDecimal("1E3")), Map.entry("millions", new BigDecimal("1E6")),
      Map.entry("billions", new BigDecimal("1E9")), Map.entry("trillions", new BigDecimal("1E12")));

  private static final Map<String, BigDecimal> WORD_NUMBERS = Map.ofEntries(
      Map.entry("a", BigDecimal.ONE), Map.entry("an", BigDecimal.ONE), Map.entry("one", BigDecimal.ONE),
      Map.entry("half a", new BigDecimal("0.5")), Map.entry("half an", new BigDecimal("0.5")),
      Map.entry("two", BigDecimal.valueOf(2)), Map.entry("three", BigDecimal.valueOf(3)),
      Map.entry("four", BigDecimal.valueOf(4)), Map.entry("five", BigDecimal.valueOf(5)),
      Map.entry("six", BigDecimal.valueOf(6)), Map.entry("seven", BigDecimal.valueOf(7)),
      Map.entry("eight", BigDecimal.valueOf(8)), Map.entry("nine", BigDecimal.valueOf(9)),
      Map.entry("ten", BigDecimal.TEN), Map.entry("eleven", BigDecimal.valueOf(11)),
      Map.entry("twelve", BigDecimal.valueOf(12)), Map.entry("fifteen", BigDecimal.valueOf(15)),
      Map.entry("twenty", BigDecimal.valueOf(20)), Map.entry("thirty", BigDecimal.valueOf(30)),
      Map.entry("forty", BigDecimal.valueOf(40)), Map.entry("fifty", BigDecimal.valueOf(50)),
      Map.entry("sixty", BigDecimal.valueOf(60)), Map.entry("seventy", BigDecimal.valueOf(70)),
      Map.entry("eighty", BigDecimal.valueOf(80)), Map.entry("ninety", BigDecimal.valueOf(90)),
      Map.entry("hundred", BigDecimal.valueOf(100)));

  /** Words that hedge the amount right after them. */
  private static final List<String> HEDGES = List.of(
      "more than", "over", "about", "around", "nearly", "almost", "up to", "at least", "some", "roughly",
      "an estimated", "estimated at", "estimated", "approximately", "approx.", "close to", "upwards of",
      "in excess of", "as much as", "no less than", "not less than", "less than", "under", "just over",
      "just under", "well over", "above", "below", "at most", "almost", "~");

  /** How a mention's amount is known. */
  public enum Form {
    /** One printed number: amount = low = high. */
    EXACT,
    /** "between $2 billion and $3 billion", "$2-3 billion": amount null, low and high printed. */
    RANGE,
    /** "tens of billions of dollars": amount null, low and high are the order of magnitude the phrase means. */
    VAGUE
  }

  /**
   * A mention with how it was read.
   *
   * @param mention    the mention as returned by {@link #find(CharSequence)}
   * @param form       exact, range or vague
   * @param conversion the article's printed conversion of it (offsets into the same text), or null; never part of the
   *                   {@code find} result on its own
   */
  public record Found(MoneyMention mention, Form form, MoneyMention conversion) {}

  private final RateTable rates;
  private final CurrencyAliases.Prefixes prePrefixes;
  private final Pattern magnitude;
  private final Pattern pre;
  private final Pattern post;
  private final Pattern num;
  private final Pattern wordNum;
  private final Pattern scale;
  private final Pattern vague;
  private final Pattern few;
  private final Pattern rangeSep;
  private final Pattern andSep;
  private final Pattern betweenBefore;
  private final Pattern fromBefore;
  private final Pattern wordsBeforeMagnitude;
  private final Pattern parenCodeBefore;
  private final Pattern hedgeBefore;
  private final Pattern hedgeAfter;
  private final Pattern yearBefore;
  private final Pattern convOpen;
  private final Pattern convClose;
  private final Pattern convOr;
  private final CurrencyAliases aliases;

  /** An extractor with the bundled currency aliases. */
  public MoneyExtractor(RateTable rates) {
    this(rates, CurrencyAliases.loadDefault());
  }

  public MoneyExtractor(RateTable rates, CurrencyAliases aliases) {
    this.rates = Objects.requireNonNull(rates, "rates");
    this.aliases = Objects.requireNonNull(aliases, "aliases");
    String preAlt = aliases.alternation(true);
    String postAlt = aliases.alternation(false);
    // Triggers, tested char by char (no regex at ordinary characters): a currency printed before a number, a digit,
    // or a magnitude word ("billion", "billions"), from which the words in front ("tens of", "two") are found by
    // looking back.
    this.prePrefixes = aliases.prefixes(true);
    this.magnitude = Pattern.compile("(?i)(?:(?:m|b|tr)illion|thousand)(?<plural>s)?(?![\\p{L}])");
    String wordNumbers = WORD_NUMBERS.keySet().stream().filter(w -> !w.contains(" ")).collect(Collectors.joining("|"));
    this.wordsBeforeMagnitude = Pattern.compile("(?i)(?<![\\p{L}])(?:(?:tens|hundreds)" + SP + "+of|several|a" + SP
        + "+few|half" + SP + "+an?|" + wordNumbers + ")" + SP + "+$");
    this.pre = Pattern.compile(preAlt);
    this.post = Pattern.compile("\\s{0,3}(" + postAlt + ")");
    this.num = Pattern.compile("(?<int>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?<frac>\\.[0-9]+)?"
        + "(?:[eE](?<exp>[+-]?[0-9]{1,9})|\\^(?<pow>[0-9]{1,9}))?(?![0-9])");
    this.wordNum = Pattern.compile("(?i)(?<w>half" + SP + "+an?|" + String.join("|", WORD_NUMBERS.keySet().stream()
        .filter(w -> !w.contains(" ")).toList()) + ")(?![\\p{L}])");
    this.scale = Pattern.compile("(?i)(?:" + SP + "{0,2}-?" + SP + "{0,2}(?<word>thousand|million|billion|trillion"
        + "|crores?|lakhs?|lacs?)(?![\\p{L}])|" + SP + "?(?<abbr>bn|bln|mln|mn|mio|tn|trn)(?![\\p{L}])"
        + "|(?<letter>[mbk])(?![\\p{L}\\p{N}])|" + SP + "?(?<cjk>[万亿]))");
    this.vague = Pattern.compile("(?i)(?:(?<mult>tens|hundreds)" + SP + "+of" + SP + "+)?"
        + "(?<mag>thousands|millions|billions|trillions)" + SP + "+of(?=\\s)");
    this.few = Pattern.compile("(?i)(?<few>several|a" + SP + "+few)" + SP
        + "+(?<mag>thousand|million|billion|trillion)(?![\\p{L}])(?:" + SP + "+of(?=\\s))?");
    this.rangeSep = Pattern.compile(SP + "*(?:[-–—]|(?<![\\p{L}])to(?![\\p{L}]))" + SP + "*");
    this.andSep = Pattern.compile(SP + "+and" + SP + "+");
    this.betweenBefore = Pattern.compile("(?i)(?<![\\p{L}])between" + SP + "+$");
    this.fromBefore = Pattern.compile("(?i)(?<![\\p{L}])from" + SP + "+$");
    this.parenCodeBefore = Pattern.compile("\\((" + preAlt + ")\\)" + SP + "?$");
    this.hedgeBefore = Pattern.compile("(?i)(?<![\\p{L}])(?:" + HEDGES.stream()
        .map(h -> Pattern.quote(h).replace(" ", "\\E" + SP + "+\\Q")).collect(Collectors.joining("|"))
        + ")" + SP + "*(?:between" + SP + "+)?$");
    this.hedgeAfter = Pattern.compile("(?i)\\+(?![0-9])|" + SP + "+or" + SP + "+(?:more|so)(?![\\p{L}])"
        + "|-?plus(?![\\p{L}])|" + SP + "*-?odd(?![\\p{L}])");
    this.yearBefore = Pattern.compile("(?i)(?<![\\p{L}])(?:in|constant|real|nominal|current)" + SP + "+$");
    this.convOpen = Pattern.compile("(?i)(?:['’]s?)?(?:" + SP + "+worth(?:" + SP + "+of(?:" + SP
        + "+[\\p{L}-]+){1,2})?)?" + SP + "*[(\\[]" + SP + "*(?:(?:about|approximately|approx\\.|around|roughly|some"
        + "|nearly|almost|over|more" + SP + "+than|or|ca\\.|c\\.|~|equivalent" + SP + "+to|equal" + SP + "+to|worth"
        + "|at" + SP + "+least|up" + SP + "+to)" + SP + "*)?");
    this.convClose = Pattern.compile("[^()\\[\\]\\n]{0,80}?[)\\]]");
    this.convOr = Pattern.compile("(?i)," + SP + "*or" + SP + "+(?:(?:about|around|roughly|some|approximately"
        + "|nearly|almost)" + SP + "+)?");
  }

  /** An extractor on the bundled rate table and aliases. */
  public static MoneyExtractor withDefaults() {
    return new MoneyExtractor(RateTable.loadDefault(), CurrencyAliases.loadDefault());
  }

  public RateTable rates() {
    return rates;
  }

  /** Every monetary amount in {@code text}, in text order, offsets into {@code text}, converted at the latest rates. */
  public List<MoneyMention> find(CharSequence text) {
    return find(text, 0, text.length(), null);
  }

  /** Every monetary amount in {@code text}, converted at the rates of {@code date} (null: the latest). */
  public List<MoneyMention> find(CharSequence text, LocalDate date) {
    return find(text, 0, text.length(), date);
  }

  /**
   * Every monetary amount that starts in {@code text[from, to)}, offsets into the whole {@code text}. Use this with an
   * article's full text and a sentence's character offsets: hedges and currency context before {@code from} are seen,
   * and the offsets are already article offsets.
   */
  public List<MoneyMention> find(CharSequence text, int from, int to, LocalDate date) {
    return findDetailed(text, from, to, date).stream().map(Found::mention).toList();
  }

  /** Like {@link #find(CharSequence)}, with the form of each amount and the article's printed conversion. */
  public List<Found> findDetailed(CharSequence text) {
    return findDetailed(text, 0, text.length(), null);
  }

  /**
   * Like {@link #find(CharSequence, int, int, LocalDate)}, with each amount's form and the article's own conversion.
   */
  public List<Found> findDetailed(CharSequence text, int from, int to, LocalDate date) {
    Objects.checkFromToIndex(from, to, text.length());
    Scan s = new Scan(text, to);
    List<Parsed> parsed = new ArrayList<>();
    int pos = from;
    int i = from;
    while (i < to) {
      int at = candidate(s, i, pos);
      if (at < 0) {
        i++;
        continue;
      }
      Parsed p = parseMention(s, at);
      if (p == null) {
        i++;
      } else {
        if (!p.dropped()) {
          parsed.add(p);
        }
        pos = Math.max(p.consumedEnd(), i + 1);
        i = pos;
      }
    }
    return toFound(text, parsed, date);
  }

  // -------------------------------------------------------------------------------------------------------------------
  // parsing

  /**
   * Where a mention could start if character {@code i} triggers one, or -1. {@code pos} is the end of the last mention:
   * a start found by looking back never goes before it.
   */
  private int candidate(Scan sc, int i, int pos) {
    CharSequence t = sc.text;
    char c = t.charAt(i);
    char prev = i == 0 ? ' ' : t.charAt(i - 1);
    if (c >= '0' && c <= '9') {
      // inside a number ("1,234", "10^30", "1e30") or a word ("G20"); currency prefixes are their own trigger
      boolean glued = Character.isLetterOrDigit(prev) || ".,^_/".indexOf(prev) >= 0;
      return glued ? -1 : i;
    }
    if (prePrefixes.couldStartAt(t, i) && sc.at(sc.pre, i)) {
      return i;
    }
    if ((c == 'm' || c == 'b' || c == 't' || c == 'M' || c == 'B' || c == 'T') && !Character.isLetter(prev)
        && sc.at(sc.magnitude, i)) {
      // a magnitude word not preceded by a number: "tens of billions", "two million", or bare "billions of"
      boolean plural = sc.magnitude.group("plural") != null;
      if (sc.before(sc.wordsBeforeMagnitude, i)) {
        int w = sc.wordsBeforeMagnitude.start();
        return w >= pos ? w : -1;
      }
      return plural ? i : -1;
    }
    return -1;
  }

  /** Per-call matchers (patterns are shared; matchers are not thread-safe). */
  private final class Scan {
    final CharSequence text;
    final int to;
    final Matcher pre;
    final Matcher post;
    final Matcher num;
    final Matcher wordNum;
    final Matcher scale;
    final Matcher vague;
    final Matcher few;
    final Matcher rangeSep;
    final Matcher andSep;
    final Matcher betweenBefore;
    final Matcher fromBefore;
    final Matcher wordsBeforeMagnitude;
    final Matcher magnitude;
    final Matcher parenCodeBefore;
    final Matcher hedgeBefore;
    final Matcher hedgeAfter;
    final Matcher yearBefore;
    final Matcher convOpen;
    final Matcher convClose;
    final Matcher convOr;

    Scan(CharSequence text, int to) {
      this.text = text;
      this.to = to;
      this.pre = m(MoneyExtractor.this.pre);
      this.post = m(MoneyExtractor.this.post);
      this.num = m(MoneyExtractor.this.num);
      this.wordNum = m(MoneyExtractor.this.wordNum);
      this.scale = m(MoneyExtractor.this.scale);
      this.vague = m(MoneyExtractor.this.vague);
      this.few = m(MoneyExtractor.this.few);
      this.rangeSep = m(MoneyExtractor.this.rangeSep);
      this.andSep = m(MoneyExtractor.this.andSep);
      this.betweenBefore = m(MoneyExtractor.this.betweenBefore);
      this.fromBefore = m(MoneyExtractor.this.fromBefore);
      this.wordsBeforeMagnitude = m(MoneyExtractor.this.wordsBeforeMagnitude);
      this.magnitude = m(MoneyExtractor.this.magnitude);
      this.parenCodeBefore = m(MoneyExtractor.this.parenCodeBefore);
      this.hedgeBefore = m(MoneyExtractor.this.hedgeBefore);
      this.hedgeAfter = m(MoneyExtractor.this.hedgeAfter);
      this.yearBefore = m(MoneyExtractor.this.yearBefore);
      this.convOpen = m(MoneyExtractor.this.convOpen);
      this.convClose = m(MoneyExtractor.this.convClose);
      this.convOr = m(MoneyExtractor.this.convOr);
    }

    private Matcher m(Pattern p) {
      return p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Does {@code m} match starting exactly at {@code at} (within the scan end)? */
    boolean at(Matcher m, int at) {
      if (at > to) {
        return false;
      }
      m.region(at, to);
      return m.lookingAt();
    }

    /** Does {@code m} (a pattern ending in $) match text ending exactly at {@code at}, looking back up to 40 chars? */
    boolean before(Matcher m, int at) {
      m.region(Math.max(0, at - 40), at).useAnchoringBounds(true);
      boolean found = m.find();
      m.useAnchoringBounds(false);
      return found;
    }
  }

  private record Num(int begin, int end, BigDecimal base, BigDecimal scale, boolean absurd) {
    BigDecimal value(BigDecimal inherited) {
      BigDecimal s = scale != null ? scale : inherited;
      return s == null ? base : base.multiply(s);
    }
  }

  /** A currency as printed: pre is before the number, post after. */
  private record Cur(Alias alias, int end) {}

  private record Parsed(
      int begin, int end, int consumedEnd, String code, Form form, BigDecimal amount, BigDecimal low, BigDecimal high,
      boolean approximate, Parsed conversion, boolean dropped) {

    static Parsed drop(int begin, int consumedEnd) {
      return new Parsed(begin, consumedEnd, consumedEnd, null, null, null, null, null, false, null, true);
    }

    BigDecimal mid() {
      return amount != null ? amount : low.add(high).divide(TWO, MC);
    }

    Parsed withHedge(boolean approx) {
      return new Parsed(begin, end, consumedEnd, code, form, amount, low, high, approximate || approx, conversion,
          dropped);
    }

    Parsed withConversion(Parsed conv, int consumed) {
      return new Parsed(begin, end, Math.max(consumedEnd, consumed), code, form, amount, low, high, approximate, conv,
          dropped);
    }
  }

  /** An amount with its hedges and printed conversion, starting at {@code s}. */
  private Parsed parseMention(Scan sc, int s) {
    Parsed p = parseAmount(sc, s, true);
    if (p == null || p.dropped()) {
      return p;
    }
    boolean hedged = sc.before(sc.hedgeBefore, s) || sc.at(sc.hedgeAfter, p.end());
    p = p.withHedge(hedged);
    int e = p.end();
    if (sc.at(sc.convOpen, e)) {
      int c = sc.convOpen.end();
      Parsed conv = parseAmount(sc, c, false);
      if (conv != null && !conv.dropped()) {
        conv = conv.withHedge(sc.before(sc.hedgeBefore, conv.begin()));
        int consumed = sc.at(sc.convClose, conv.end()) ? sc.convClose.end() : conv.end();
        return p.withConversion(conv, consumed);
      }
    } else if (!"USD".equals(p.code()) && sc.at(sc.convOr, e)) {
      Parsed conv = parseAmount(sc, sc.convOr.end(), false);
      if (conv != null && !conv.dropped() && "USD".equals(conv.code())) {
        conv = conv.withHedge(sc.before(sc.hedgeBefore, conv.begin()));
        return p.withConversion(conv, conv.end());
      }
    }
    return p;
  }

  /** The amount itself (currency, number, scale, range or vague magnitude) at {@code s}, or null. */
  private Parsed parseAmount(Scan sc, int s, boolean allowVague) {
    if (allowVague) {
      Parsed v = parseVague(sc, s);
      if (v != null) {
        return v;
      }
    }
    Alias preAlias = null;
    int p = s;
    if (sc.at(sc.pre, s)) {
      preAlias = aliases.lookup(sc.pre.group());
      p = afterPre(sc, preAlias, sc.pre.end());
    } else if (sc.before(sc.parenCodeBefore, s)) {
      preAlias = aliases.lookup(sc.parenCodeBefore.group(1)); // "Swiss francs (CHF) 2.5 billion": the number alone
    }
    Num n1 = parseNum(sc, p);
    if (n1 == null) {
      return null;
    }
    if (n1.absurd()) {
      Cur tail = postAt(sc, n1.end());
      return Parsed.drop(s, tail != null ? tail.end() : n1.end());
    }
    Parsed range = parseRangeTail(sc, s, preAlias, n1);
    if (range != null) {
      return range;
    }
    Cur postCur = postAt(sc, n1.end());
    Cur cur = resolve(preAlias, postCur, n1.end());
    if (cur == null || !plausible(sc, s, cur.alias(), preAlias, n1)) {
      return null;
    }
    BigDecimal value = normalise(n1.value(null));
    String code = code(sc, cur.alias(), s, cur.end());
    if (code == null) {
      return Parsed.drop(s, cur.end());
    }
    return new Parsed(s, cur.end(), cur.end(), code, Form.EXACT, value, value, value,
        false, null, false);
  }

  /** "2 to 3 billion yuan", "$2-3 billion", "between $2 billion and $3 billion"; null when it is not a range. */
  private Parsed parseRangeTail(Scan sc, int s, Alias preAlias, Num n1) {
    int q = n1.end();
    // "rose from $2 billion to $3 billion" is a change between two amounts, not a range
    boolean sep = sc.at(sc.rangeSep, q) && !sc.before(sc.fromBefore, s);
    int r = sep ? sc.rangeSep.end() : -1;
    if (!sep && sc.before(sc.betweenBefore, s) && sc.at(sc.andSep, q)) {
      sep = true;
      r = sc.andSep.end();
    }
    if (!sep) {
      return null;
    }
    Alias pre2 = null;
    if (sc.at(sc.pre, r)) {
      pre2 = aliases.lookup(sc.pre.group());
      r = afterPre(sc, pre2, sc.pre.end());
    }
    Num n2 = parseNum(sc, r);
    if (n2 == null || n2.absurd() || n1.absurd()) {
      return null;
    }
    Cur post2 = postAt(sc, n2.end());
    // "$2 billion to 30 officials" is not a range: the second number must carry money of its own
    if (n2.scale() == null && pre2 == null && post2 == null) {
      return null;
    }
    if (preAlias != null && pre2 != null && !preAlias.code().equals(pre2.code())) {
      return null;
    }
    BigDecimal high = n2.value(null);
    BigDecimal low = n1.value(n2.scale());
    if (n1.scale() == null && low.compareTo(high) >= 0) {
      low = n1.value(null); // "$500,000-1 million": the first number already is the whole amount
    }
    if (low.compareTo(high) >= 0) {
      return null;
    }
    Cur cur = resolve(preAlias != null ? preAlias : pre2, post2, n2.end());
    if (cur == null) {
      return null;
    }
    if (cur.alias().needsScale() && n2.scale() == null) {
      return null;
    }
    String code = code(sc, cur.alias(), s, cur.end());
    if (code == null) {
      return Parsed.drop(s, cur.end());
    }
    return new Parsed(s, cur.end(), cur.end(), code, Form.RANGE, null, normalise(low),
        normalise(high), true, null, false);
  }

  /** "tens of billions of dollars", "billions of yuan", "several million euros". */
  private Parsed parseVague(Scan sc, int s) {
    BigDecimal lowFactor;
    BigDecimal highFactor;
    String mag;
    int p;
    if (sc.at(sc.vague, s)) {
      String mult = sc.vague.group("mult");
      mag = sc.vague.group("mag");
      p = sc.vague.end();
      lowFactor = mult == null ? BigDecimal.ONE : mult.equalsIgnoreCase("tens") ? BigDecimal.TEN : new BigDecimal(100);
      highFactor = lowFactor.multiply(BigDecimal.TEN);
    } else if (sc.at(sc.few, s)) {
      String few = sc.few.group("few");
      mag = sc.few.group("mag");
      p = sc.few.end();
      boolean several = few.regionMatches(true, 0, "several", 0, 7);
      lowFactor = BigDecimal.valueOf(several ? 3 : 2);
      highFactor = BigDecimal.valueOf(several ? 9 : 5);
    } else {
      return null;
    }
    Cur cur = postAt(sc, p);
    if (cur == null) {
      return null;
    }
    BigDecimal unit = SCALES.get(mag.toLowerCase(Locale.ROOT));
    String code = code(sc, cur.alias(), s, cur.end());
    if (code == null) {
      return Parsed.drop(s, cur.end());
    }
    return new Parsed(s, cur.end(), cur.end(), code, Form.VAGUE, null,
        normalise(unit.multiply(lowFactor)), normalise(unit.multiply(highFactor)), true, null, false);
  }

  private static int afterPre(Scan sc, Alias a, int p) {
    if (a.endsWithLetter() && p < sc.to && sc.text.charAt(p) == '.') {
      p++; // "Rs. 10 crore"
    }
    if (!a.needsScale() && p < sc.to && (sc.text.charAt(p) == ' ' || sc.text.charAt(p) == '\u00a0')) {
      p++; // "USD 485 million", "$ 5m"
    }
    return p;
  }

  private Cur postAt(Scan sc, int p) {
    if (!sc.at(sc.post, p)) {
      return null;
    }
    Alias a = aliases.lookup(sc.post.group(1));
    return a == null ? null : new Cur(a, sc.post.end());
  }

  /** Which currency a pre- and a post-number currency together mean, and where the mention ends. */
  private static Cur resolve(Alias preA, Cur postC, int numberEnd) {
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

  /** Filters that keep ordinary words and years from becoming money. */
  private boolean plausible(Scan sc, int s, Alias cur, Alias preA, Num n) {
    if (cur.needsScale() && n.scale() == null) {
      return false;
    }
    if (cur.ambiguous() && n.scale() == null && preA == null && n.base().compareTo(BigDecimal.valueOf(1000)) < 0) {
      return false; // "200 pounds", "the 3 won"
    }
    if (preA == null && n.scale() == null && isYear(sc, n) && sc.before(sc.yearBefore, s)) {
      return false; // "in 2015 dollars"
    }
    return true;
  }

  private static boolean isYear(Scan sc, Num n) {
    if (n.end() - n.begin() != 4 || n.base().scale() > 0) {
      return false;
    }
    int y = n.base().intValue();
    return y >= 1800 && y <= 2100;
  }

  /**
   * The alias's currency, or the currency of the context word nearest the amount (within 150 characters, or anywhere
   * for a wide context); null when the alias has no currency of its own ("?": plain "shillings" in a story that names
   * no shilling country) and no context word is found.
   */
  private static String code(Scan sc, Alias a, int begin, int end) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (CurrencyAliases.Context c : a.contexts()) {
      Matcher m = c.words().matcher(sc.text);
      if (!c.wide()) {
        m.region(Math.max(0, begin - 150), Math.min(sc.text.length(), end + 150));
      }
      while (m.find()) {
        int d = m.start() >= end ? m.start() - end : Math.max(0, begin - m.end());
        if (d < bestDistance) {
          bestDistance = d;
          best = c.code();
        }
      }
    }
    if (best != null) {
      return best;
    }
    return "?".equals(a.code()) ? null : a.code();
  }

  private Num parseNum(Scan sc, int p) {
    BigDecimal base;
    int end;
    boolean wordNumber = false;
    if (sc.at(sc.num, p)) {
      Matcher m = sc.num;
      end = m.end();
      String digits = m.group("int").replace(",", "") + (m.group("frac") == null ? "" : m.group("frac"));
      base = new BigDecimal(digits);
      if (base.precision() - base.scale() > MAX_MAGNITUDE) {
        return new Num(p, end, base, null, true);
      }
      if (m.group("exp") != null) {
        long exp = Long.parseLong(m.group("exp"));
        if (exp > MAX_MAGNITUDE || exp < -MAX_MAGNITUDE) {
          return new Num(p, end, base, null, true);
        }
        base = base.scaleByPowerOfTen((int) exp);
      } else if (m.group("pow") != null) {
        long pow = Long.parseLong(m.group("pow"));
        double magnitude = base.signum() == 0 ? 0 : pow * Math.log10(base.doubleValue());
        if (pow > 1000 || magnitude > MAX_MAGNITUDE) {
          return new Num(p, end, base, null, true);
        }
        base = base.pow((int) pow);
      }
    } else if (sc.at(sc.wordNum, p)) {
      end = sc.wordNum.end();
      base = WORD_NUMBERS.get(sc.wordNum.group("w").toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
      wordNumber = true;
      if (base == null) {
        return null;
      }
    } else {
      return null;
    }
    BigDecimal mult = null;
    if (sc.at(sc.scale, end)) {
      Matcher m = sc.scale;
      String word = m.group("word") != null ? m.group("word") : m.group("abbr") != null ? m.group("abbr")
          : m.group("letter") != null ? m.group("letter") : m.group("cjk");
      if (wordNumber && m.group("word") == null) {
        return null; // "a m", "one k" are not amounts
      }
      mult = SCALES.get(word.toLowerCase(Locale.ROOT));
      end = m.end();
    } else if (wordNumber) {
      return null; // "a dollar", "one yuan" are not worth reporting and "a" alone is not a number
    }
    BigDecimal total = mult == null ? base : base.multiply(mult);
    boolean absurd = total.precision() - total.scale() > MAX_MAGNITUDE;
    return new Num(p, end, base, mult, absurd);
  }

  // -------------------------------------------------------------------------------------------------------------------
  // conversion to USD

  private List<Found> toFound(CharSequence text, List<Parsed> parsed, LocalDate date) {
    // the article's own conversions imply a rate per currency; the first one printed is used for that currency's other
    // amounts in the same text
    Map<String, BigDecimal> implied = new HashMap<>();
    for (Parsed p : parsed) {
      Parsed c = p.conversion();
      if (c != null && "USD".equals(c.code()) && !"USD".equals(p.code()) && p.form() == Form.EXACT
          && p.amount().signum() > 0) {
        implied.putIfAbsent(p.code(), c.mid().divide(p.amount(), MC));
      }
    }
    List<Found> out = new ArrayList<>(parsed.size());
    for (Parsed p : parsed) {
      MoneyMention conv = p.conversion() == null ? null : mention(text, p.conversion(), null, Map.of(), date);
      out.add(new Found(mention(text, p, p.conversion(), implied, date), p.form(), conv));
    }
    return List.copyOf(out);
  }

  private MoneyMention mention(CharSequence text, Parsed p, Parsed conv, Map<String, BigDecimal> implied,
      LocalDate date) {
    BigDecimal[] usd = null; // low, high, mid
    String source = null;
    if ("USD".equals(p.code())) {
      usd = new BigDecimal[] {p.low(), p.high(), p.mid()};
      source = SOURCE_USD;
    } else if (conv != null && !"USD".equals(p.code())) {
      Optional<RateTable.Quote> convRate = "USD".equals(conv.code()) ? Optional.empty() : rates.quote(conv.code(),
          date);
      BigDecimal convUsd = "USD".equals(conv.code()) ? conv.mid()
          : convRate.map(q -> conv.mid().multiply(q.usdPerUnit())).orElse(null);
      if (convUsd != null && p.mid().signum() > 0) {
        BigDecimal rate = convUsd.divide(p.mid(), MC);
        usd = new BigDecimal[] {p.low().multiply(rate), p.high().multiply(rate), convUsd};
        source = "USD".equals(conv.code()) ? SOURCE_ARTICLE : "article+" + convRate.orElseThrow().source();
      }
    }
    if (usd == null && implied.containsKey(p.code())) {
      BigDecimal rate = implied.get(p.code());
      usd = new BigDecimal[] {p.low().multiply(rate), p.high().multiply(rate), p.mid().multiply(rate)};
      source = SOURCE_ARTICLE_RATE;
    }
    Optional<RateTable.Quote> quote = usd == null ? rates.quote(p.code(), date) : Optional.empty();
    LocalDate rateDate = date;
    if (quote.isPresent()) {
      BigDecimal rate = quote.get().usdPerUnit();
      usd = new BigDecimal[] {p.low().multiply(rate), p.high().multiply(rate), p.mid().multiply(rate)};
      source = quote.get().source() + (quote.get().approximate() ? "~" : "");
      rateDate = quote.get().rateDate();
    }
    if (usd != null && usd[1].compareTo(USD_CAP) > 0) {
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

  /**
   * {@code mention} converted at {@code date}'s rates when its rate came from the tables (ECB, pegs, annual averages);
   * an amount in dollars or converted by the article keeps its value. The other fields stay as they are.
   */
  public MoneyMention at(MoneyMention mention, LocalDate date) {
    String source = mention.usdRateSource();
    if (date == null || mention.usdRate() == null || mention.usdRate().signum() <= 0 || source == null
        || source.equals(SOURCE_USD) || source.startsWith(SOURCE_ARTICLE) || date.equals(mention.rateDate())) {
      return mention;
    }
    Optional<RateTable.Quote> quote = rates.quote(mention.currency(), date);
    if (quote.isEmpty()) {
      return mention;
    }
    BigDecimal factor = quote.get().usdPerUnit().divide(mention.usdRate(), MC);
    return new MoneyMention(mention.text(), mention.begin(), mention.end(), mention.amount(), mention.low(),
        mention.high(), mention.currency(), mention.approximate(), times(mention.amountUsd(), factor),
        times(mention.usdLow(), factor), times(mention.usdHigh(), factor),
        quote.get().source() + (quote.get().approximate() ? "~" : ""), normalise(quote.get().usdPerUnit()
            .round(new MathContext(8, java.math.RoundingMode.HALF_EVEN))), quote.get().rateDate());
  }

  private static BigDecimal times(BigDecimal usd, BigDecimal factor) {
    return usd == null ? null : RateTable.roundUsd(usd.multiply(factor));
  }

  /** USD per unit as applied (for an article's own conversion, the rate it implies), 8 significant digits. */
  private static BigDecimal rateOf(BigDecimal usd, BigDecimal amount) {
    if (amount.signum() == 0) {
      return null;
    }
    return normalise(usd.divide(amount, new MathContext(8, java.math.RoundingMode.HALF_EVEN)));
  }

  /** 2.5E+9 becomes 2500000000, 1.50 becomes 1.5: one spelling per value, so equality and JSON are predictable. */
  private static BigDecimal normalise(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
