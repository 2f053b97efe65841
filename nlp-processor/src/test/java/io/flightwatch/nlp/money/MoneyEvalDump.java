package io.flightwatch.nlp.money;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Developer tool, not a test: prints what {@link MoneyExtractor} finds in every {@code *.txt} under the given folders
 * (for example the shared evaluation articles), to compare by eye with the gold amounts. It reads the texts where they
 * are; nothing of them is stored in the project.
 *
 * <pre>java -cp ... io.flightwatch.nlp.money.MoneyEvalDump [--bench] ../shared/eval/dev/articles ../shared/seeds</pre>
 *
 * <p>{@code --bench} instead runs the extractor over all the texts for a few seconds and prints characters per second.
 */
public final class MoneyEvalDump {

  private MoneyEvalDump() {}

  public static void main(String[] args) throws IOException {
    MoneyExtractor extractor = MoneyExtractor.withDefaults();
    if (args.length > 0 && args[0].equals("--bench")) {
      bench(extractor, List.of(args).subList(1, args.length));
      return;
    }
    for (String dir : args) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
      for (Path f : files) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        System.out.println("== " + f.getFileName());
        for (MoneyExtractor.Found found : extractor.findDetailed(text)) {
          var m = found.mention();
          System.out.printf("  [%d,%d) %-32s %-6s %s amount=%s low=%s high=%s approx=%s usd=%s (%s)%s%n", m.begin(),
              m.end(), '"' + m.text() + '"', found.form(), m.currency(), m.amount(), m.low(), m.high(),
              m.approximate(), m.amountUsd(), m.usdRateSource(),
              found.conversion() == null ? "" : " conv=\"" + found.conversion().text() + "\"");
        }
      }
    }
  }

  private static void bench(MoneyExtractor extractor, List<String> dirs) throws IOException {
    List<String> texts = new ArrayList<>();
    for (String dir : dirs) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        for (Path p : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
          texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    long chars = 0;
    long mentions = 0;
    long t0 = System.nanoTime();
    long warmEnd = t0 + 2_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      for (String t : texts) {
        mentions += extractor.find(t).size();
      }
    }
    t0 = System.nanoTime();
    int rounds = 0;
    while (System.nanoTime() - t0 < 5_000_000_000L) {
      for (String t : texts) {
        mentions += extractor.find(t).size();
        chars += t.length();
      }
      rounds++;
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%d texts x %d rounds: %.0f chars/s, %.0f texts/s (%d mentions)%n", texts.size(), rounds,
        chars / secs, texts.size() * rounds / secs, mentions);
  }
}
