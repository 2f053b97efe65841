package io.flightwatch.app;

import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.common.kafka.Quorum;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flightwatch broker}: a real KRaft broker on 127.0.0.1, data kept between runs; alone (topics created), or as
 * one node of a quorum whose other nodes run in their own JVMs (topics left to whoever knows the whole cluster is up).
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Start a real single-node KRaft Kafka broker on 127.0.0.1 (broker + controller in this JVM).",
        "Storage is formatted on first start and kept in --data-dir, so a restart keeps topics and offsets.",
        "Creates every topic of the contract with its partitions and cleanup policy; runs until Ctrl-C.",
        "With --quorum (and --node-id, --cluster-id) it is instead node N of a cluster of several such JVMs:",
        "every internal topic replicated 3 times with min.insync.replicas 2, and no topic created."})
public final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--data-dir", defaultValue = "data/kafka",
      description = "Broker data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--port", defaultValue = "9092",
      description = "Listener port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--quorum", paramLabel = "PORT:CONTROLLER_PORT,...",
      description = "Run as a node of this quorum: client and controller port of node 1, 2, ... (--port is ignored).")
  String quorum;

  @Option(names = "--node-id", defaultValue = "1",
      description = "This node's id in --quorum, 1-based (default: ${DEFAULT-VALUE}).")
  int nodeId;

  @Option(names = "--cluster-id",
      description = "With --quorum: the cluster id every node shares (kafka-storage.sh random-uuid).")
  String clusterId;

  @Override
  public Integer call() throws InterruptedException {
    LocalKafka kafka;
    if (quorum == null) {
      kafka = LocalKafka.start(dataDir, port);
    } else {
      if (clusterId == null) {
        System.err.println("broker: --quorum needs --cluster-id (the same on every node)");
        return 2;
      }
      kafka = LocalKafka.startNode(dataDir, Quorum.parse(clusterId, quorum), nodeId);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      kafka.close();
      stopped.countDown();
    }, "flightwatch-broker-shutdown-hook"));
    if (quorum == null) {
      kafka.createTopics(Topics.ALL);
    }
    System.out.println("Kafka broker running: node " + kafka.nodeId() + " of " + kafka.quorum().size()
        + ", --bootstrap-servers " + kafka.quorum().bootstrapServers()
        + "  (data in " + dataDir.toAbsolutePath() + "; Ctrl-C stops it)");
    stopped.await();
    return 0;
  }
}
