package io.flightwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one printed table of a bench run: sections of rows (measure, value, target, verdict), as Markdown. */
public final class BenchTable {
  private final List<String[]> rows = new ArrayList<>();
  private String title = "";

  public void title(String t) {
    title = t;
  }

  public void section(String s) {
    rows.add(new String[] {s});
  }

  public void row(String name, String value, String target, String verdict) {
    rows.add(new String[] {name, value, target, verdict});
  }

  /** A row of rows collected elsewhere ({name, value, target, verdict}). */
  public void row(String[] r) {
    row(r[0], r[1], r[2], r[3]);
  }

  public void row(Row r) {
    row(r.measure(), r.value(), r.target(), r.verdict());
  }

  /** A JMH pass cost as rates: articles/s and tokens/s, with the group's size and the time of one pass. */
  public void cost(String name, PassCost c) {
    row(name, String.format(Locale.ROOT, "%8.2f articles/s %9.0f tokens/s  (%d articles, %.2f s a pass)",
        c.articlesPerSec(), c.tokensPerSec(), c.articles(), c.msPerPass() / 1e3), "", "");
  }

  public void rate(String name, Rate r) {
    row(name, String.format(Locale.ROOT, "%8.2f articles/s %9.0f tokens/s  (%d articles, %.1f s)", r.articlesPerSec(),
        r.tokensPerSec(), r.articles(), r.wallNanos() / 1e9), "", "");
  }

  /** A ratio; {@code min} NaN for an informational one (no verdict). */
  public void ratio(String name, double value, String target, double min) {
    row(name, String.format(Locale.ROOT, "%.2fx", value), target,
        Double.isNaN(min) ? "" : value >= min ? "ok" : "MISSED");
  }

  /** The rows so far: {section} or {name, value, target, verdict}. */
  List<String[]> rows() {
    return rows;
  }

  public void print() {
    int w0 = 10;
    int w1 = 10;
    for (String[] r : rows) {
      if (r.length > 1) {
        w0 = Math.max(w0, r[0].length());
        w1 = Math.max(w1, r[1].length());
      }
    }
    String fmt = "| %-" + w0 + "s | %-" + w1 + "s | %-12s | %-6s |%n";
    System.out.println();
    System.out.println(title);
    System.out.println();
    System.out.printf(fmt, "measure", "value", "target", "");
    System.out.printf(fmt, "-".repeat(w0), "-".repeat(w1), "-".repeat(12), "-".repeat(6));
    for (String[] r : rows) {
      if (r.length == 1) {
        System.out.printf(fmt, "**" + r[0] + "**", "", "", "");
      } else {
        System.out.printf(fmt, r[0], r[1], r[2], r[3]);
      }
    }
    System.out.flush();
  }
}
