package io.flightwatch.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.Settings;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import io.flightwatch.common.service.StreamsServiceConfig;

class AggregatorConfigTest {

  private static Settings load(Map<String, String> env, Map<String, String> overrides) {
    return Settings.load(AggregatorConfig.definition(), null, env, overrides);
  }

  @Test
  void defaults() {
    Settings s = load(Map.of(), Map.of());
    assertThat(s.getString(StreamsServiceConfig.APPLICATION_ID)).isEqualTo("flightwatch-aggregator");
    assertThat(s.getInt(StreamsServiceConfig.HTTP_PORT)).isEqualTo(8080);
    assertThat(s.getString(StreamsServiceConfig.HTTP_HOST)).isEqualTo("127.0.0.1");
    assertThat(s.getLong(StreamsServiceConfig.COMMIT_INTERVAL_MS)).isEqualTo(200L);
    assertThat(s.getInt(StreamsServiceConfig.NUM_STREAM_THREADS)).isEqualTo(1);
    assertThat(s.getString("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
    assertThat(AggregatorConfig.advertisedHost(s)).isEqualTo("127.0.0.1");
  }

  @Test
  void everyInvalidValueIsReportedAtOnce() {
    assertThatThrownBy(() -> load(Map.of(), Map.of(StreamsServiceConfig.HTTP_PORT, "70000",
        StreamsServiceConfig.NUM_STREAM_THREADS, "0", StreamsServiceConfig.COMMIT_INTERVAL_MS, "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("3 problem(s)")
        .hasMessageContaining(StreamsServiceConfig.HTTP_PORT)
        .hasMessageContaining(StreamsServiceConfig.NUM_STREAM_THREADS)
        .hasMessageContaining(StreamsServiceConfig.COMMIT_INTERVAL_MS);
  }

  @Test
  void advertisedHostForAllInterfacesIsLoopbackUnlessSet() {
    assertThat(AggregatorConfig.advertisedHost(load(Map.of(), Map.of(StreamsServiceConfig.HTTP_HOST, "0.0.0.0"))))
        .isEqualTo("127.0.0.1");
    assertThat(AggregatorConfig.advertisedHost(load(Map.of("FLIGHTWATCH_HTTP_ADVERTISED_HOST", "agg-2.internal"),
        Map.of(StreamsServiceConfig.HTTP_HOST, "0.0.0.0")))).isEqualTo("agg-2.internal");
  }

  @Test
  void commandLineOptionsBecomeOverridesThatWin() {
    AggregateCommand cmd = new AggregateCommand();
    new CommandLine(cmd).parseArgs("--bootstrap-servers", "10.0.0.5:9092", "--http-port", "0", "--threads", "2",
        "--state-dir", "/var/lib/agg", "--http-host", "0.0.0.0");
    Settings s = load(Map.of("FLIGHTWATCH_HTTP_PORT", "9999"), cmd.overrides());
    assertThat(s.getString("bootstrap.servers")).isEqualTo("10.0.0.5:9092");
    assertThat(s.getInt(StreamsServiceConfig.HTTP_PORT)).isZero();
    assertThat(s.getInt(StreamsServiceConfig.NUM_STREAM_THREADS)).isEqualTo(2);
    assertThat(s.getString(StreamsServiceConfig.STATE_DIR)).isEqualTo("/var/lib/agg");
    assertThat(new AggregateCommand().overrides()).isEmpty();
  }

  @Test
  void helpDescribesTheCommand() {
    String usage = new CommandLine(new AggregateCommand()).getUsageMessage();
    assertThat(usage).contains("aggregate", "--bootstrap-servers", "--config", "--http-port", "--state-dir",
        "--threads");
  }

  @Test
  void tooLittleFreeSpaceForTheStateIsOneLineAndExit2BeforeTheBrokerIsAsked(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path config = tmp.resolve("tight.properties");
    java.nio.file.Files.writeString(config, "disk.min.free.mb=1048576\n"); // a terabyte: more than this disk has free
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new AggregateCommand()).execute("--bootstrap-servers", "127.0.0.1:1", "--config",
          config.toString(), "--state-dir", tmp.resolve("state").toString(), "--http-port", "0");
    } finally {
      System.setErr(before);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("aggregate: only ")
        .contains("disk.min.free.mb=1048576");
  }
}
