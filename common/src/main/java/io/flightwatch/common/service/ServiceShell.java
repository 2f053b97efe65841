package io.flightwatch.common.service;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.DiskGuard;
import io.flightwatch.common.Settings;
import io.flightwatch.common.kafka.BrokerCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a Kafka Streams service run from the command line, the same for the processor and the aggregator:
 * check the state folder's free space and the broker before anything starts (exit 2 for what the user must fix, 1 for
 * a broker that does not answer), start under a shutdown hook, print one line saying where it runs, then wait for
 * Ctrl-C / SIGTERM (exit 0) or leave (exit 1) when Kafka Streams stopped by itself, its threads having kept dying.
 */
public final class ServiceShell {

  private static final Logger log = LoggerFactory.getLogger(ServiceShell.class);

  /** What the shell runs: a service that starts, reports its Streams state and closes within a timeout. */
  public interface Service {
    /** Starts it; throws when it cannot (a missing topic, a port in use). */
    Service start();

    KafkaStreams.State state();

    /** Stops it within {@code timeout}; true when it stopped cleanly. Called more than once, it does nothing more. */
    boolean close(Duration timeout);
  }

  /** Exit codes: as the commands document them. */
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final String name;
  private final PrintWriter out;
  private final PrintWriter err;

  /** {@code name}: the command ("process", "aggregate"), the first word of every line the shell prints. */
  public ServiceShell(String name, PrintWriter out, PrintWriter err) {
    this.name = name;
    this.out = out;
    this.err = err;
  }

  /**
   * The checks before a service starts: enough free space on its state folder (else {@link #USAGE}), and, while it
   * runs, a clean stop when space runs low; a broker that answers (else {@link #FAILED}). Returns {@link #OK} to go on.
   */
  public int preflight(Settings settings, Path stateDir) {
    String low = DiskGuard.problem(stateDir, CommonConfig.diskMinFreeBytes(settings));
    if (low != null) {
      err.println(name + ": " + low);
      return USAGE;
    }
    DiskGuard.exitWhenLow(name, stateDir, CommonConfig.diskMinFreeBytes(settings));
    try {
      BrokerCheck.require(CommonConfig.clientProps(settings), CommonConfig.startupTimeout(settings));
    } catch (BrokerCheck.Unreachable e) {
      err.println(name + ": " + e.getMessage());
      return FAILED;
    }
    return OK;
  }

  /**
   * Starts {@code service} under a shutdown hook, prints {@code ready} once it runs, and waits. Returns {@link #OK}
   * after a shutdown, {@link #FAILED} when it did not start or Kafka Streams stopped by itself.
   */
  public int run(Service service, Duration closeTimeout, Supplier<String> ready) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean shuttingDown = new AtomicBoolean();
    Thread hook = new Thread(() -> {
      shuttingDown.set(true);
      service.close(closeTimeout);
      stopped.countDown();
    }, "flightwatch-" + name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      service.start();
    } catch (RuntimeException e) {
      err.println(name + ": did not start: " + e.getMessage());
      removeHook(hook);
      service.close(closeTimeout);
      return FAILED;
    }
    out.println(ready.get());
    out.flush();
    return await(service, stopped, shuttingDown, () -> {
      removeHook(hook);
      service.close(closeTimeout);
    });
  }

  /**
   * Waits for the shutdown hook; when the Streams client reaches ERROR or NOT_RUNNING on its own, ends it and says so.
   */
  int await(Service service, CountDownLatch stopped, AtomicBoolean shuttingDown, Runnable giveUp)
      throws InterruptedException {
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      KafkaStreams.State s = service.state();
      if (!shuttingDown.get() && (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING)) {
        err.println(name + ": the Kafka Streams client stopped by itself (state " + s + "); exiting");
        err.flush();
        giveUp.run();
        return FAILED;
      }
    }
    return OK;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs anyway and close() is idempotent
      log.debug("shutdown already in progress", e);
    }
  }
}
