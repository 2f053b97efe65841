package io.flightwatch.common.kafka;

import io.flightwatch.common.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft Kafka node (broker and controller in one), in this JVM, on 127.0.0.1: the single-node broker of
 * {@code flightwatch up}, or node N of a {@link Quorum} of three, each in its own JVM, as a cluster whose nodes can be
 * killed one at a time.
 *
 * <p>Storage is formatted on first start and kept in {@code dataDir}, so a restart on the same folder keeps topics and
 * committed offsets. Auto topic creation is off: topics are created explicitly with {@link #createTopics}.
 */
public final class LocalKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

  private final Path dataDir;
  private final Quorum quorum;
  private final int nodeId;
  private KafkaRaftServer server;

  private LocalKafka(Path dataDir, Quorum quorum, int nodeId) {
    this.dataDir = dataDir;
    this.quorum = quorum;
    this.nodeId = nodeId;
    quorum.port(nodeId); // checks the id
  }

  /**
   * Starts a broker on {@code port} (0 = a free port) keeping its data in {@code dataDir}, and waits until it answers.
   */
  public static LocalKafka start(Path dataDir, int port) {
    int broker = port == 0 ? freePort() : port;
    return startNode(dataDir, Quorum.single(broker, freePortOtherThan(broker)), 1);
  }

  /**
   * Starts node {@code nodeId} of {@code quorum} keeping its data in {@code dataDir}, and waits until it answers, which
   * needs a majority of the quorum's nodes running (start them at once, in separate JVMs).
   */
  public static LocalKafka startNode(Path dataDir, Quorum quorum, int nodeId) {
    LocalKafka k = new LocalKafka(dataDir, quorum, nodeId);
    k.startServer();
    return k;
  }

  /** Restarts a stopped broker on the same port and data. */
  public synchronized void restart() {
    if (server != null) {
      throw new IllegalStateException("broker is running");
    }
    startServer();
  }

  private synchronized void startServer() {
    long t0 = System.nanoTime();
    Path logDir = dataDir.resolve("kraft-logs");
    Map<String, Object> props = config(logDir);
    KafkaConfig config = new KafkaConfig(props, false);
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(logDir);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    awaitReady(Duration.ofSeconds(60));
    log.info("Kafka node {} of {} ready on {} (data {}) in {} ms", nodeId, quorum.size(), bootstrapServers(), dataDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  private Map<String, Object> config(Path logDir) {
    int port = quorum.port(nodeId);
    int controllerPort = quorum.controllerPort(nodeId);
    String replicas = String.valueOf(quorum.replicationFactor());
    String minIsr = String.valueOf(quorum.minInsyncReplicas());
    Map<String, Object> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("controller.quorum.voters", quorum.voters());
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    // Every internal topic as replicated as the quorum allows: a single node has one replica, or Streams hangs on
    // INVALID_REPLICATION_FACTOR; three nodes keep three, and writes need two of them in sync.
    p.put("offsets.topic.replication.factor", replicas);
    p.put("offsets.topic.num.partitions", "6");
    p.put("transaction.state.log.replication.factor", replicas);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "6");
    p.put("share.coordinator.state.topic.replication.factor", replicas);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("min.insync.replicas", minIsr);
    p.put("default.replication.factor", replicas);
    p.put("group.initial.rebalance.delay.ms", "0");
    // Compaction of country-totals should be visible within minutes in a demo, not days.
    p.put("log.cleaner.min.compaction.lag.ms", "0");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    // Oversized articles must reach the processor's own cap (and DLQ) rather than fail at the broker.
    p.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
    p.put("replica.fetch.max.bytes", String.valueOf(16 * 1024 * 1024));
    return p;
  }

  private void format(Path logDir) throws Exception {
    Formatter f = new Formatter()
        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), false,
            java.nio.charset.StandardCharsets.UTF_8))
        .setNodeId(nodeId)
        .setClusterId(quorum.clusterId())
        .setDirectories(List.of(logDir.toString()))
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(logDir.toString())
        .setIgnoreFormatted(true);
    f.run();
    log.info("Formatted new Kafka storage in {}", logDir);
  }

  private void awaitReady(Duration timeout) {
    try (Admin admin = admin()) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("broker did not become ready within " + timeout, e);
    }
  }

  /** This node's own address (a client of a quorum should rather know every node: {@link Quorum#bootstrapServers}). */
  public String bootstrapServers() {
    return "127.0.0.1:" + port();
  }

  public int port() {
    return quorum.port(nodeId);
  }

  public Quorum quorum() {
    return quorum;
  }

  public int nodeId() {
    return nodeId;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Creates the topics that do not exist yet, with the quorum's replication factor (1 on a single node). */
  public void createTopics(Collection<TopicSpec<?, ?>> topics) {
    createTopics(bootstrapServers(), Map.of(), topics, quorum.replicationFactor());
  }

  /**
   * Creates the topics of {@code topics} that do not exist yet on any cluster, with their partitions and cleanup
   * policy.
   *
   * @return the names that were created
   */
  public static Set<String> createTopics(String bootstrapServers, Map<String, ?> clientProps,
      Collection<TopicSpec<?, ?>> topics, short replicationFactor) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> t.newTopic(replicationFactor))
          .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      }
      return missing.stream().map(NewTopic::name).collect(Collectors.toSet());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + bootstrapServers, e);
    }
  }

  /** Stops the broker; its data stays for a restart. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
      log.info("Kafka node {} on {} stopped", nodeId, bootstrapServers());
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Removes a data folder (for tests that want a fresh broker each time). */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A free port other than {@code taken}: the system may hand out a port it just handed out, once its socket is
   * closed, so two calls to {@link #freePort()} in a row can give the same one (a broker and its controller then
   * cannot both bind).
   */
  public static int freePortOtherThan(int taken) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int p = freePort();
      if (p != taken) {
        return p;
      }
    }
    throw new IllegalStateException("no free port on 127.0.0.1 other than " + taken);
  }

  /** A port nobody listens on now on 127.0.0.1 (for nodes whose ports must be known before they start). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
