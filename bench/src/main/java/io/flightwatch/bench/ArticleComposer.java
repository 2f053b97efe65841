package io.flightwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The background of a generated article ({@link CorpusGenerator}): paragraphs of templates from the sections of a
 * {@link Mix}, around the article's own story, until the article is news-length ({@value CorpusGenerator#MIN_TOKENS}-
 * {@value CorpusGenerator#MAX_TOKENS} tokens). Apart from the generator so that the story writing (what an on- or
 * off-topic article says) and the length and background rules can be read on their own.
 */
final class ArticleComposer {

  private ArticleComposer() {}

  /** Construction bounds in {@link #tokens} and whitespace words, a margin inside the range for other tokenizers. */
  private static final int TARGET_LOW = 440;
  private static final int TARGET_HIGH = 860;
  private static final int MIN_WORDS = 415;

  /** Sections of the background, with weights; a round-up has one subject per paragraph, never twice in a row. */
  record Mix(List<String> sections, List<Integer> weights) {
    static Mix of(Object... sectionWeight) {
      List<String> s = new ArrayList<>();
      List<Integer> w = new ArrayList<>();
      for (int k = 0; k < sectionWeight.length; k += 2) {
        s.add((String) sectionWeight[k]);
        w.add((Integer) sectionWeight[k + 1]);
      }
      return new Mix(List.copyOf(s), List.copyOf(w));
    }

    String pick(Random r, String not) {
      int total = 0;
      for (int k = 0; k < sections.size(); k++) {
        total += sections.get(k).equals(not) ? 0 : weights.get(k);
      }
      int x = r.nextInt(total);
      for (int k = 0; k < sections.size(); k++) {
        int w = sections.get(k).equals(not) ? 0 : weights.get(k);
        if (x < w) {
          return sections.get(k);
        }
        x -= w;
      }
      throw new IllegalStateException("weights");
    }
  }

  static final Mix ON_TOPIC_BACKGROUND = Mix.of("context", 15, "courts", 30, "politics", 30, "economy", 25);
  static final Mix ROUNDUP = Mix.of("sport", 1, "weather", 1, "economy", 1, "politics", 1, "courts", 1);
  /** By off-topic subject: sport, weather, company results, council, court. */
  static final List<Mix> OFF_TOPIC_BACKGROUND = List.of(
      Mix.of("sport", 75, "politics", 15, "economy", 10),
      Mix.of("weather", 75, "politics", 15, "economy", 10),
      Mix.of("economy", 75, "politics", 15, "courts", 10),
      Mix.of("politics", 70, "economy", 20, "courts", 10),
      Mix.of("courts", 75, "politics", 15, "economy", 10));

  /** What stays fixed for one article: its city, countries, clubs, company, mayor, year. */
  static Map<String, String> context(Random r, String country, String country2, String city, int year) {
    Map<String, String> ctx = new HashMap<>();
    String city2 = CorpusGenerator.TEXT.pick(r, "cities");
    while (city2.equals(city)) {
      city2 = CorpusGenerator.TEXT.pick(r, "cities");
    }
    String company = CorpusGenerator.TEXT.pick(r, "companies");
    String company2 = CorpusGenerator.TEXT.pick(r, "companies");
    while (company2.equals(company)) {
      company2 = CorpusGenerator.TEXT.pick(r, "companies");
    }
    ctx.put("city", city);
    ctx.put("city2", city2);
    ctx.put("country", country);
    ctx.put("country2", country2);
    ctx.put("team", city + " " + CorpusGenerator.TEXT.pick(r, "teams"));
    ctx.put("rival", city2 + " " + CorpusGenerator.TEXT.pick(r, "teams"));
    ctx.put("company", company);
    ctx.put("company2", company2);
    ctx.put("mayor", CorpusGenerator.TEXT.name(r));
    ctx.put("year", Integer.toString(year));
    return ctx;
  }

  /**
   * How often an occasional template ({@code ~ } in the resource) is used when its turn comes: it puts everyday uses of
   * words like "returned" or "transfer" into about a third of the off-topic articles, near their share in news (the
   * resource's header says why).
   */
  static final double OCCASIONAL_USE = 0.2;

  /**
   * Each section's templates in a shuffled order, reshuffled when used up (an occasional template skipped unless drawn
   * at {@link #OCCASIONAL_USE}); no sentence twice in one article.
   */
  static final class Deck {
    private final Random r;
    private final Map<String, String> ctx;
    private final Set<String> used;
    private final Map<String, List<Integer>> order = new HashMap<>();

    Deck(Random r, Map<String, String> ctx, Set<String> used) {
      this.r = r;
      this.ctx = ctx;
      this.used = used;
    }

    /** A new sentence of {@code section}, or null when twenty draws gave only sentences already used. */
    String next(String section) {
      List<String> templates = CorpusGenerator.TEXT.section(section);
      for (int tries = 0; tries < 20; tries++) {
        List<Integer> left = order.computeIfAbsent(section, s -> new ArrayList<>());
        if (left.isEmpty()) {
          for (int k = 0; k < templates.size(); k++) {
            left.add(k);
          }
          Collections.shuffle(left, r);
        }
        String template = templates.get(left.remove(left.size() - 1));
        if (Templates.occasional(template) && r.nextDouble() >= OCCASIONAL_USE) {
          continue;
        }
        String s = CorpusGenerator.TEXT.expand(template, r, ctx);
        if (used.add(s)) {
          return s;
        }
      }
      return null;
    }
  }

  /**
   * The body: {@code story} (the lead, or the claim with its context) among background paragraphs drawn from {@code
   * mix} until the article (title included) reaches a length drawn between {@value #TARGET_LOW} and {@value
   * #TARGET_HIGH} tokens. The story opens the article when {@code storyFirst}, else it opens it two times in five and
   * otherwise sits between any two background paragraphs.
   */
  static String compose(Random r, String title, List<String> story, boolean storyFirst, Mix mix,
      Map<String, String> ctx, Set<String> used) {
    int target = TARGET_LOW + r.nextInt(TARGET_HIGH - TARGET_LOW + 1);
    int tokens = tokens(title);
    int words = words(title);
    for (String s : story) {
      tokens += tokens(s);
      words += words(s);
    }
    boolean roundup = mix == ROUNDUP;
    Deck deck = new Deck(r, ctx, used);
    List<String> paragraphs = new ArrayList<>();
    String previous = null;
    int misses = 0;
    while ((tokens < target || words < MIN_WORDS) && misses < 100) {
      String section = mix.pick(r, roundup ? previous : null);
      previous = section;
      int n = roundup ? 2 + r.nextInt(3) : 1 + r.nextInt(3);
      List<String> paragraph = new ArrayList<>();
      for (int k = 0; k < n && (tokens < target || words < MIN_WORDS) && misses < 100; k++) {
        String s = deck.next(section);
        if (s == null || tokens + tokens(s) > TARGET_HIGH + 20) {
          misses++; // nothing new in this section, or too long to fit: try another sentence
          continue;
        }
        paragraph.add(s);
        tokens += tokens(s);
        words += words(s);
      }
      if (!paragraph.isEmpty()) {
        paragraphs.add(String.join(" ", paragraph));
      }
    }
    int at = storyFirst || r.nextInt(5) < 2 ? 0 : r.nextInt(paragraphs.size() + 1);
    paragraphs.addAll(at, story);
    return String.join("\n\n", paragraphs);
  }

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,'’-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

  /** Tokens as words and punctuation marks ("4.5", "12,400" and "year-old" are one), roughly as CoreNLP counts them. */
  public static int tokens(String text) {
    Matcher m = TOKEN.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Whitespace-separated words. */
  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

}
