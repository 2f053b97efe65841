package io.flightwatch.common.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams application with the lifecycle every service shares: a state listener that backs
 * {@code /health}, a bounded uncaught-exception handler (a stream thread that dies is replaced a few times, then the client
 * shuts down rather than loop forever on a poison pill the DLQ could not catch), and {@link #close(Duration)}.
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

  private final String name;
  private final KafkaStreams streams;
  private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
  private final AtomicInteger threadReplacements = new AtomicInteger();
  private final int maxThreadReplacements;

  public StreamsRunner(String name, Topology topology, Properties props, int maxThreadReplacements) {
    this.name = name;
    this.maxThreadReplacements = maxThreadReplacements;
    this.streams = new KafkaStreams(topology, props);
    streams.setStateListener((newState, oldState) -> {
      state.set(newState);
      log.info("{}: {} -> {}", name, oldState, newState);
    });
    streams.setUncaughtExceptionHandler(e -> {
      int n = threadReplacements.incrementAndGet();
      if (n <= this.maxThreadReplacements) {
        log.error("{}: stream thread failed ({} of {} replacements), replacing it", name, n, this.maxThreadReplacements, e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
      log.error("{}: stream thread failed again after {} replacements, shutting the client down", name, n - 1, e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
  }

  public void start() {
    streams.start();
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
