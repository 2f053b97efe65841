package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseHubTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SseHub hub = new SseHub(registry);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void tearDown() {
    release.countDown();
    hub.closeAll();
  }

  /** A client that records what it gets, or one whose connection stops taking data until released. */
  private final class TestSink implements SseHub.Sink {
    final List<String> got = new CopyOnWriteArrayList<>();
    final boolean stuck;
    volatile boolean closed;

    TestSink(boolean stuck) {
      this.stuck = stuck;
    }

    @Override
    public void send(String event, String data) {
      if (stuck) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted");
        }
      }
      got.add(event + ":" + data);
    }

    @Override
    public boolean terminated() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public String who() {
      return stuck ? "stuck" : "reader";
    }
  }

  @Test
  void clientsThatStopReadingNeverHoldUpTheOthersAndAreDroppedWhenTooFarBehind() {
    List<TestSink> stuck = List.of(new TestSink(true), new TestSink(true), new TestSink(true));
    TestSink reader = new TestSink(false);
    stuck.forEach(hub::join);
    hub.join(reader);
    int total = SseHub.MAX_PENDING + 10;
    // in two bursts, each smaller than a client's queue: the reader keeps up, the hanging ones fall behind
    for (int i = 0; i < total; i++) {
      hub.broadcast("totals", "{\"n\":" + i + "}");
      if (i == SseHub.MAX_PENDING / 2) {
        int sent = i + 2; // hello and the events so far
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.got.size() == sent);
      }
    }
    // every event reaches the reading client while three others hang
    await().atMost(Duration.ofSeconds(10)).until(() -> reader.got.size() == total + 1);
    assertThat(reader.got.get(0)).isEqualTo("hello:{}");
    assertThat(reader.got.get(reader.got.size() - 1)).isEqualTo("totals:{\"n\":" + (total - 1) + "}");
    // the hanging ones fell too far behind: dropped, closed and counted
    await().atMost(Duration.ofSeconds(10)).until(() -> stuck.stream().allMatch(s -> s.closed));
    assertThat(hub.clients()).isEqualTo(1);
    assertThat(registry.get("flightwatch.aggregator.sse.dropped").counter().count()).isEqualTo(3.0);
  }

  @Test
  void aClientWhoseConnectionBrokeIsDroppedAtTheNextEvent() {
    TestSink gone = new TestSink(false);
    hub.join(gone);
    gone.closed = true;
    hub.broadcast("totals", "{}");
    assertThat(hub.clients()).isZero();
  }

  @Test
  void aClientGetsOnlyTheCountriesAndKindsItFollows() {
    TestSink all = new TestSink(false);
    TestSink canada = new TestSink(false);
    TestSink money = new TestSink(false);
    hub.join(all);
    hub.join(canada, StreamFilter.of("ca", null));
    hub.join(money, StreamFilter.of(null, "money_moved_abroad"));
    hub.broadcast("totals", "{ca-fled}", new StreamFilter.About("CA", java.util.Set.of(io.flightwatch.common.ClaimKind
        .OFFICIALS_FLED)));
    hub.broadcast("totals", "{us-money}", new StreamFilter.About("US", java.util.Set.of(io.flightwatch.common.ClaimKind
        .MONEY_MOVED_ABROAD)));
    hub.broadcast("removed", "{ca-removed}", StreamFilter.About.anyKind("CA"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(all.got).containsExactly("hello:{}", "totals:{ca-fled}", "totals:{us-money}", "removed:{ca-removed}");
      assertThat(canada.got).containsExactly("hello:{}", "totals:{ca-fled}", "removed:{ca-removed}");
      assertThat(money.got).containsExactly("hello:{}", "totals:{us-money}", "removed:{ca-removed}");
    });
  }
}
