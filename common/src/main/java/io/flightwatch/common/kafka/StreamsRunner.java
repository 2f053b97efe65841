package io.flightwatch.common.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams application with the lifecycle every service shares: a state listener that backs
 * {@code /health}, a bounded uncaught-exception handler (a stream thread that dies is replaced a few times, then the
 * client shuts down rather than loop forever on a poison pill the DLQ could not catch; a task whose local store files
 * are corrupted is wiped and restored from its changelog instead, {@link CorruptStateRepair}), and {@link
 * #close(Duration)}.
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

  private final String name;
  private final Topology topology;
  private final Properties props;
  private final CorruptStateRepair repair;
  private volatile KafkaStreams streams;
  private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
  private final AtomicInteger threadReplacements = new AtomicInteger();
  private final int maxThreadReplacements;
  private final FailureBudget budget;

  /** The window in which at most {@code maxThreadReplacements} stream-thread failures are replaced. */
  static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);
  private final AtomicInteger stateRepairs = new AtomicInteger();

  /**
   * Corrupted task directories wiped per run, at most (each found one at a time while starting): enough for every task
   * of a damaged state folder, while a disk that keeps corrupting files is not papered over for ever.
   */
  static final int MAX_STATE_REPAIRS = 100;

  public StreamsRunner(String name, Topology topology, Properties props, int maxThreadReplacements) {
    this.name = name;
    this.maxThreadReplacements = maxThreadReplacements;
    this.budget = new FailureBudget(maxThreadReplacements, REPLACEMENT_WINDOW);
    this.topology = topology;
    this.props = props;
    Object dir = props.get(StreamsConfig.STATE_DIR_CONFIG);
    this.repair = dir == null ? null : new CorruptStateRepair(Path.of(dir.toString()));
    this.streams = newStreams();
  }

  private KafkaStreams newStreams() {
    KafkaStreams s = new KafkaStreams(topology, props);
    s.setStateListener((newState, oldState) -> {
      state.set(newState);
      log.info("{}: {} -> {}", name, oldState, newState);
    });
    s.setUncaughtExceptionHandler(e -> {
      if (repaired(e)) {
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
      if (budget.spend()) {
        int n = threadReplacements.incrementAndGet();
        log.error("{}: stream thread failed ({} in the last {} min, at most {}; {} replaced in all), replacing it",
            name, budget.inWindow(), REPLACEMENT_WINDOW.toMinutes(), this.maxThreadReplacements, n, e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
      log.error("{}: stream thread failed {} times in {} min, shutting the client down", name, budget.inWindow(),
          REPLACEMENT_WINDOW.toMinutes(), e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    return s;
  }

  /** True when {@code e} came from corrupted local store files and their task directory was deleted. */
  private boolean repaired(Throwable e) {
    java.util.Optional<Path> corrupted = repair == null ? java.util.Optional.empty() : repair.corruptedTaskDir(e);
    if (corrupted.isEmpty() || stateRepairs.incrementAndGet() > MAX_STATE_REPAIRS) {
      return false;
    }
    log.error("{}: local state in {} is corrupted ({}); deleting it and restoring the task from its changelog",
        name, corrupted.get(), rootMessage(e));
    try {
      CorruptStateRepair.wipe(corrupted.get());
      return true;
    } catch (java.io.UncheckedIOException x) {
      log.error("{}: could not delete {}: {}", name, corrupted.get(), x.getMessage());
      return false;
    }
  }

  /**
   * Starts the client. Kafka Streams opens the stores found on disk while starting (in this thread, not a stream
   * thread): a store whose files are corrupted fails that; its task directory is then deleted and a new client starts,
   * which restores the task from its changelog. Bind metrics and queries to {@link #streams()} after this.
   */
  public synchronized void start() {
    for (;;) {
      try {
        streams.start();
        return;
      } catch (StreamsException e) {
        if (!repaired(e)) {
          throw e;
        }
        streams.close(Duration.ofSeconds(30));
        streams = newStreams();
      }
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return state.get();
  }

  /** Healthy while running or rebalancing; not while starting up, after an error or when shut down. */
  public boolean isHealthy() {
    KafkaStreams.State s = state.get();
    return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
  }

  public boolean isRunning() {
    return state.get() == KafkaStreams.State.RUNNING;
  }

  /** Task directories deleted because their stores were corrupted ({@link CorruptStateRepair}). */
  public int stateRepairs() {
    return stateRepairs.get();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }

  public int threadReplacements() {
    return threadReplacements.get();
  }

  public boolean close(Duration timeout) {
    boolean closed = streams.close(timeout);
    if (!closed) {
      log.warn("{}: did not close within {}", name, timeout);
    }
    return closed;
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /** Registers a named JVM shutdown hook that closes this runner. */
  public void closeOnShutdown(Duration timeout) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(timeout), name + "-shutdown-hook"));
  }
}
