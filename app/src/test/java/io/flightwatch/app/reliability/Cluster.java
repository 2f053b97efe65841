package io.flightwatch.app.reliability;

import static org.awaitility.Awaitility.await;

import io.flightwatch.common.TopicSpec;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.common.kafka.Quorum;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A KRaft cluster of real nodes (broker and controller each, {@code flightwatch broker --quorum}), every node in its
 * own JVM on 127.0.0.1 with its own data folder, so one can be SIGKILLed or restarted while the others go on. Closing
 * it kills every node.
 */
final class Cluster implements AutoCloseable {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final Quorum quorum;
  private final List<Child> nodes;

  private Cluster(Quorum quorum, List<Child> nodes) {
    this.quorum = quorum;
    this.nodes = nodes;
  }

  /** Starts {@code size} nodes at once (a node answers only once a majority runs) and waits until all are brokers. */
  static Cluster start(Path dir, int size) {
    Set<Integer> ports = new LinkedHashSet<>();
    while (ports.size() < 2 * size) {
      ports.add(LocalKafka.freePort());
    }
    List<Integer> all = new ArrayList<>(ports);
    Quorum quorum = new Quorum(Uuid.randomUuid().toString(), all.subList(0, size), all.subList(size, 2 * size));
    StringBuilder spec = new StringBuilder();
    for (int n = 1; n <= size; n++) {
      spec.append(n > 1 ? "," : "").append(quorum.port(n)).append(':').append(quorum.controllerPort(n));
    }
    List<Child> nodes = new ArrayList<>();
    for (int n = 1; n <= size; n++) {
      nodes.add(Child.broker("broker-" + n, dir, List.of("--data-dir", dir.resolve("broker-" + n).toString(),
          "--quorum", spec.toString(), "--node-id", String.valueOf(n), "--cluster-id", quorum.clusterId())));
    }
    Cluster cluster = new Cluster(quorum, nodes);
    try {
      Child.startAll(nodes.toArray(Child[]::new));
      await("all " + size + " brokers registered").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
          .ignoreExceptions().until(() -> cluster.brokers() == size);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  Quorum quorum() {
    return quorum;
  }

  String bootstrapServers() {
    return quorum.bootstrapServers();
  }

  /** The JVM of node {@code nodeId} (1-based). */
  Child node(int nodeId) {
    return nodes.get(nodeId - 1);
  }

  Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
  }

  /** Creates the missing topics with the quorum's replication factor. */
  void createTopics(Collection<TopicSpec<?, ?>> topics) {
    LocalKafka.createTopics(bootstrapServers(), Map.of(), topics, quorum.replicationFactor());
  }

  /** Brokers the cluster knows now (unfenced, answering). */
  int brokers() {
    try (Admin admin = admin()) {
      return get(admin.describeCluster().nodes()).size();
    }
  }

  /** The node coordinating consumer group {@code groupId} (its offsets and, for Streams, its rebalances). */
  int coordinatorOf(String groupId) {
    try (Admin admin = admin()) {
      return get(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)).coordinator().id();
    }
  }

  /** The node leading the KRaft quorum (the active controller). */
  int activeController() {
    try (Admin admin = admin()) {
      return get(admin.describeMetadataQuorum().quorumInfo()).leaderId();
    }
  }

  /** Every partition of every topic, internal ones included. */
  private Map<String, TopicDescription> topics(Admin admin) {
    Set<String> names = get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
    return new TreeMap<>(get(admin.describeTopics(names).allTopicNames()));
  }

  /**
   * Whether every partition of every topic has a leader and all its replicas in sync: a restarted node has caught up,
   * and the next one may go down without any partition falling under min.insync.replicas.
   */
  boolean fullyInSync() {
    try (Admin admin = admin()) {
      for (TopicDescription t : topics(admin).values()) {
        for (TopicPartitionInfo p : t.partitions()) {
          if (p.leader() == null || p.isr().size() != p.replicas().size()) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** Waits until {@link #fullyInSync()}; returns how long that took. */
  Duration awaitFullyInSync(String why) {
    long t0 = System.nanoTime();
    await(why + ": every replica of every partition in sync").atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(this::fullyInSync);
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /** Per topic (internal ones included): "replicas R, min.insync.replicas M", R the smallest over its partitions. */
  Map<String, String> replication() {
    try (Admin admin = admin()) {
      Map<String, TopicDescription> topics = topics(admin);
      List<ConfigResource> resources = topics.keySet().stream()
          .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
      Map<ConfigResource, Config> configs = get(admin.describeConfigs(resources).all());
      Map<String, String> out = new TreeMap<>();
      topics.forEach((name, t) -> {
        int replicas = t.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        String minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
            .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
        out.put(name, "replicas " + replicas + ", min.insync.replicas " + minIsr);
      });
      return out;
    }
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    Child.closeAll(nodes);
  }
}
