package io.flightwatch.app;

import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.LocalKafka;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flightwatch broker}: a real single-node KRaft broker on 127.0.0.1, data kept between runs. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Start a real single-node KRaft Kafka broker on 127.0.0.1 (broker + controller in this JVM).",
        "Storage is formatted on first start and kept in --data-dir, so a restart keeps topics and offsets.",
        "Creates every topic of the contract with its partitions and cleanup policy; runs until Ctrl-C."})
public final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--data-dir", defaultValue = "data/kafka", description = "Broker data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--port", defaultValue = "9092", description = "Listener port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    LocalKafka kafka = LocalKafka.start(dataDir, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      kafka.close();
      stopped.countDown();
    }, "flightwatch-broker-shutdown-hook"));
    kafka.createTopics(Topics.ALL);
    System.out.println("Kafka broker running: --bootstrap-servers " + kafka.bootstrapServers()
        + "  (data in " + dataDir.toAbsolutePath() + "; Ctrl-C stops it)");
    stopped.await();
    return 0;
  }
}
