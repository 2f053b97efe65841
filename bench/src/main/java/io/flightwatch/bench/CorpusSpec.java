package io.flightwatch.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which corpus a bench phase runs on: a folder of {@code *.txt} articles, or the generated corpus of a seed, size and
 * on-topic share. It travels as one string ({@link #encode}, {@link #decode}) because the JMH passes run in a forked
 * JVM that gets only {@code @Param} strings, and rebuild the corpus there: the same spec gives the same articles.
 *
 * @param folder   the folder of {@code *.txt} articles (title on the first line), or null for a generated corpus
 * @param seed     generator seed
 * @param articles generated articles
 * @param share    on-topic share of the generated articles
 */
public record CorpusSpec(Path folder, long seed, int articles, double share) {

  public static CorpusSpec folder(Path dir) {
    return new CorpusSpec(dir.toAbsolutePath().normalize(), 0, 0, 0);
  }

  public static CorpusSpec generated(long seed, int articles, double share) {
    return new CorpusSpec(null, seed, articles, share);
  }

  public boolean isFolder() {
    return folder != null;
  }

  /** "folder:PATH" or "generated:SEED:ARTICLES:SHARE". */
  public String encode() {
    return isFolder() ? "folder:" + folder : String.format(Locale.ROOT, "generated:%d:%d:%s", seed, articles, share);
  }

  public static CorpusSpec decode(String s) {
    if (s.startsWith("folder:")) {
      return folder(Path.of(s.substring("folder:".length())));
    }
    String[] f = s.split(":");
    if (f.length != 4 || !f[0].equals("generated")) {
      throw new IllegalArgumentException("not a corpus spec: " + s);
    }
    return generated(Long.parseLong(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]));
  }

  /** How the report names it. */
  public String label() {
    return isFolder() ? "folder " + folder : "generated corpus, seed " + seed;
  }
}
