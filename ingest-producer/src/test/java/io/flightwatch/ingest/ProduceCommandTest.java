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
}
