package io.flightwatch.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.nlp.extract.ExtractorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import io.flightwatch.common.service.StreamsServiceConfig;

class ProcessorConfigTest {

  @TempDir
  Path tmp;

  private static Settings load(Map<String, String> env, Map<String, String> overrides) {
    return Settings.load(ProcessorConfig.definition(), null, env, overrides);
  }

  @Test
  void defaults() {
    Settings s = load(Map.of(), Map.of());
    assertThat(s.getString(StreamsServiceConfig.APPLICATION_ID)).isEqualTo("flightwatch-processor");
    assertThat(s.getInt(StreamsServiceConfig.NUM_STREAM_THREADS)).isEqualTo(1);
    assertThat(s.getLong(StreamsServiceConfig.COMMIT_INTERVAL_MS)).isEqualTo(200L);
    assertThat(s.getInt(StreamsServiceConfig.HTTP_PORT)).isEqualTo(8081);
    assertThat(s.getString(StreamsServiceConfig.HTTP_HOST)).isEqualTo("127.0.0.1");
    assertThat(s.getString(StreamsServiceConfig.STATE_DIR)).isEqualTo("data/processor");
    assertThat(s.getString(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo(CommonConfig.DEFAULT_BOOTSTRAP);
    // the extractor's keys are part of the processor's configuration
    assertThat(s.getInt(ExtractorSettings.MAX_CHARS)).isEqualTo(ExtractorSettings.DEFAULT_MAX_CHARS);
  }

  @Test
  void everyInvalidValueIsReportedAtOnce() {
    assertThatThrownBy(() -> load(Map.of(), Map.of(
        StreamsServiceConfig.HTTP_PORT, "-2",
        StreamsServiceConfig.NUM_STREAM_THREADS, "0",
        StreamsServiceConfig.COMMIT_INTERVAL_MS, "soon",
        StreamsServiceConfig.APPLICATION_ID, "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("4 problem(s)")
        .hasMessageContaining(StreamsServiceConfig.HTTP_PORT)
        .hasMessageContaining(StreamsServiceConfig.NUM_STREAM_THREADS)
        .hasMessageContaining(StreamsServiceConfig.COMMIT_INTERVAL_MS)
        .hasMessageContaining(StreamsServiceConfig.APPLICATION_ID);
  }

  @Test
  void httpPortMinusOneTurnsHttpOffAndZeroIsAllowed() {
    assertThat(load(Map.of(), Map.of(StreamsServiceConfig.HTTP_PORT,
        "-1")).getInt(StreamsServiceConfig.HTTP_PORT)).isEqualTo(-1);
    assertThat(load(Map.of(), Map.of(StreamsServiceConfig.HTTP_PORT,
        "0")).getInt(StreamsServiceConfig.HTTP_PORT)).isZero();
  }

  @Test
  void commandLineWinsOverFileWhichWinsOverEnvironment() throws Exception {
    Path file = tmp.resolve("processor.properties");
    Files.writeString(file, "num.stream.threads=3\nhttp.port=9000\nkafka.security.protocol=SSL\n");
    ProcessCommand cmd = new ProcessCommand();
    new CommandLine(cmd).parseArgs("--bootstrap-servers", "broker-a:9092", "--threads", "2", "--state-dir",
        tmp.resolve("st").toString(), "--config", file.toString());
    Settings s = Settings.load(ProcessorConfig.definition(), cmd.options.config(),
        Map.of("FLIGHTWATCH_HTTP_PORT", "7000", "FLIGHTWATCH_APPLICATION_ID", "from-env"), cmd.overrides());
    assertThat(s.getString(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo("broker-a:9092");
    assertThat(s.getInt(StreamsServiceConfig.NUM_STREAM_THREADS)).isEqualTo(2);
    assertThat(s.getInt(StreamsServiceConfig.HTTP_PORT)).isEqualTo(9000);
    assertThat(s.getString(StreamsServiceConfig.APPLICATION_ID)).isEqualTo("from-env");
    assertThat(s.getString(StreamsServiceConfig.STATE_DIR)).isEqualTo(tmp.resolve("st").toString());

    Properties p = ProcessorApp.streamsProps(s, ProcessorMetrics.unregistered());
    assertThat(p.get("security.protocol")).isEqualTo("SSL");
    assertThat(p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
  }

  @Test
  void streamsPropertiesAreExactlyOnceWithTheDeadLetterQueue() {
    Properties p = ProcessorApp.streamsProps(load(Map.of(), Map.of(StreamsServiceConfig.APPLICATION_ID, "x")),
        ProcessorMetrics.unregistered());
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("x");
    assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(200L);
    assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("articles.dlq");
    assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DlqProcessingExceptionHandler.class);
    assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DlqDeserializationExceptionHandler.class);
    assertThat(p.get(StreamsConfig.producerPrefix("transaction.timeout.ms"))).isEqualTo(120_000);
    assertThat(p.get(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG))).isEqualTo("earliest");
    // Kafka Streams accepts the whole set (no unknown handler class, no invalid value)
    assertThat(new StreamsConfig(p).getString(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("articles.dlq");
  }

  /**
   * The changelog's replicas follow topic.replication.factor; by default (-1) the broker's default, as before the key.
   */
  @Test
  void changelogReplicationFollowsTheTopicReplicationFactor() {
    Properties byDefault = ProcessorApp.streamsProps(load(Map.of(), Map.of()), ProcessorMetrics.unregistered());
    assertThat(new StreamsConfig(byDefault).getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(-1);
    Properties three = ProcessorApp.streamsProps(load(Map.of("FLIGHTWATCH_TOPIC_REPLICATION_FACTOR", "3"), Map.of()),
        ProcessorMetrics.unregistered());
    assertThat(new StreamsConfig(three).getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
  }

  @Test
  void processCommandHasHelp() {
    CommandLine cl = new CommandLine(new ProcessCommand());
    assertThat(cl.getCommandName()).isEqualTo("process");
    String usage = cl.getUsageMessage();
    assertThat(usage).contains("--bootstrap-servers", "--config", "--threads", "--http-port", "--state-dir", "--help");
  }

  @Test
  void tooLittleFreeSpaceForTheStateIsOneLineAndExit2BeforeTheBrokerIsAsked() throws Exception {
    Path config = tmp.resolve("tight.properties");
    Files.writeString(config, "disk.min.free.mb=1048576\n"); // a terabyte: more than this disk has free
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cl = new CommandLine(new ProcessCommand());
    cl.setErr(new java.io.PrintWriter(err));
    int code = cl.execute("--bootstrap-servers", "127.0.0.1:1", "--config", config.toString(),
        "--state-dir", tmp.resolve("state").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("process: only ").contains("disk.min.free.mb=1048576");
  }
}
