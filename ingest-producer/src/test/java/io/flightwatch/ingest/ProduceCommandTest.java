package io.flightwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProduceCommandTest {

  @Test
  void aMissingInputIsAUsageErrorBeforeAnyBrokerIsAsked() {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new ProduceCommand()).setErr(new PrintWriter(err));
    // an address nothing listens on: the command must fail on the input, not wait for the broker
    int code = cmd.execute("--input", "/no/such/folder", "--bootstrap-servers", "127.0.0.1:9");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no such input: /no/such/folder");
  }

  @Test
  void anUnresolvableBrokerIsOneLineAndExitOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new ProduceCommand()).setErr(new PrintWriter(err));
    int code = cmd.execute("--input", dir.toString(), "--bootstrap-servers", "kafka.invalid:9092",
        "--set", "startup.timeout.ms=2000");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("produce: cannot reach Kafka at kafka.invalid:9092 within 2 s")
        .doesNotContain("\tat ");
  }
}
