package io.flightwatch.app.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flightwatch.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A team-written corpus generated from sentence templates with made-up names, countries and figures. A fixed seed makes
 * it the same on every run and machine, and the small pools of figures make several articles report the same statistic
 * (same canonical claim key), so the aggregator's dedup is exercised. Every article has a URL and a publication time,
 * so its id and its claims' event time never depend on the wall clock.
 */
final class Corpus {

  /** The size every recovery scenario uses: a few hundred articles, small enough for CI on two cores. */
  static final int SIZE = 300;
  static final long SEED = 20240312L;

  private static final String[][] DESTINATIONS = {
      {"Australia"}, {"Canada"}, {"New Zealand"}, {"Spain"}, {"Portugal"}, {"Switzerland"}, {"Singapore"},
      {"Thailand"}, {"France"}, {"Germany"}, {"Brazil"}, {"Argentina"}, {"Ireland"}, {"Norway"}};
  /** country name and its adjective, for "Vietnamese officials". */
  private static final String[][] ORIGINS = {
      {"Vietnam", "Vietnamese"}, {"Nigeria", "Nigerian"}, {"Indonesia", "Indonesian"}, {"Ukraine", "Ukrainian"},
      {"Kenya", "Kenyan"}, {"Peru", "Peruvian"}, {"Malaysia", "Malaysian"}};
  private static final String[] GIVEN = {"Dorin", "Tomas", "Ilka", "Marek", "Soren", "Velia", "Anouk", "Brenn",
      "Casimir",
      "Delphine", "Eero", "Faustin", "Gerda", "Halvard", "Isolde", "Jorun"};
  private static final String[] FAMILY = {"Kalvak", "Relvic", "Ostrander", "Pemberly", "Quillon", "Marsault", "Tevlin",
      "Wroclan", "Yardley", "Zabrisk", "Oduya", "Harrowgate"};
  private static final String[] ROLES = {"vice governor", "customs chief", "deputy mayor", "port director",
      "tax bureau head", "railway manager"};
  private static final int[] COUNTS = {40, 120, 300, 1000, 2500};
  private static final int[] MILLIONS = {12, 45, 80, 150, 600};
  private static final int[] YEARS = {2014, 2016, 2017, 2019};
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  private static final String[] FILLER = {
      "The agency said more cases were under review.",
      "Officials declined to say how the figures were compiled.",
      "A spokesperson promised a fuller report later in the year.",
      "Lawyers for the accused said the charges were politically motivated."};

  private Corpus() {}

  /** {@code n} Article-like JSON objects (title, body, url, publishedAt), one per line. */
  static List<String> jsonLines(int n, long seed) {
    Random rnd = new Random(seed);
    Instant t0 = Instant.parse("2024-01-01T06:00:00Z");
    List<String> lines = new ArrayList<>(n);
    String lastAggregate = null;
    for (int i = 0; i < n; i++) {
      String[] origin = pick(rnd, ORIGINS);
      String dest = pick(rnd, DESTINATIONS)[0];
      String title;
      String lead;
      switch (i % 6) {
        case 0 -> {
          int count = COUNTS[rnd.nextInt(COUNTS.length)];
          int year = YEARS[rnd.nextInt(YEARS.length)];
          title = "Agency says " + origin[1] + " officials are abroad";
          lead = "More than " + String.format(java.util.Locale.ROOT, "%,d", count) + " " + origin[1]
              + " officials have fled to " + dest + " since " + year + ", the anti-graft agency said on "
              + pick(rnd, DAYS) + ".";
          lastAggregate = lead;
        }
        case 3 -> {
          // a second outlet repeats the statistic of article i-3: same canonical key, one more source
          title = "Second outlet repeats agency figures, report " + i;
          lead = lastAggregate;
        }
        case 1 -> {
          String name = pick(rnd, GIVEN) + " " + pick(rnd, FAMILY);
          title = "Former " + pick(rnd, ROLES) + " traced abroad";
          lead = name + ", a former " + pick(rnd, ROLES) + " of a river province, fled to " + dest + " in "
              + YEARS[rnd.nextInt(YEARS.length)] + " after auditors found gaps in the budget, prosecutors said.";
        }
        case 2 -> {
          title = "Money trail leads to " + dest;
          lead = "Prosecutors said corrupt officials from " + origin[0] + " moved "
              + MILLIONS[rnd.nextInt(MILLIONS.length)] + " million dollars abroad to " + dest
              + " before the audit began.";
        }
        case 4 -> {
          int count = COUNTS[rnd.nextInt(COUNTS.length)];
          title = "Fugitives brought home to " + origin[0];
          lead = "Last year " + count + " fugitive officials were brought back to " + origin[0] + " from " + dest
              + ", the commission said on " + pick(rnd, DAYS) + ". Prosecutors also recovered "
              + MILLIONS[rnd.nextInt(MILLIONS.length)] + " million dollars from " + dest + ".";
        }
        default -> {
          title = "Harbour festival number " + i + " draws crowds";
          lead = "About " + (1000 + rnd.nextInt(50) * 1000) + " visitors came to the harbour festival on "
              + pick(rnd, DAYS) + ", organisers said. The fireworks were moved because of wind.";
        }
      }
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("title", title);
      a.put("body", lead + " " + pick(rnd, FILLER));
      a.put("url", "https://news.example.test/reliability/" + seed + "/" + i);
      a.put("publishedAt", t0.plus(i * 7L, ChronoUnit.HOURS).toString());
      try {
        lines.add(Json.MAPPER.writeValueAsString(a));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return lines;
  }

  /** Writes the corpus as {@code chunks} JSON-lines files of about equal size under {@code dir}, in order. */
  static List<Path> writeChunks(Path dir, int n, long seed, int chunks) {
    List<String> lines = jsonLines(n, seed);
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      int per = (n + chunks - 1) / chunks;
      for (int c = 0; c < chunks; c++) {
        Path f = dir.resolve("chunk-" + c + ".jsonl");
        Files.write(f, lines.subList(Math.min(n, c * per), Math.min(n, (c + 1) * per)), StandardCharsets.UTF_8);
        files.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static <T> T pick(Random rnd, T[] values) {
    return values[rnd.nextInt(values.length)];
  }
}
