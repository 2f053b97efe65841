package io.flightwatch.bench;

import static io.flightwatch.bench.ArticleComposer.OFF_TOPIC_BACKGROUND;
import static io.flightwatch.bench.ArticleComposer.ON_TOPIC_BACKGROUND;
import static io.flightwatch.bench.ArticleComposer.ROUNDUP;
import static io.flightwatch.bench.ArticleComposer.compose;
import static io.flightwatch.bench.ArticleComposer.context;

import io.flightwatch.bench.ArticleComposer.Deck;
import io.flightwatch.common.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic benchmark corpus written from the team's own templates: on-topic reports (officials fleeing, returning,
 * money moved abroad or recovered) mixed with off-topic news (sport, weather, company results, council votes, court
 * cases, with numbers and country names). Every name, figure and sentence is generated; nothing comes from the
 * evaluation texts.
 *
 * <p>Articles are news-length: {@value #MIN_TOKENS}-{@value #MAX_TOKENS} tokens each (title included), on- and
 * off-topic alike. An on-topic article's claim (two sentences and a line or two of context) sits among ordinary
 * background paragraphs (courts, local politics, the economy, the anti-graft campaign), in the lead two times in five
 * and anywhere else otherwise; one article in four, on- or off-topic, is a news round-up with one subject per
 * paragraph. Background sentences, word lists and round-up titles are in {@code corpus-templates.txt} next to this
 * class; the background and length rules are {@link ArticleComposer}'s.
 *
 * <p>Deterministic: the same seed gives the same corpus. On-topic articles are spread evenly (with a share of 0.2,
 * exactly one in five), so any prefix of the corpus has the requested mix.
 *
 * <p>Destinations of on-topic articles come from {@link #DESTINATIONS}, origins from {@link #ORIGINS}; the two sets are
 * disjoint so a latency probe watching a destination's totals sees only that article's contribution. Background
 * sentences of an on-topic article name origin countries only, so the claim stays the only place its destination is
 * named.
 */
public final class CorpusGenerator {

  /** A generated article, whether it was written on-topic, and the destination its claims name (ISO alpha-2). */
  public record Item(Article article, boolean onTopic, String destination) {}

  /** Country name as written, ISO alpha-2. */
  record Place(String name, String iso) {}

  static final List<Place> DESTINATIONS = List.of(
      new Place("Canada", "CA"), new Place("Australia", "AU"), new Place("New Zealand", "NZ"),
      new Place("the United States", "US"), new Place("Britain", "GB"), new Place("France", "FR"),
      new Place("Germany", "DE"), new Place("Spain", "ES"), new Place("Italy", "IT"), new Place("the Netherlands",
          "NL"),
      new Place("Switzerland", "CH"), new Place("Thailand", "TH"), new Place("Singapore", "SG"),
      new Place("Malaysia", "MY"), new Place("Japan", "JP"), new Place("South Korea", "KR"), new Place("Brazil", "BR"),
      new Place("Argentina", "AR"), new Place("Mexico", "MX"), new Place("South Africa", "ZA"), new Place("Kenya",
          "KE"),
      new Place("Turkey", "TR"), new Place("Portugal", "PT"), new Place("Ireland", "IE"), new Place("Belgium", "BE"),
      new Place("Austria", "AT"), new Place("Sweden", "SE"), new Place("Norway", "NO"), new Place("Denmark", "DK"),
      new Place("Poland", "PL"), new Place("Greece", "GR"), new Place("Cyprus", "CY"), new Place("Panama", "PA"),
      new Place("Chile", "CL"), new Place("Peru", "PE"), new Place("Colombia", "CO"), new Place("Uruguay", "UY"),
      new Place("Cambodia", "KH"), new Place("the Philippines", "PH"), new Place("Indonesia", "ID"),
      new Place("Finland", "FI"));

  /** Origin country, its adjective, a currency phrase pattern ("%s" = the number with its scale word). */
  record Origin(String name, String iso, String adjective, String currency) {}

  static final List<Origin> ORIGINS = List.of(
      new Origin("China", "CN", "Chinese", "%s yuan"),
      new Origin("Nigeria", "NG", "Nigerian", "%s naira"),
      new Origin("Russia", "RU", "Russian", "%s roubles"),
      new Origin("Ukraine", "UA", "Ukrainian", "US$%s"),
      new Origin("Kazakhstan", "KZ", "Kazakh", "US$%s"),
      new Origin("Egypt", "EG", "Egyptian", "US$%s"),
      new Origin("Vietnam", "VN", "Vietnamese", "US$%s"),
      new Origin("Pakistan", "PK", "Pakistani", "US$%s"));

  private final long seed;

  public CorpusGenerator(long seed) {
    this.seed = seed;
  }

  /**
   * {@code n} articles, {@code onTopicShare} of them on-topic, spread evenly. Ids are {@code idPrefix-<index>}; article
   * {@code i} is the same text whatever {@code n} is (each article draws from its own seeded random).
   */
  public List<Item> generate(int n, double onTopicShare, String idPrefix) {
    if (onTopicShare < 0 || onTopicShare > 1) {
      throw new IllegalArgumentException("on-topic share must be in [0, 1]: " + onTopicShare);
    }
    List<Item> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(article(i, isOnTopic(i, onTopicShare), idPrefix));
    }
    return out;
  }

  /** True for the indexes where the running count of on-topic articles steps up: an exact, evenly spread share. */
  static boolean isOnTopic(int i, double share) {
    return Math.floor((i + 1) * share + 1e-9) > Math.floor(i * share + 1e-9);
  }

  /** Article {@code i}, on- or off-topic as asked. */
  public Item article(int i, boolean onTopic, String idPrefix) {
    Random r = new Random(seed * 1_000_003L + i);
    String id = idPrefix + "-" + i;
    return onTopic ? onTopic(r, id, i) : offTopic(r, id);
  }

  private Item onTopic(Random r, String id, int i) {
    // Destinations rotate so that consecutive on-topic articles name different countries; the list has a prime length
    // (41) so any even spacing of on-topic articles still visits every country.
    Place dest = DESTINATIONS.get(Math.floorMod(i * 7 + (int) seed, DESTINATIONS.size()));
    Origin origin = pick(r, ORIGINS);
    Origin other = ORIGINS.get((ORIGINS.indexOf(origin) + 1 + r.nextInt(ORIGINS.size() - 1)) % ORIGINS.size());
    String person = TEXT.name(r);
    String office = TEXT.pick(r, "offices");
    String agency = TEXT.pick(r, "agencies");
    int count = 12 + r.nextInt(480);
    int year = 2015 + r.nextInt(9);
    String amount = origin.currency().formatted((10 + r.nextInt(890)) + " million");
    List<String> claim = new ArrayList<>();
    String title;
    switch (r.nextInt(4)) {
      case 0 -> {
        title = count + " " + origin.adjective() + " officials fled to " + dest.name() + ", " + agency + " says";
        claim.add(count + " " + origin.adjective() + " officials have fled to " + dest.name() + " since " + year + ", "
            + agency + " said on " + TEXT.pick(r, "weekdays") + ".");
        claim.add("Among them was " + person + ", a former " + office + " in " + origin.name() + ", who investigators "
            + "said left with his family in " + TEXT.pick(r, "months") + " " + year + ".");
      }
      case 1 -> {
        title = "Former " + office + " " + person + " fled to " + dest.name() + " with " + amount;
        claim.add(person + ", a former " + office + " from " + origin.name() + ", fled to " + dest.name() + " in "
            + TEXT.pick(r, "months") + " " + year + " with " + amount + ", " + agency + " said.");
        claim.add("Investigators said " + amount + " had been transferred to " + dest.name()
            + " through shell companies before the case was opened.");
      }
      case 2 -> {
        title = count + " fugitive officials returned to " + origin.name() + " from " + dest.name();
        claim.add(count + " fugitive " + origin.adjective() + " officials have returned to " + origin.name() + " from "
            + dest.name() + " this year, " + agency + " said on " + TEXT.pick(r, "weekdays") + ".");
        claim.add("The returns followed talks between the police of the two countries, the statement said.");
      }
      default -> {
        title = origin.adjective() + " prosecutors recover " + amount + " from " + dest.name();
        claim.add(origin.adjective() + " prosecutors have recovered " + amount + " from " + dest.name()
            + ", money that "
            + person + ", a former " + office + ", had moved there, " + agency + " said.");
        claim.add("Courts in " + dest.name() + " froze the accounts in " + TEXT.pick(r, "months") + " " + year + ".");
      }
    }
    // Background never names a destination: {country} and {country2} are origins here (see the resource's header).
    Map<String, String> ctx = context(r, origin.name(), other.name(), TEXT.pick(r, "cities"), year);
    Set<String> used = new HashSet<>(claim);
    boolean roundup = r.nextInt(4) == 0;
    List<String> story = new ArrayList<>();
    if (roundup) {
      // One item of a news round-up: the claim and a line of context, among items on other subjects.
      title = TEXT.expand(pick(r, TEXT.section("roundup.title")), r, ctx);
      List<String> item = new ArrayList<>(claim);
      item.add(new Deck(r, ctx, used).next("context"));
      item.removeIf(Objects::isNull);
      story.add(String.join(" ", item));
      return new Item(article(id, title, compose(r, title, story, false, ROUNDUP, ctx, used)), true, dest.iso());
    }
    story.add(claim.get(0));
    Deck deck = new Deck(r, ctx, used);
    List<String> second = new ArrayList<>(List.of(claim.get(1)));
    for (int k = r.nextInt(3); k > 0; k--) {
      second.add(deck.next("context"));
    }
    second.removeIf(Objects::isNull);
    story.add(String.join(" ", second));
    return new Item(article(id, title, compose(r, title, story, false, ON_TOPIC_BACKGROUND, ctx, used)), true,
        dest.iso());
  }

  private Item offTopic(Random r, String id) {
    Place a = pick(r, DESTINATIONS);
    Place b = pick(r, DESTINATIONS);
    String person = TEXT.name(r);
    String city = TEXT.pick(r, "cities");
    Map<String, String> ctx = context(r, a.name(), b.name(), city, 2015 + r.nextInt(9));
    List<String> lead = new ArrayList<>();
    String title;
    int topic = r.nextInt(OFF_TOPIC_BACKGROUND.size());
    switch (topic) {
      case 0 -> {
        int g1 = r.nextInt(5);
        int g2 = r.nextInt(5);
        String t1 = ctx.get("team");
        String t2 = ctx.get("rival");
        title = t1 + " beat " + t2 + " in front of " + (8 + r.nextInt(60)) + ",000 fans";
        lead.add(t1 + " and " + t2 + " drew a crowd of " + (8 + r.nextInt(60))
            + ",000 on Saturday, and the match ended "
            + g1 + "-" + g2 + " after a late goal by " + person + ", who joined from a club in " + a.name() + ".");
        lead.add("The coach said the squad had trained in " + b.name() + " for " + (2 + r.nextInt(4))
            + " weeks before the season and that the new pitch had helped.");
        lead.add("Ticket sales rose " + (3 + r.nextInt(30)) + " percent on last season, the club said.");
      }
      case 1 -> {
        int mm = 40 + r.nextInt(300);
        title = "Storm brings " + mm + " mm of rain to " + city;
        lead.add("A storm brought " + mm + " millimetres of rain to " + city + " in " + a.name()
            + " over two days, forecasters said, and winds reached " + (60 + r.nextInt(90)) + " km/h on the coast.");
        lead.add("Temperatures fell to " + (2 + r.nextInt(12)) + " degrees, and schools in " + (3 + r.nextInt(20))
            + " districts stayed closed on " + TEXT.pick(r, "weekdays") + ".");
        lead.add("Meteorologists in neighbouring " + b.name() + " expect drier weather from the weekend.");
      }
      case 2 -> {
        String company = ctx.get("company");
        title = company + " reports " + (2 + r.nextInt(25)) + " percent rise in quarterly sales";
        lead.add(company + ", which has factories in " + a.name() + " and " + b.name() + ", said quarterly sales rose "
            + (2 + r.nextInt(25)) + " percent to " + (100 + r.nextInt(900)) + " million euros.");
        lead.add("Chief executive " + person + " told analysts that demand in " + TEXT.pick(r, "months")
            + " had been stronger than expected and that the company would open " + (2 + r.nextInt(8))
            + " new stores.");
        lead.add("Shares closed " + (1 + r.nextInt(6)) + "." + r.nextInt(10) + " percent higher.");
      }
      case 3 -> {
        int votes = 9 + r.nextInt(20);
        title = city + " council approves new library budget";
        lead.add("The council of " + city + " voted " + votes + " to " + (2 + r.nextInt(8)) + " on "
            + TEXT.pick(r, "weekdays") + " to approve a budget of " + (2 + r.nextInt(40))
            + " million for a new central library.");
        lead.add("Councillor " + person + " said the design was inspired by a building she had visited in " + a.name()
            + ", and that work would start in " + TEXT.pick(r, "months") + ".");
        lead.add("Residents had collected " + (1 + r.nextInt(9)) + "," + (100 + r.nextInt(900))
            + " signatures asking for longer opening hours.");
      }
      default -> {
        String company = ctx.get("company");
        String[] reasons = {"safety failures at its warehouse", "pollution of the river", "late payment of wages"};
        String reason = reasons[r.nextInt(reasons.length)];
        int fine = 20 + r.nextInt(480);
        title = "Court fines " + company + " over " + reason;
        lead.add("A court in " + city + " fined " + company + " " + fine + ",000 euros on " + TEXT.pick(r, "weekdays")
            + " over " + reason + ", in a case brought by the labour inspectorate.");
        lead.add("Judge " + person + " said the company had known about the problems for " + (3 + r.nextInt(20))
            + " months and had done too little to put them right.");
        lead.add("The company, which also has a plant in " + a.name() + ", said it would study the ruling before "
            + "deciding whether to appeal.");
      }
    }
    Set<String> used = new HashSet<>(lead);
    if (r.nextInt(4) == 0) {
      title = TEXT.expand(pick(r, TEXT.section("roundup.title")), r, ctx);
      List<String> story = List.of(String.join(" ", lead));
      return new Item(article(id, title, compose(r, title, story, false, ROUNDUP, ctx, used)), false, null);
    }
    return new Item(article(id, title, compose(r, title, lead, true, OFF_TOPIC_BACKGROUND.get(topic), ctx, used)),
        false, null);
  }

  // ----------------------------------------------------------------------------------------------- length, background

  /** The range every generated article (title and body) falls in, in tokens, whichever tokenizer counts them. */
  public static final int MIN_TOKENS = 400;
  public static final int MAX_TOKENS = 900;

  static final Templates TEXT = Templates.load("corpus-templates.txt");

  /** Tokens as words and punctuation marks ("4.5", "12,400" and "year-old" are one), roughly as CoreNLP counts them. */
  public static int tokens(String text) {
    return ArticleComposer.tokens(text);
  }

  private static Article article(String id, String title, String body) {
    return new Article(id, null, "bench-corpus", title, body, "en", null, Instant.EPOCH, sha256(title + "\n" + body));
  }

  private static <T> T pick(Random r, List<T> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
