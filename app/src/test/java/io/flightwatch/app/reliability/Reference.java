package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.kafka.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The uninterrupted run every recovery scenario compares with: a fresh broker, one processor and one aggregator (each
 * in its own JVM, like the scenarios), the whole corpus published, the pipeline left alone until it settles.
 *
 * <p>Computed once per test JVM and kept: the scenarios run in one failsafe JVM, and the run costs about half a minute,
 * so every scenario class shares it; a class run alone computes it itself.
 */
final class Reference {

  private static Run cached;
  private static String cachedFor;

  private Reference() {}

  /**
   * The reference run for the jars on the class path now. The child JVMs load the jars afresh at every start, so if
   * they changed since the reference was computed (an {@code mvn install} of a sibling module during the run, e.g. new
   * extraction rules), the claims differ and the old reference would be stale: it is computed again.
   */
  static synchronized Run get() {
    String jars = classPathFingerprint();
    if (cached == null || !jars.equals(cachedFor)) {
      if (cached != null) {
        System.out.println("RELIABILITY note: the class path jars changed during the run; computing the reference "
            + "again");
      }
      cached = compute();
      cachedFor = jars;
    }
    return cached;
  }

  /** Path, size and modification time of every jar and class folder entry on the class path. */
  static String classPathFingerprint() {
    StringBuilder sb = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      java.io.File f = new java.io.File(entry);
      if (f.isFile()) {
        sb.append(entry).append(':').append(f.length()).append(':').append(f.lastModified()).append(';');
      }
    }
    return sb.toString();
  }

  private static Run compute() {
    Path dir;
    try {
      dir = Files.createTempDirectory("rel-reference");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    try (Pipeline p = Pipeline.start(dir)) {
      Child agg = p.aggregator("ref-agg");
      Child.startAll(agg, p.processor("ref-proc"));
      List<Path> chunks = Corpus.writeChunks(dir.resolve("corpus"), Corpus.SIZE, Corpus.SEED, 3);
      int published = 0;
      for (Path chunk : chunks) {
        published += (int) p.ingest(chunk).published();
      }
      assertThat(published).as("articles published").isEqualTo(Corpus.SIZE);
      Run run = p.awaitSettled(published, agg.url(), Duration.ofMinutes(5));
      // The corpus must be worth comparing: many claims, several supported by more than one article.
      assertThat(run.distinctClaims()).as("distinct claims in the reference").isGreaterThan(100);
      assertThat(run.supports().size()).as("supports > distinct claims (dedup happened)")
          .isGreaterThan(run.distinctClaims() + 20);
      assertThat(run.reemitted()).isZero();
      System.out.println("RELIABILITY reference: " + run.articles() + " articles, " + run.distinctClaims()
          + " distinct claims, " + run.supports().size() + " supports, " + run.countries() + " countries, "
          + (run.totals().size() - run.countries()) + " cases, settled in "
              + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
      return run;
    } finally {
      LocalKafka.deleteRecursively(dir);
    }
  }
}
