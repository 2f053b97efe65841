package io.flightwatch.common.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ServiceShellTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ServiceShell shell = new ServiceShell("svc", new PrintWriter(out, true), new PrintWriter(err, true));

  /** A service whose state the test sets, counting its closes. */
  private static final class Fake implements ServiceShell.Service {
    volatile KafkaStreams.State state = KafkaStreams.State.RUNNING;
    final AtomicInteger closes = new AtomicInteger();
    RuntimeException onStart;

    @Override
    public ServiceShell.Service start() {
      if (onStart != null) {
        throw onStart;
      }
      return this;
    }

    @Override
    public KafkaStreams.State state() {
      return state;
    }

    @Override
    public boolean close(Duration timeout) {
      closes.incrementAndGet();
      return true;
    }
  }

  @Test
  void aServiceThatCannotStartIsClosedAndTheReasonPrinted() throws InterruptedException {
    Fake fake = new Fake();
    fake.onStart = new IllegalStateException("topic claims does not exist");
    assertThat(shell.run(fake, Duration.ofSeconds(1), () -> "ready")).isEqualTo(ServiceShell.FAILED);
    assertThat(fake.closes).hasValue(1);
    assertThat(err.toString()).contains("svc: did not start: topic claims does not exist");
    assertThat(out.toString()).doesNotContain("ready");
  }

  @Test
  void whenStreamsStopsByItselfTheShellLeavesWithOne() throws InterruptedException {
    Fake fake = new Fake();
    fake.state = KafkaStreams.State.ERROR;
    assertThat(shell.run(fake, Duration.ofSeconds(1), () -> "svc ready at http://127.0.0.1:1/"))
        .isEqualTo(ServiceShell.FAILED);
    assertThat(out.toString()).contains("svc ready at http://127.0.0.1:1/");
    assertThat(err.toString()).contains("svc: the Kafka Streams client stopped by itself (state ERROR); exiting");
    assertThat(fake.closes).hasValue(1);
  }

  @Test
  void aShutdownEndsTheWaitWithZero() throws InterruptedException {
    Fake fake = new Fake();
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean shuttingDown = new AtomicBoolean(true);
    stopped.countDown(); // the hook has run
    assertThat(shell.await(fake, stopped, shuttingDown, () -> { })).isEqualTo(ServiceShell.OK);
    // while shutting down, an ERROR state is the shutdown's own doing, not a failure
    fake.state = KafkaStreams.State.NOT_RUNNING;
    CountDownLatch late = new CountDownLatch(1);
    Thread hook = new Thread(late::countDown);
    hook.start();
    assertThat(shell.await(fake, late, shuttingDown, () -> { })).isEqualTo(ServiceShell.OK);
  }
}
