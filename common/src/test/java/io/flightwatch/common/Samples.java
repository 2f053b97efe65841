package io.flightwatch.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Realistic example records of every public topic, written by the team (the people, places and figures are invented).
 * Shared through the common test-jar so every module's tests build claims and articles the same way.
 */
public final class Samples {

  public static final String ARTICLE_ID = "a3f1c9e07b2d4c58e1f0b6a2d94c7e35";
  public static final String ARTICLE_VERSION = "5d41402abc4b2a76b9719d911017c592";
  public static final String URL = "https://news.example.org/2024/03/12/port-chief-toronto";
  public static final String SOURCE = "https://news.example.org/rss/world.xml";
  public static final String TITLE = "Former port authority chief traced to Toronto, prosecutors say";
  public static final String BODY = "Prosecutors in Guangzhou said on Tuesday that Zhao Minghui, the former head of "
      + "the city's port authority, left China in 2019 and is now living in Toronto. Investigators believe he moved "
          + "about 300 million "
      + "yuan abroad through shell companies before he left. Since 2015, more than 1,000 fugitive officials have been "
      + "brought back to China, the agency said.";
  public static final Instant PUBLISHED = Instant.parse("2024-03-12T08:30:00Z");
  public static final Instant FETCHED = Instant.parse("2024-03-12T09:02:17.482Z");

  private Samples() {}

  public static Article article() {
    return new Article(ARTICLE_ID, URL, SOURCE, TITLE, BODY, "en", PUBLISHED, FETCHED, ARTICLE_VERSION);
  }

  /** An article read from a folder: no URL, no language, no publication date. */
  public static Article articleWithoutUrl() {
    return new Article("0c7e21d9f4a65b13d2b87e09a6c4f150", null, "samples/", "Minister's aide leaves for Singapore",
        "A senior aide to the transport minister has left the country for Singapore, officials said.", null, null,
        FETCHED, "9e107d9d372bb6826bd81d3542a419d6");
  }

  public static String fullText() {
    return article().fullText();
  }

  /** Offsets of {@code sentence} in the sample article's full text. */
  public static int begin(String sentence) {
    int i = fullText().indexOf(sentence);
    if (i < 0) {
      throw new IllegalArgumentException("not in the sample text: " + sentence);
    }
    return i;
  }

  public static final String NAMED_SENTENCE = "Prosecutors in Guangzhou said on Tuesday that Zhao Minghui, the former "
      + "head of the city's port authority, left China in 2019 and is now living in Toronto.";
  public static final String MONEY_SENTENCE =
      "Investigators believe he moved about 300 million yuan abroad through shell companies before he left.";
  public static final String RETURN_SENTENCE =
      "Since 2015, more than 1,000 fugitive officials have been brought back to China, the agency said.";

  /** A named official who fled to Canada. */
  public static Claim namedFled() {
    Claim c = claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "CN", "CA")
        .count(1L).valueText("Zhao Minghui").namedPerson("Zhao Minghui").quote(NAMED_SENTENCE).confidence(0.86)
        .build();
    return c.withKey(ClaimKeys.canonical(c));
  }

  /** Money moved abroad with no single destination, approximate, in yuan with a USD estimate. */
  public static Claim moneyMoved() {
    Claim c = claim(1, ClaimKind.MONEY_MOVED_ABROAD, Subject.OFFICIALS, "CN", null)
        .amount(new BigDecimal("300000000"), "CNY").amountRange(new BigDecimal("300000000"),
            new BigDecimal("300000000"))
        .usd(new BigDecimal("41700000.00"), new BigDecimal("41700000.00"), new BigDecimal("41700000.00"))
        .usdRateSource("ecb@2024-03-01").rate(new BigDecimal("0.139"), LocalDate.of(2024, 3, 1))
        .valueText("about 300 million yuan").approximate(true).hedged(true)
        .quote(MONEY_SENTENCE).confidence(0.71).build();
    return c.withKey(ClaimKeys.canonical(c));
  }

  /** A cumulative (stock) count of returns since a stated year. */
  public static Claim returnedSince2015() {
    Claim c = claim(2, ClaimKind.OFFICIALS_RETURNED, Subject.FUGITIVES, "CN", null)
        .count(1000L).valueText("more than 1,000").approximate(true).period("since 2015").cumulative(true)
        .quote(RETURN_SENTENCE).confidence(0.9).build();
    return c.withKey(ClaimKeys.canonical(c));
  }

  public static AnnotatedArticle annotated() {
    String text = fullText();
    int zhao = text.indexOf("Zhao Minghui");
    int toronto = text.indexOf("Toronto", TITLE.length());
    int yuan = text.indexOf("about 300 million yuan");
    List<EntityMention> entities = List.of(
        new EntityMention("PERSON", "Zhao Minghui", zhao, zhao + "Zhao Minghui".length(), null),
        new EntityMention("CITY", "Toronto", toronto, toronto + "Toronto".length(), "CA"),
        new EntityMention("MONEY", "about 300 million yuan", yuan, yuan + "about 300 million yuan".length(), "3.0E8"),
        new EntityMention("DATE", "2019", text.indexOf("2019"), text.indexOf("2019") + 4, "2019"));
    List<MoneyMention> money = List.of(new MoneyMention("about 300 million yuan", yuan,
        yuan + "about 300 million yuan".length(), new BigDecimal("300000000"), new BigDecimal("300000000"),
        new BigDecimal("300000000"), "CNY", true, new BigDecimal("41700000.00"), new BigDecimal("41700000.00"),
        new BigDecimal("41700000.00"), "ecb@2024-03-01", new BigDecimal("0.139"), LocalDate.of(2024, 3, 1)));
    ProcessingInfo info = new ProcessingInfo("rules-1.0", "tokenize,ssplit,pos,lemma,ner", true, text.length(), 87,
        false, List.of());
    return new AnnotatedArticle(ARTICLE_ID, ARTICLE_VERSION, URL, SOURCE, TITLE, PUBLISHED, entities, money,
        List.of(namedFled(), moneyMoved(), returnedSince2015()), info);
  }

  /** Totals of Canada after the sample article: one named official fled there. */
  public static CountryTotals canadaTotals() {
    Band fled = new Band(BigDecimal.ONE, BigDecimal.ONE, 1, 1, 1, null);
    RoleTotals asDestination = RoleTotals.EMPTY.with(ClaimKind.OFFICIALS_FLED, fled);
    return new CountryTotals("CA", Countries.name("CA"), asDestination, RoleTotals.EMPTY, 1, PUBLISHED);
  }

  /** The case of the sample article's named official: fled to Canada, money moved. */
  public static Case zhaoCase() {
    return new Case("CN:zhao minghui", "Zhao Minghui", List.of("zhao minghui"), "CN",
        List.of("former head of the city's port authority"), "located", null,
        List.of(new Case.Destination("CA", false, PUBLISHED)),
        List.of(new Case.Event(PUBLISHED, "located", "CA", null, false, "Zhao Minghui", namedFled().key(), 1,
            NAMED_SENTENCE, URL)),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, PUBLISHED);
  }

  /** Totals of China as origin: a band where two distinct money claims overlap. */
  public static CountryTotals chinaTotals() {
    Band fled = new Band(BigDecimal.ONE, BigDecimal.ONE, 1, 1, 1, null);
    Band money = new Band(new BigDecimal("41700000.00"), new BigDecimal("56150000.00"), 2, 3, 0,
        "money_moved_abroad|officials|CN|US|300000000CNY|-");
    Band returned = new Band(new BigDecimal("1000"), new BigDecimal("1000"), 1, 2, 0,
        "officials_returned|fugitives|CN|-|1000|since 2015");
    RoleTotals asOrigin = new RoleTotals(fled, returned, money, Band.EMPTY);
    return new CountryTotals("CN", Countries.name("CN"), RoleTotals.EMPTY, asOrigin, 3, PUBLISHED);
  }

  /** A builder for claims of the sample article; every field has a sensible default. */
  public static ClaimBuilder claim(int index, ClaimKind kind, Subject subject, String origin, String destination) {
    return new ClaimBuilder(index, kind, subject, origin, destination);
  }

  /** Fluent construction of a {@link Claim}, so tests set only what they are about. */
  public static final class ClaimBuilder {
    private String id;
    private String key;
    private String articleId = ARTICLE_ID;
    private String articleVersion = ARTICLE_VERSION;
    private final ClaimKind kind;
    private final Subject subject;
    private final String origin;
    private final String destination;
    private List<String> destinationsMentioned = List.of();
    private Long count;
    private BigDecimal amount;
    private BigDecimal amountLow;
    private BigDecimal amountHigh;
    private String currency;
    private String valueText;
    private BigDecimal amountUsd;
    private BigDecimal amountUsdLow;
    private BigDecimal amountUsdHigh;
    private String usdRateSource;
    private BigDecimal usdRate;
    private LocalDate rateDate;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private boolean approximate;
    private boolean hedged;
    private String namedPerson;
    private String period;
    private boolean cumulative;
    private Integer overlapsWith;
    private String quote = "";
    private double confidence = 0.5;
    private String url = URL;
    private String source = SOURCE;
    private String title = TITLE;
    private Instant publishedAt = PUBLISHED;
    private boolean retracted;
    private String outlet;
    private String fingerprint;

    private ClaimBuilder(int index, ClaimKind kind, Subject subject, String origin, String destination) {
      this.id = ARTICLE_ID + "#" + index;
      this.kind = kind;
      this.subject = subject;
      this.origin = origin;
      this.destination = destination;
    }

    public ClaimBuilder article(String newArticleId, String version) {
      String index = id.substring(id.indexOf('#'));
      this.articleId = newArticleId;
      this.articleVersion = version;
      this.id = newArticleId + index;
      return this;
    }

    public ClaimBuilder key(String v) {
      this.key = v;
      return this;
    }

    public ClaimBuilder destinationsMentioned(List<String> v) {
      this.destinationsMentioned = v;
      return this;
    }

    public ClaimBuilder count(Long v) {
      this.count = v;
      return this;
    }

    public ClaimBuilder amount(BigDecimal v, String cur) {
      this.amount = v;
      this.currency = cur;
      return this;
    }

    public ClaimBuilder amountRange(BigDecimal low, BigDecimal high) {
      this.amountLow = low;
      this.amountHigh = high;
      return this;
    }

    public ClaimBuilder currency(String v) {
      this.currency = v;
      return this;
    }

    public ClaimBuilder usd(BigDecimal mid, BigDecimal low, BigDecimal high) {
      this.amountUsd = mid;
      this.amountUsdLow = low;
      this.amountUsdHigh = high;
      return this;
    }

    public ClaimBuilder periodDates(LocalDate from, LocalDate to) {
      this.periodFrom = from;
      this.periodTo = to;
      return this;
    }

    public ClaimBuilder rate(BigDecimal usdPerUnit, LocalDate day) {
      this.usdRate = usdPerUnit;
      this.rateDate = day;
      return this;
    }

    public ClaimBuilder usdRateSource(String v) {
      this.usdRateSource = v;
      return this;
    }

    public ClaimBuilder valueText(String v) {
      this.valueText = v;
      return this;
    }

    public ClaimBuilder approximate(boolean v) {
      this.approximate = v;
      return this;
    }

    public ClaimBuilder hedged(boolean v) {
      this.hedged = v;
      return this;
    }

    public ClaimBuilder namedPerson(String v) {
      this.namedPerson = v;
      return this;
    }

    public ClaimBuilder period(String v) {
      this.period = v;
      return this;
    }

    public ClaimBuilder cumulative(boolean v) {
      this.cumulative = v;
      return this;
    }

    public ClaimBuilder overlapsWith(Integer v) {
      this.overlapsWith = v;
      return this;
    }

    /** Sets the evidence sentence and, when it is part of the sample text, its offsets. */
    public ClaimBuilder quote(String v) {
      this.quote = v;
      return this;
    }

    public ClaimBuilder confidence(double v) {
      this.confidence = v;
      return this;
    }

    public ClaimBuilder url(String v) {
      this.url = v;
      return this;
    }

    public ClaimBuilder source(String v) {
      this.source = v;
      return this;
    }

    public ClaimBuilder title(String v) {
      this.title = v;
      return this;
    }

    public ClaimBuilder publishedAt(Instant v) {
      this.publishedAt = v;
      return this;
    }

    /** Overrides the outlet otherwise derived from the URL and source. */
    public ClaimBuilder outlet(String v) {
      this.outlet = v;
      return this;
    }

    public ClaimBuilder fingerprint(String v) {
      this.fingerprint = v;
      return this;
    }

    public ClaimBuilder retracted(boolean v) {
      this.retracted = v;
      return this;
    }

    public Claim build() {
      int qb = quote.isEmpty() ? 0 : Math.max(0, fullText().indexOf(quote));
      int qe = quote.isEmpty() ? 0 : qb + quote.length();
      return new Claim(id, key, articleId, articleVersion, kind, subject, origin, destination, destinationsMentioned,
          count, amount, amountLow, amountHigh, currency, valueText, amountUsd, amountUsdLow, amountUsdHigh,
          usdRateSource, usdRate, rateDate, approximate, hedged, namedPerson, period, periodFrom, periodTo, cumulative,
          overlapsWith, quote, qb, qe, confidence, url, source, title, publishedAt,
          outlet != null ? outlet : Outlets.of(url, source), fingerprint, retracted);
    }

    /** Builds and fills in the canonical key (unless one was set explicitly). */
    public Claim keyed() {
      Claim c = build();
      return key != null ? c : c.withKey(ClaimKeys.canonical(c));
    }
  }
}
