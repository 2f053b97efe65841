package io.flightwatch.app.bench;

import io.flightwatch.common.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A synthetic benchmark corpus written from the team's own templates: on-topic reports (officials fleeing, returning, money
 * moved abroad or recovered) mixed with off-topic news of the same shape (sports, weather, business, local politics, with
 * numbers and country names). Every name, figure and sentence is generated; nothing comes from the evaluation texts.
 *
 * <p>Deterministic: the same seed gives the same corpus. On-topic articles are spread evenly (with a share of 0.2, exactly one
 * in five), so any prefix of the corpus has the requested mix.
 *
 * <p>Destinations of on-topic articles come from {@link #DESTINATIONS}, origins from {@link #ORIGINS}; the two sets are
 * disjoint so a latency probe watching a destination's totals sees only that article's contribution.
 */
public final class CorpusGenerator {

  /** A generated article, whether it was written on-topic, and the destination its claims name (ISO alpha-2). */
  public record Item(Article article, boolean onTopic, String destination) {}

  /** Country name as written, ISO alpha-2. */
  record Place(String name, String iso) {}

  static final List<Place> DESTINATIONS = List.of(
      new Place("Canada", "CA"), new Place("Australia", "AU"), new Place("New Zealand", "NZ"),
      new Place("the United States", "US"), new Place("Britain", "GB"), new Place("France", "FR"),
      new Place("Germany", "DE"), new Place("Spain", "ES"), new Place("Italy", "IT"), new Place("the Netherlands", "NL"),
      new Place("Switzerland", "CH"), new Place("Thailand", "TH"), new Place("Singapore", "SG"),
      new Place("Malaysia", "MY"), new Place("Japan", "JP"), new Place("South Korea", "KR"), new Place("Brazil", "BR"),
      new Place("Argentina", "AR"), new Place("Mexico", "MX"), new Place("South Africa", "ZA"), new Place("Kenya", "KE"),
      new Place("Turkey", "TR"), new Place("Portugal", "PT"), new Place("Ireland", "IE"), new Place("Belgium", "BE"),
      new Place("Austria", "AT"), new Place("Sweden", "SE"), new Place("Norway", "NO"), new Place("Denmark", "DK"),
      new Place("Poland", "PL"), new Place("Greece", "GR"), new Place("Cyprus", "CY"), new Place("Panama", "PA"),
      new Place("Chile", "CL"), new Place("Peru", "PE"), new Place("Colombia", "CO"), new Place("Uruguay", "UY"),
      new Place("Cambodia", "KH"), new Place("the Philippines", "PH"), new Place("Indonesia", "ID"), new Place("Finland", "FI"));

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

  private static final String[] FIRST = {"Arlen", "Bexley", "Corvin", "Dalia", "Emeric", "Fenna", "Galen", "Hesper",
      "Ilario", "Jorun", "Kestrel", "Liora", "Marek", "Nilsa", "Orrin", "Pavla", "Quillon", "Rosalind", "Soren", "Tamsin",
      "Ulric", "Vesna", "Wendel", "Xanthe", "Yorick", "Zelia", "Anouk", "Baltasar", "Casimir", "Delphine"};
  private static final String[] LAST = {"Varga", "Okonkwo", "Lindqvist", "Marchetti", "Quispe", "Haldane", "Oyelaran",
      "Petrenko", "Castellanos", "Tanaka", "Moreau", "Brennan", "Kowalczyk", "Ferreira", "Nakamura", "Abernathy",
      "Sokolova", "Whitlock", "Delacroix", "Rasmussen", "Ibekwe", "Zhukova", "Valdivia", "Thornbury", "Esposito"};
  private static final String[] OFFICES = {"deputy mayor", "provincial transport director", "customs chief",
      "vice governor", "head of the land bureau", "state railway manager", "deputy finance minister",
      "port authority chairman", "county party secretary", "director of the housing fund"};
  private static final String[] AGENCIES = {"the anti-graft commission", "state prosecutors", "the audit office",
      "the interior ministry", "the financial crimes unit", "the national police"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};
  private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  private static final String[] CITIES = {"Port Elsmere", "Varnholm", "Castellbrook", "Ostrava Nova", "Dunmore Bay",
      "Kestrel Point", "Salto Verde", "Maribel", "Lindenfeld", "Harrowgate East"};
  private static final String[] TEAMS = {"Rovers", "United", "Athletic", "Wanderers", "City", "Harriers", "Stallions",
      "Mariners"};
  private static final String[] COMPANIES = {"Norvale Foods", "Quintar Steel", "Brightwater Telecom", "Alder Logistics",
      "Pemberton Retail", "Solvik Energy", "Marrow Pharmaceuticals", "Tessaly Motors"};

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
    // Destinations rotate so that consecutive on-topic articles name different countries; the list has a prime length (41)
    // so any even spacing of on-topic articles still visits every country.
    Place dest = DESTINATIONS.get(Math.floorMod(i * 7 + (int) seed, DESTINATIONS.size()));
    Origin origin = pick(r, ORIGINS);
    String person = pick(r, FIRST) + " " + pick(r, LAST);
    String office = pick(r, OFFICES);
    String agency = pick(r, AGENCIES);
    int count = 12 + r.nextInt(480);
    int year = 2015 + r.nextInt(9);
    String amount = origin.currency().formatted((10 + r.nextInt(890)) + " million");
    List<String> p = new ArrayList<>();
    String title;
    switch (r.nextInt(4)) {
      case 0 -> {
        title = count + " " + origin.adjective() + " officials fled to " + dest.name() + ", " + agency + " says";
        p.add(count + " " + origin.adjective() + " officials have fled to " + dest.name() + " since " + year + ", "
            + agency + " said on " + pick(r, WEEKDAYS) + ".");
        p.add("Among them was " + person + ", a former " + office + " in " + origin.name() + ", who investigators said "
            + "left with his family in " + pick(r, MONTHS) + " " + year + ".");
      }
      case 1 -> {
        title = "Former " + office + " " + person + " fled to " + dest.name() + " with " + amount;
        p.add(person + ", a former " + office + " from " + origin.name() + ", fled to " + dest.name() + " in "
            + pick(r, MONTHS) + " " + year + " with " + amount + ", " + agency + " said.");
        p.add("Investigators said " + amount + " had been transferred to " + dest.name()
            + " through shell companies before the case was opened.");
      }
      case 2 -> {
        title = count + " fugitive officials returned to " + origin.name() + " from " + dest.name();
        p.add(count + " fugitive " + origin.adjective() + " officials have returned to " + origin.name() + " from "
            + dest.name() + " this year, " + agency + " said on " + pick(r, WEEKDAYS) + ".");
        p.add("The returns followed talks between the police of the two countries, the statement said.");
      }
      default -> {
        title = origin.adjective() + " prosecutors recover " + amount + " from " + dest.name();
        p.add(origin.adjective() + " prosecutors have recovered " + amount + " from " + dest.name() + ", money that "
            + person + ", a former " + office + ", had moved there, " + agency + " said.");
        p.add("Courts in " + dest.name() + " froze the accounts in " + pick(r, MONTHS) + " " + year + ".");
      }
    }
    background(r, p, origin.name());
    return new Item(article(id, title, p), true, dest.iso());
  }

  /** Neutral sentences that make an on-topic article news-length without adding claims. */
  private static void background(Random r, List<String> p, String country) {
    String[] pool = {
        "The case drew attention because the agency publishes few details of individual investigations.",
        "Lawyers for several of the people named declined to comment when contacted by telephone.",
        "A spokesperson for the foreign ministry said the two governments continue to talk about legal cooperation.",
        "Analysts in " + country + " said the campaign had changed how local governments approve large contracts.",
        "The agency said it had opened " + (20 + r.nextInt(300)) + " new cases in the first " + (2 + r.nextInt(9))
            + " months of the year, most of them involving procurement.",
        "Critics argue that the campaign has also been used against rivals, a charge the government rejects.",
        "The statement did not say how the figures were compiled or whether they included family members.",
        "Court records show that hearings in the related cases were postponed " + (2 + r.nextInt(5)) + " times."};
    int k = 3 + r.nextInt(3);
    for (int j = 0; j < k; j++) {
      p.add(pool[r.nextInt(pool.length)]);
    }
  }

  private Item offTopic(Random r, String id) {
    Place a = pick(r, DESTINATIONS);
    Place b = pick(r, DESTINATIONS);
    String person = pick(r, FIRST) + " " + pick(r, LAST);
    String city = pick(r, CITIES);
    List<String> p = new ArrayList<>();
    String title;
    switch (r.nextInt(4)) {
      case 0 -> {
        int g1 = r.nextInt(5);
        int g2 = r.nextInt(5);
        String t1 = city + " " + pick(r, TEAMS);
        String t2 = pick(r, CITIES) + " " + pick(r, TEAMS);
        title = t1 + " beat " + t2 + " in front of " + (8 + r.nextInt(60)) + ",000 fans";
        p.add(t1 + " and " + t2 + " drew a crowd of " + (8 + r.nextInt(60)) + ",000 on Saturday, and the match ended "
            + g1 + "-" + g2 + " after a late goal by " + person + ", who joined from a club in " + a.name() + ".");
        p.add("The coach said the squad had trained in " + b.name() + " for " + (2 + r.nextInt(4))
            + " weeks before the season and that the new pitch had helped.");
        p.add("Ticket sales rose " + (3 + r.nextInt(30)) + " percent on last season, the club said.");
      }
      case 1 -> {
        int mm = 40 + r.nextInt(300);
        title = "Storm brings " + mm + " mm of rain to " + city;
        p.add("A storm brought " + mm + " millimetres of rain to " + city + " in " + a.name()
            + " over two days, forecasters said, and winds reached " + (60 + r.nextInt(90)) + " km/h on the coast.");
        p.add("Temperatures fell to " + (2 + r.nextInt(12)) + " degrees, and schools in " + (3 + r.nextInt(20))
            + " districts stayed closed on " + pick(r, WEEKDAYS) + ".");
        p.add("Meteorologists in neighbouring " + b.name() + " expect drier weather from the weekend.");
      }
      case 2 -> {
        String company = pick(r, COMPANIES);
        title = company + " reports " + (2 + r.nextInt(25)) + " percent rise in quarterly sales";
        p.add(company + ", which has factories in " + a.name() + " and " + b.name() + ", said quarterly sales rose "
            + (2 + r.nextInt(25)) + " percent to " + (100 + r.nextInt(900)) + " million euros.");
        p.add("Chief executive " + person + " told analysts that demand in " + pick(r, MONTHS)
            + " had been stronger than expected and that the company would open " + (2 + r.nextInt(8))
            + " new stores.");
        p.add("Shares closed " + (1 + r.nextInt(6)) + "." + r.nextInt(10) + " percent higher.");
      }
      default -> {
        int votes = 9 + r.nextInt(20);
        title = city + " council approves new library budget";
        p.add("The council of " + city + " voted " + votes + " to " + (2 + r.nextInt(8)) + " on " + pick(r, WEEKDAYS)
            + " to approve a budget of " + (2 + r.nextInt(40)) + " million for a new central library.");
        p.add("Councillor " + person + " said the design was inspired by a building she had visited in " + a.name()
            + ", and that work would start in " + pick(r, MONTHS) + ".");
        p.add("Residents had collected " + (1 + r.nextInt(9)) + "," + (100 + r.nextInt(900))
            + " signatures asking for longer opening hours.");
      }
    }
    String[] pool = {
        "Local radio reported that traffic on the ring road was lighter than usual.",
        "The next update is due in " + pick(r, MONTHS) + ", officials at the town hall said.",
        "Visitors from " + b.name() + " made up about " + (5 + r.nextInt(30)) + " percent of the crowd.",
        "Organisers thanked the " + (50 + r.nextInt(400)) + " volunteers who helped on the day.",
        "The regional newspaper carried the story on its front page.",
        "A similar event in " + a.name() + " last year drew fewer people, organisers said."};
    int k = 3 + r.nextInt(4);
    for (int j = 0; j < k; j++) {
      p.add(pool[r.nextInt(pool.length)]);
    }
    return new Item(article(id, title, p), false, null);
  }

  private static Article article(String id, String title, List<String> paragraphs) {
    String body = String.join("\n\n", paragraphs);
    return new Article(id, null, "bench-corpus", title, body, "en", null, Instant.EPOCH, sha256(title + "\n" + body));
  }

  private static <T> T pick(Random r, List<T> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  private static String pick(Random r, String[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
