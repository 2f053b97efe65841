package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Determinism: after a full run, the services are stopped and reset (new application ids, so no consumer offsets, no
 * state folder and no changelog of the first run is reused) and reprocess every topic from the beginning. The
 * country-totals they write must be byte-identical to the first run's: no wall-clock or random value in any aggregate.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ReplayIT {

  @TempDir
  Path dir;

  @Test
  void reprocessingFromScratchGivesByteIdenticalTotals() {
    Run reference = Reference.get();
    long t0 = System.nanoTime();
    try (Pipeline p = Pipeline.start(dir)) {
      Child agg = p.aggregator("agg");
      Child proc = p.processor("proc");
      Child.startAll(agg, proc);
      int published = 0;
      for (Path chunk : Corpus.writeChunks(dir.resolve("corpus"), Corpus.SIZE, Corpus.SEED, 3)) {
        published += (int) p.ingest(chunk).published();
      }
      Run first = p.awaitSettled(published, agg.url(), Duration.ofMinutes(5));
      proc.stop();
      agg.stop();

      // Reset: new application ids over the same input topics; only what the first run wrote since is compared.
      Map<TopicPartition, Long> totalsBefore = new HashMap<>(p.endOffsets(Topics.COUNTRY_TOTALS.name()));
      totalsBefore.putAll(p.endOffsets(Topics.CASES.name()));
      int annotatedBefore = p.committed(Topics.ARTICLES_ANNOTATED.name()).size();
      Child agg2 = p.aggregator("agg-replay", Pipeline.AGGREGATOR_APP_ID + "-replay");
      Child proc2 = p.processor("proc-replay", Pipeline.PROCESSOR_APP_ID + "-replay");
      Child.startAll(agg2, proc2);
      int expectedAnnotated = annotatedBefore + published;
      await("every article annotated again").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
          .until(() -> p.committed(Topics.ARTICLES_ANNOTATED.name()).size() >= expectedAnnotated);
      await("replayed aggregator consumed all claims").atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> p.caughtUp(Pipeline.AGGREGATOR_APP_ID + "-replay", Topics.CLAIMS.name()));
      Run replay = p.awaitAggregated(published, agg2.url(), totalsBefore, Duration.ofMinutes(5));

      long bytes = replay.totals().values().stream().mapToLong(String::length).sum();
      boolean identical = replay.totals().equals(first.totals());
      String figure = "RELIABILITY replay: " + published + " articles reprocessed by new application ids ("
          + replay.reemitted() + " claim records re-emitted, deduplicated by article), " + replay.countries()
          + " countries and " + (replay.totals().size() - replay.countries()) + " cases, " + bytes
          + " bytes of country-totals and cases JSON byte-identical to the first run: "
          + (identical ? "yes" : "NO") + ", first run equal to reference: "
          + (first.totalsEqual(reference) ? "yes" : "NO") + "; "
          + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s";
      System.out.println(figure);
      assertThat(replay.differencesFrom(first)).as(figure).isEmpty();
      assertThat(first.differencesFrom(reference)).as("first run vs reference").isEmpty();
      assertThat(replay.supports()).isEqualTo(first.supports());
    }
  }
}
