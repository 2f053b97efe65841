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
 * <pre>java -cp ... io.flightwatch.nlp.money.MoneyEvalDump ../shared/eval/dev/articles ../shared/seeds</pre>
 */
public final class MoneyEvalDump {

  private MoneyEvalDump() {}

  public static void main(String[] args) throws IOException {
    MoneyExtractor extractor = MoneyExtractor.withDefaults();
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
}
