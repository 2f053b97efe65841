package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.kafka.BrokerCheck;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerCheckTest {

  @Test
  void anUnresolvableHostIsOneClearLine() {
    assertThatThrownBy(() -> BrokerCheck.require(Map.of("bootstrap.servers", "kafka.invalid:9092"),
        Duration.ofSeconds(2)))
        .isInstanceOf(BrokerCheck.Unreachable.class)
        .hasMessageStartingWith("cannot reach Kafka at kafka.invalid:9092 within 2 s: ")
        .hasMessageContaining("--bootstrap-servers")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aPortNobodyListensOnGivesUpWithinTheBound() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> BrokerCheck.require(Map.of("bootstrap.servers", "127.0.0.1:9"), Duration.ofSeconds(2)))
        .isInstanceOf(BrokerCheck.Unreachable.class).hasMessageContaining("127.0.0.1:9");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
