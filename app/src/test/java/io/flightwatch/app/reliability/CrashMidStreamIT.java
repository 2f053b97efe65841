package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * SIGKILL of the processor's JVM, then of the aggregator's, while articles flow; each restarted on its state folder.
 * exactly_once_v2 must make the final totals equal those of an uninterrupted run: nothing lost, nothing counted twice.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class CrashMidStreamIT {

  @TempDir
  Path dir;

  @Test
  void killedProcessorAndAggregatorRecoverWithIdenticalTotals() {
    Run reference = Reference.get();
    List<Path> chunks = Corpus.writeChunks(dir.resolve("corpus"), Corpus.SIZE, Corpus.SEED, 3);
    long t0 = System.nanoTime();
    try (Pipeline p = Pipeline.start(dir)) {
      Child agg = p.aggregator("agg");
      Child proc = p.processor("proc");
      Child.startAll(agg, proc);
      int published = (int) p.ingest(chunks.get(0)).published();

      // 1. The processor dies (SIGKILL) in the middle of the first chunk: some articles annotated, most not.
      await("processor annotating").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> p.keys(Topics.ARTICLES_ANNOTATED.name()).size() >= 10);
      proc.kill();
      int annotatedAtKill = p.keys(Topics.ARTICLES_ANNOTATED.name()).size();
      assertThat(annotatedAtKill).as("annotated when the processor was killed").isLessThan(Corpus.SIZE);
      published += (int) p.ingest(chunks.get(1)).published(); // arrives while no processor runs
      proc.start();

      // 2. The aggregator dies (SIGKILL) while the restarted processor's claims flow in.
      await("restarted processor annotating").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> p.keys(Topics.ARTICLES_ANNOTATED.name()).size() >= annotatedAtKill + 20);
      agg.kill();
      int supportsAtKill = p.topicSupports().size();
      published += (int) p.ingest(chunks.get(2)).published(); // the processor goes on; nobody aggregates
      agg.start();

      Run run = p.awaitSettled(published, agg.url(), Duration.ofMinutes(5));
      String figure = run.figure("crash-mid-stream", reference, "processor SIGKILLed at " + annotatedAtKill + "/"
          + Corpus.SIZE + " annotated, aggregator SIGKILLed with " + supportsAtKill + " claim supports on the topic, "
          + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
      System.out.println(figure);
      assertThat(run.differencesFrom(reference)).as(figure).isEmpty();
      assertThat(run.lostAgainst(reference)).as("claims lost").isZero();
      assertThat(run.countedTwiceAgainst(reference)).as("claims counted twice").isZero();
    }
  }
}
