package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.common.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Two processor JVMs and two aggregator JVMs share the work (same application ids, separate state folders and ports).
 * One of each is killed with SIGKILL mid-stream and never comes back: the survivors take over its partitions, the
 * totals equal the uninterrupted run's, and the surviving aggregator's REST API answers for every country.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ScaleOutIT {

  private static final String PROCESSED = "flightwatch_processor_articles_processed_total";

  @TempDir
  Path dir;

  @Test
  void survivorsTakeOverAfterOneOfEachIsKilled() {
    Run reference = Reference.get();
    List<Path> chunks = Corpus.writeChunks(dir.resolve("corpus"), Corpus.SIZE, Corpus.SEED, 3);
    long t0 = System.nanoTime();
    try (Pipeline p = Pipeline.start(dir)) {
      Child a1 = p.aggregator("agg-1");
      Child a2 = p.aggregator("agg-2");
      Child p1 = p.processor("proc-1");
      Child p2 = p.processor("proc-2");
      Child.startAll(a1, a2, p1, p2);
      // Both processors in the group before any article: one that joins after the other has taken the first chunk
      // would find nothing left to annotate.
      await("both processors running").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> p.getJson(p1.url() + "/health").path("state").asText().equals("RUNNING")
              && p.getJson(p2.url() + "/health").path("state").asText().equals("RUNNING"));
      int published = (int) p.ingest(chunks.get(0)).published();

      // Both processors own partitions: each has annotated something before one of them dies.
      await("both processors working").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(() -> p.metric(p1.url(), PROCESSED) > 0 && p.metric(p2.url(), PROCESSED) > 0);
      p1.kill();
      int annotatedAtKill = p.keys(Topics.ARTICLES_ANNOTATED.name()).size();
      published += (int) p.ingest(chunks.get(1)).published();

      // Both aggregators run as one group; one dies while the surviving processor's claims flow.
      await("survivor processor annotating, aggregators running").atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
          .until(() -> p.keys(Topics.ARTICLES_ANNOTATED.name()).size() >= annotatedAtKill + 20
              && p.getJson(a1.url() + "/health").path("state").asText().equals("RUNNING")
              && p.getJson(a2.url() + "/health").path("state").asText().equals("RUNNING"));
      a1.kill();
      int supportsAtKill = p.topicSupports().size();
      published += (int) p.ingest(chunks.get(2)).published();

      Run run = p.awaitSettled(published, a2.url(), Duration.ofMinutes(6));
      assertThat(p.getJson(a2.url() + "/health").path("state").asText()).isEqualTo("RUNNING");
      assertThat(p.get(p2.url() + "/health").statusCode()).isEqualTo(200);

      // The survivor answers every country, each exactly as the reference totals.
      int answered = 0;
      for (Map.Entry<String, String> e : reference.totals().entrySet()) {
        if (e.getKey().startsWith("case ")) {
          String id = e.getKey().substring("case ".length());
          HttpResponse<String> c = p.get(a2.url() + "/api/cases/" + java.net.URLEncoder.encode(id,
              java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
          JsonNode record = Pipeline.tree(e.getValue());
          assertThat(record.equals(Run.NUMERIC, Pipeline.onRecordFields(record, Pipeline.tree(c.body()))))
              .as("survivor's case " + id + ": " + c.body()).isTrue();
          continue;
        }
        HttpResponse<String> r = p.get(a2.url() + "/api/countries/" + e.getKey());
        assertThat(r.statusCode()).as("GET /api/countries/" + e.getKey()).isEqualTo(200);
        JsonNode expected = Pipeline.tree(e.getValue());
        assertThat(expected.equals(Run.NUMERIC, Pipeline.onRecordFields(expected, Pipeline.tree(r.body()))))
            .as("survivor's answer for " + e.getKey() + ": " + r.body()).isTrue();
        assertThat(p.get(a2.url() + "/api/countries/" + e.getKey() + "/evidence").statusCode()).isEqualTo(200);
        answered++;
      }

      String figure = run.figure("scale-out", reference, "2 processors + 2 aggregators, processor 1 SIGKILLed at "
          + annotatedAtKill + "/" + Corpus.SIZE + " annotated, aggregator 1 SIGKILLed with " + supportsAtKill
          + " supports on the topic; survivor answered " + answered + "/" + reference.totals().size()
          + " countries; " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
      System.out.println(figure);
      assertThat(run.differencesFrom(reference)).as(figure).isEmpty();
      assertThat(run.lostAgainst(reference)).as("claims lost").isZero();
      assertThat(run.countedTwiceAgainst(reference)).as("claims counted twice").isZero();
    }
  }
}
