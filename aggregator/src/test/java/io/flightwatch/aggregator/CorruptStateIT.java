package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import io.flightwatch.common.Samples;
import io.flightwatch.common.Subject;
import io.flightwatch.common.kafka.LocalKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real broker: a store file deleted while the aggregator was down (a damaged disk, a careless cleanup) no longer stops
 * it; the task's local state is wiped and restored from the changelog, and the totals come back as they were.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class CorruptStateIT {

  @TempDir
  Path dir;

  private static Claim fled(String article, String destination, long count) {
    return Samples.claim(0, ClaimKind.OFFICIALS_FLED, Subject.OFFICIALS, "KE", destination)
        .article(article, article + "-v1").count(count).valueText(count + " officials")
        .quote("Our own test sentence: " + count + " officials went to " + destination + ".")
        .url("https://news.example.org/corrupt/" + article).outlet(article + ".example")
        .publishedAt(Instant.parse("2024-05-02T07:00:00Z")).keyed();
  }

  @Test
  void aDeletedStoreFileIsRestoredFromTheChangelog() throws Exception {
    Path state = dir.resolve("state");
    try (LocalKafka kafka = TestCluster.broker(dir)) {
      List<Claim> claims = new ArrayList<>();
      for (String dest : List.of("GB", "US", "ZA", "AE")) {
        claims.add(fled("corrupt-" + dest, dest, 12));
      }
      String before;
      try (AggregatorApp app = new AggregatorApp(TestCluster.settings(kafka, "corrupt-it", state, 100)).start()) {
        TestCluster.publish(kafka, claims);
        await().atMost(Duration.ofMinutes(2)).until(() -> app.state() == KafkaStreams.State.RUNNING
            && TestCluster.get(app.url(), "/api/countries/KE").body().contains("\"claims\":4"));
        before = TestCluster.get(app.url(), "/api/countries/KE").body();
      }
      List<Path> sst;
      try (Stream<Path> files = Files.walk(state)) {
        sst = files.filter(p -> p.getFileName().toString().endsWith(".sst")).toList();
      }
      assertThat(sst).as("the stores were flushed to .sst files").isNotEmpty();
      for (Path p : sst) {
        Files.delete(p);
      }

      try (AggregatorApp app = new AggregatorApp(TestCluster.settings(kafka, "corrupt-it", state, 100)).start()) {
        await().atMost(Duration.ofMinutes(3)).until(() -> app.state() == KafkaStreams.State.RUNNING
            && TestCluster.get(app.url(), "/api/countries/KE").statusCode() == 200);
        assertThat(TestCluster.get(app.url(), "/api/countries/KE").body()).isEqualTo(before);
        assertThat(app.registry().get("flightwatch.aggregator.state.repairs").gauge().value()).isPositive();
        assertThat(app.registry().get("flightwatch.aggregator.stream.thread.replacements").gauge().value()).isZero();
      }
    }
  }
}
