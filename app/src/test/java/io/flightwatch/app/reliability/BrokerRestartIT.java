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
 * The broker stops in the middle of the stream and starts again on the same port and data. The services (separate
 * JVMs) are left alone: they must reconnect and finish by themselves, with the same totals as an uninterrupted run.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class BrokerRestartIT {

  @TempDir
  Path dir;

  @Test
  void servicesRecoverFromABrokerRestartWithoutHelp() {
    Run reference = Reference.get();
    List<Path> chunks = Corpus.writeChunks(dir.resolve("corpus"), Corpus.SIZE, Corpus.SEED, 3);
    long t0 = System.nanoTime();
    try (Pipeline p = Pipeline.start(dir)) {
      Child agg = p.aggregator("agg");
      Child proc = p.processor("proc");
      Child.startAll(agg, proc);
      int published = (int) p.ingest(chunks.get(0)).published();
      await("processor annotating").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> p.keys(Topics.ARTICLES_ANNOTATED.name()).size() >= 10);
      int annotatedAtStop = p.keys(Topics.ARTICLES_ANNOTATED.name()).size();

      long down = System.nanoTime();
      p.kafka().stop();
      p.kafka().restart();
      long downMs = Duration.ofNanos(System.nanoTime() - down).toMillis();
      assertThat(proc.isAlive()).as("processor survived the broker restart").isTrue();
      assertThat(agg.isAlive()).as("aggregator survived the broker restart").isTrue();

      published += (int) p.ingest(chunks.get(1)).published();
      published += (int) p.ingest(chunks.get(2)).published();
      Run run = p.awaitSettled(published, agg.url(), Duration.ofMinutes(5));
      assertThat(p.get(proc.url() + "/health").statusCode()).isEqualTo(200);
      assertThat(p.get(agg.url() + "/health").statusCode()).isEqualTo(200);

      String figure = run.figure("broker-restart", reference, "broker stopped at " + annotatedAtStop + "/"
          + Corpus.SIZE + " annotated and back after " + downMs + " ms, no service restarted, "
          + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
      System.out.println(figure);
      assertThat(run.differencesFrom(reference)).as(figure).isEmpty();
      assertThat(run.lostAgainst(reference)).as("claims lost").isZero();
      assertThat(run.countedTwiceAgainst(reference)).as("claims counted twice").isZero();
    }
  }
}
