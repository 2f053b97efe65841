package io.flightwatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flightwatch.common.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on three KRaft brokers (each broker and controller, each its own JVM), every topic with three replicas
 * and min.insync.replicas 2, as in {@code docker-compose.cluster.yml}. One broker is SIGKILLed mid-stream (the
 * coordinator of the processor's group, so offsets, rebalances and leaderships must move) and restarted on its data;
 * then all three are restarted one at a time, each back in the ISR before the next goes down. The services are left
 * alone: the totals must equal an uninterrupted single-broker run's, nothing lost, nothing counted twice.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ClusterIT {

  private static final int BROKERS = 3;

  @TempDir
  Path dir;

  @Test
  void threeBrokersSurviveAKilledBrokerAndARollingRestartWithIdenticalTotals() {
    Run reference = Reference.get();
    List<Path> chunks = Corpus.writeChunks(dir.resolve("corpus"), Corpus.SIZE, Corpus.SEED, 3);
    long t0 = System.nanoTime();
    Cluster cluster = Cluster.start(dir, BROKERS);
    try (Pipeline p = Pipeline.on(cluster, dir)) { // closes the cluster, even when the topics cannot be created
      Child agg = p.aggregator("agg");
      Child proc = p.processor("proc");
      Child.startAll(agg, proc);
      int published = (int) p.ingest(chunks.get(0)).published();

      // 1. SIGKILL of the node coordinating the processor's group while it annotates; the rest goes on with two nodes.
      await("processor annotating").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> p.keys(Topics.ARTICLES_ANNOTATED.name()).size() >= 10);
      int victim = cluster.coordinatorOf(Pipeline.PROCESSOR_APP_ID);
      boolean wasController = cluster.activeController() == victim;
      long down = System.nanoTime();
      cluster.node(victim).kill();
      int annotatedAtKill = p.keys(Topics.ARTICLES_ANNOTATED.name()).size();
      assertThat(annotatedAtKill).as("annotated when the broker was killed").isLessThan(Corpus.SIZE);
      published += (int) p.ingest(chunks.get(1)).published(); // acks=all: two replicas of three in sync suffice
      await("pipeline going on with " + (BROKERS - 1) + " brokers").atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
          .until(() -> p.keys(Topics.ARTICLES_ANNOTATED.name()).size() >= annotatedAtKill + 20);
      int annotatedWhileDown = p.keys(Topics.ARTICLES_ANNOTATED.name()).size() - annotatedAtKill;
      cluster.node(victim).start();
      cluster.awaitFullyInSync("node " + victim + " restarted after SIGKILL");
      long downMs = Duration.ofNanos(System.nanoTime() - down).toMillis();

      // 2. Rolling restart (SIGTERM: controlled shutdown) while chunk 3 is processed; the next node goes down only when
      // every partition has all its replicas in sync again.
      published += (int) p.ingest(chunks.get(2)).published();
      int annotatedAtRoll = p.keys(Topics.ARTICLES_ANNOTATED.name()).size();
      List<Long> backInSyncMs = new ArrayList<>();
      for (int n = 1; n <= BROKERS; n++) {
        long stop = System.nanoTime();
        cluster.node(n).stop();
        cluster.node(n).start();
        cluster.awaitFullyInSync("node " + n + " restarted in the rolling restart");
        backInSyncMs.add(Duration.ofNanos(System.nanoTime() - stop).toMillis());
      }
      assertThat(proc.isAlive()).as("processor survived the broker failures").isTrue();
      assertThat(agg.isAlive()).as("aggregator survived the broker failures").isTrue();

      Run run = p.awaitSettled(published, agg.url(), Duration.ofMinutes(6));
      assertThat(p.get(proc.url() + "/health").statusCode()).isEqualTo(200);
      assertThat(p.get(agg.url() + "/health").statusCode()).isEqualTo(200);

      // Every topic, the services' own (Streams changelogs and repartition topics) included, kept three replicas.
      Map<String, String> replication = cluster.replication();
      assertThat(replication.keySet()).as("Streams internal topics")
          .anyMatch(t -> t.startsWith(Pipeline.PROCESSOR_APP_ID + "-"))
          .anyMatch(t -> t.startsWith(Pipeline.AGGREGATOR_APP_ID + "-"))
          .containsAll(Topics.ALL.stream().map(t -> t.name()).toList());
      assertThat(replication).as("replication of every topic").allSatisfy((topic, r) ->
          assertThat(r).as(topic).isEqualTo("replicas 3, min.insync.replicas 2"));

      String figure = run.figure("cluster", reference, BROKERS + " brokers, " + replication.size()
          + " topics at RF 3 / min ISR 2; node " + victim + " (processor group coordinator"
          + (wasController ? ", active controller" : "") + ") SIGKILLed at " + annotatedAtKill + "/" + Corpus.SIZE
          + " annotated, " + annotatedWhileDown + " more annotated on 2 brokers, back in sync after " + downMs
          + " ms; rolling restart from " + annotatedAtRoll + "/" + Corpus.SIZE
              + " annotated, each node back in sync after "
          + backInSyncMs + " ms; no service restarted, " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
      System.out.println(figure);
      assertThat(run.differencesFrom(reference)).as(figure).isEmpty();
      assertThat(run.lostAgainst(reference)).as("claims lost").isZero();
      assertThat(run.countedTwiceAgainst(reference)).as("claims counted twice").isZero();
    }
  }
}
