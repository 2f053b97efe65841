package io.flightwatch.nlp.extract;

import io.flightwatch.common.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A measuring tool, not a test: the publication dates {@code extract} finds for an evaluation folder (URL from the
 * manifest, else the dateline) against the manifest's dates. Dates marked "(inferred)" and "undated" are not counted;
 * a manifest date of "2011-06" is matched to the month, "2020" to the year. Usage: {@code DatesEval MANIFEST.tsv DIR}.
 */
public final class DatesEval {

  private DatesEval() {}

  public static void main(String[] args) throws IOException {
    Path manifest = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    Map<String, String> urls = ExtractCommand.urls(manifest);
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int idCol = header.indexOf("id");
    int dateCol = header.indexOf("date");
    int counted = 0;
    int found = 0;
    int agree = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      String want = f[dateCol].strip();
      Path file = dir.resolve(f[idCol].strip() + ".txt");
      if (want.contains("inferred") || want.equals("undated") || want.isEmpty() || !Files.exists(file)) {
        continue;
      }
      counted++;
      Article a = ExtractCommand.read(file, urls);
      String got = a.publishedAt() == null ? "-" : LocalDate.ofInstant(a.publishedAt(), ZoneOffset.UTC).toString();
      boolean ok = a.publishedAt() != null && got.startsWith(want);
      found += a.publishedAt() == null ? 0 : 1;
      agree += ok ? 1 : 0;
      if (!ok) {
        System.out.println(f[idCol] + "\twant " + want + "\tgot " + got + " (" + a.dateSource() + ")");
      }
    }
    System.out.printf("dates: %d articles with a manifest date not inferred; a date found for %d; agreeing %d "
        + "(%.1f%%)%n",
        counted, found, agree, 100.0 * agree / Math.max(1, counted));
  }
}
