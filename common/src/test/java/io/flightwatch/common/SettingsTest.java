package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  static final String PORT = "http.port";
  static final String GATE = "nlp.relevance.gate";
  static final String FEEDS = "ingest.feed.urls";
  static final String NAME = "app.instance.name";

  @TempDir
  Path dir;

  /** A definition like a service's: the common keys plus an int with a range, a boolean, a list and a string. */
  static ConfigDef def() {
    return CommonConfig.base()
        .define(PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65535), Importance.MEDIUM, "HTTP port")
        .define(GATE, Type.BOOLEAN, true, Importance.LOW, "relevance gate on")
        .define(FEEDS, Type.LIST, "", Importance.LOW, "feed URLs")
        .define(NAME, Type.STRING, "main", new ConfigDef.NonEmptyString(), Importance.LOW, "instance name");
  }

  static ConfigDef withRequired() {
    return def().define("input.dir", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "folder to read");
  }

  Path file(String... lines) throws IOException {
    Path f = dir.resolve("flightwatch.properties");
    Files.write(f, List.of(lines), StandardCharsets.UTF_8);
    return f;
  }

  // ------------------------------------------------------------------ precedence

  @Test
  void defaultsWhenNothingIsSet() {
    Settings s = Settings.load(def(), null, Map.of(), Map.of());
    assertThat(s.getString(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo(CommonConfig.DEFAULT_BOOTSTRAP);
    assertThat(s.getInt(PORT)).isEqualTo(8080);
    assertThat(s.getBoolean(GATE)).isTrue();
    assertThat(s.getList(FEEDS)).isEmpty();
    assertThat(s.kafkaPassthrough()).isEmpty();
  }

  @Test
  void environmentBeatsDefaults() {
    Settings s = Settings.load(def(), null, Map.of("FLIGHTWATCH_HTTP_PORT", "9001"), Map.of());
    assertThat(s.getInt(PORT)).isEqualTo(9001);
  }

  @Test
  void fileBeatsEnvironment() throws IOException {
    Settings s = Settings.load(def(), file("http.port=9002"), Map.of("FLIGHTWATCH_HTTP_PORT", "9001"), Map.of());
    assertThat(s.getInt(PORT)).isEqualTo(9002);
  }

  @Test
  void commandLineBeatsFile() throws IOException {
    Settings s = Settings.load(def(), file("http.port=9002"), Map.of("FLIGHTWATCH_HTTP_PORT", "9001"),
        Map.of(PORT, "9003"));
    assertThat(s.getInt(PORT)).isEqualTo(9003);
  }

  @Test
  void eachKeyIsResolvedOnItsOwn() throws IOException {
    // one key from each layer at once: precedence is per key, not per layer
    Settings s = Settings.load(def(),
        file("nlp.relevance.gate=false", "http.port=9002"),
        Map.of("FLIGHTWATCH_APP_INSTANCE_NAME", "from-env", "FLIGHTWATCH_NLP_RELEVANCE_GATE", "true"),
        Map.of(CommonConfig.BOOTSTRAP_SERVERS, "broker-a:9092,broker-b:9092"));
    assertThat(s.getString(CommonConfig.BOOTSTRAP_SERVERS)).isEqualTo("broker-a:9092,broker-b:9092");
    assertThat(s.getInt(PORT)).isEqualTo(9002);
    assertThat(s.getBoolean(GATE)).isFalse();
    assertThat(s.getString(NAME)).isEqualTo("from-env");
    assertThat(s.getList(FEEDS)).isEmpty();
  }

  // ------------------------------------------------------------------ typed parsing

  @Test
  void valuesAreParsedToTheirTypes() throws IOException {
    Settings s = Settings.load(def(),
        file("# comment line", "nlp.relevance.gate = FALSE",
            "ingest.feed.urls = https://a.example/rss, https://b.example/atom ,https://c.example/feed"),
        Map.of(), Map.of(PORT, " 8181 "));
    assertThat(s.get(PORT)).isInstanceOf(Integer.class).isEqualTo(8181);
    assertThat(s.get(GATE)).isInstanceOf(Boolean.class).isEqualTo(false);
    assertThat(s.getList(FEEDS))
        .containsExactly("https://a.example/rss", "https://b.example/atom", "https://c.example/feed");
    assertThat(s.values()).containsEntry(PORT, 8181).containsKey(CommonConfig.BOOTSTRAP_SERVERS);
  }

  @Test
  void wrongTypesAreReportedWithTheirOrigin() {
    assertThatThrownBy(() -> Settings.load(def(), null, Map.of(), Map.of(PORT, "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(PORT)
        .hasMessageContaining("command line");
    assertThatThrownBy(() -> Settings.load(def(), null, Map.of("FLIGHTWATCH_NLP_RELEVANCE_GATE", "yes"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(GATE)
        .hasMessageContaining("FLIGHTWATCH_NLP_RELEVANCE_GATE");
  }

  @Test
  void validatorsRejectOutOfRangeValues() throws IOException {
    Path f = file("http.port=70000");
    assertThatThrownBy(() -> Settings.load(def(), f, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(PORT)
        .hasMessageContaining("70000")
        .hasMessageContaining(f.toString());
    assertThatThrownBy(() -> Settings.load(def(), null, Map.of(), Map.of(CommonConfig.BOOTSTRAP_SERVERS, "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(CommonConfig.BOOTSTRAP_SERVERS);
  }

  /** Today's behaviour (the broker decides) unless set; 0 or below -1 would only fail later, at topic creation. */
  @Test
  void topicReplicationFactorDefaultsToTheBrokersAndRejectsZero() {
    assertThat(CommonConfig.replicationFactor(Settings.load(def(), null, Map.of(), Map.of())))
        .isEqualTo(CommonConfig.BROKER_DEFAULT_REPLICATION).isEqualTo((short) -1);
    assertThat(CommonConfig.replicationFactor(Settings.load(def(), null,
        Map.of("FLIGHTWATCH_TOPIC_REPLICATION_FACTOR", "3"), Map.of()))).isEqualTo((short) 3);
    for (String bad : List.of("0", "-2")) {
      assertThatThrownBy(() -> Settings.load(def(), null, Map.of(), Map.of(CommonConfig.TOPIC_REPLICATION_FACTOR, bad)))
          .isInstanceOf(ConfigException.class).hasMessageContaining("topic.replication.factor")
          .hasMessageContaining("must be -1 or at least 1");
    }
  }

  @Test
  void aMissingRequiredKeyIsReported() {
    assertThatThrownBy(() -> Settings.load(withRequired(), null, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing required key 'input.dir'")
        .hasMessageContaining("folder to read");
    assertThat(Settings.load(withRequired(), null, Map.of(), Map.of("input.dir", "samples")).getString("input.dir"))
        .isEqualTo("samples");
  }

  // ------------------------------------------------------------------ unknown keys, all problems at once

  @Test
  void anUnknownKeyInTheFileIsReportedWithTheFile() throws IOException {
    Path f = file("http.prot=9000");
    assertThatThrownBy(() -> Settings.load(def(), f, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'http.prot'")
        .hasMessageContaining(f.toString());
  }

  @Test
  void anUnknownCommandLineKeyIsReported() {
    assertThatThrownBy(() -> Settings.load(def(), null, Map.of(), Map.of("no.such.key", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'no.such.key'");
  }

  @Test
  void unrelatedFlightwatchEnvironmentVariablesAreIgnored() {
    // the environment is shared with other tools (FLIGHTWATCH_JAVA_OPTS of the launcher): not an error
    Settings s = Settings.load(def(), null, Map.of("FLIGHTWATCH_JAVA_OPTS", "-Xmx2g", "HOME", "/root"), Map.of());
    assertThat(s.getInt(PORT)).isEqualTo(8080);
  }

  @Test
  void severalProblemsAreReportedTogether() throws IOException {
    Path f = file("http.port=seventy", "unknown.one=1");
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> Settings.load(withRequired(), f, Map.of("FLIGHTWATCH_NLP_RELEVANCE_GATE", "maybe"),
            Map.of("unknown.two", "2", NAME, "")));
    assertThat(e.getMessage())
        .contains("6 problem(s)")
        .contains("unknown key 'unknown.one'")
        .contains("unknown key 'unknown.two'")
        .contains(PORT)
        .contains(GATE)
        .contains(NAME)
        .contains("missing required key 'input.dir'");
    assertThat(e.getMessage().lines().filter(l -> l.startsWith("  - "))).hasSize(6);
  }

  @Test
  void anUnreadableFileIsAProblemNotACrash() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> Settings.load(def(), missing, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read config file")
        .hasMessageContaining("nope.properties");
  }

  // ------------------------------------------------------------------ kafka.* passthrough

  @Test
  void kafkaKeysPassThroughWithoutPrefixAndWithPrecedence() throws IOException {
    Settings s = Settings.load(def(),
        file("kafka.security.protocol=SASL_SSL", "kafka.sasl.mechanism=PLAIN", "kafka.client.rack=file"),
        Map.of("FLIGHTWATCH_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "FLIGHTWATCH_KAFKA_LINGER_MS", "20"),
        Map.of("kafka.client.rack", "cli"));
    assertThat(s.kafkaPassthrough())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("linger.ms", "20")
        .containsEntry("client.rack", "cli")
        .hasSize(4);
    // passthrough keys are not the service's own keys, and not errors
    assertThat(s.values()).doesNotContainKeys("kafka.security.protocol", "security.protocol");
  }

  @Test
  void clientPropsCarryBootstrapServersAndThePassthrough() {
    Settings s = Settings.load(def(), null, Map.of(),
        Map.of(CommonConfig.BOOTSTRAP_SERVERS, "kafka:9092", "kafka.security.protocol", "SSL"));
    assertThat(CommonConfig.clientProps(s))
        .containsEntry("bootstrap.servers", "kafka:9092")
        .containsEntry("security.protocol", "SSL")
        .hasSize(2);
  }

  @Test
  void theServiceBootstrapKeyWinsOverAPassthroughOne() {
    Settings s = Settings.load(def(), null, Map.of(),
        Map.of(CommonConfig.BOOTSTRAP_SERVERS, "kafka:9092", "kafka.bootstrap.servers", "other:9092"));
    assertThat(CommonConfig.clientProps(s)).containsEntry("bootstrap.servers", "kafka:9092");
  }

  // ------------------------------------------------------------------ environment names

  @Test
  void environmentNamesAreThePrefixedUpperCaseKey() {
    assertThat(Settings.envName("bootstrap.servers")).isEqualTo("FLIGHTWATCH_BOOTSTRAP_SERVERS");
    assertThat(Settings.envName("nlp.max.chars")).isEqualTo("FLIGHTWATCH_NLP_MAX_CHARS");
    assertThat(Settings.envName("kafka.security.protocol")).isEqualTo("FLIGHTWATCH_KAFKA_SECURITY_PROTOCOL");
  }

  @Test
  void everyDottedKeyIsReadFromItsEnvironmentName() {
    ConfigDef d = def();
    for (String key : d.names()) {
      String value = key.equals(PORT) ? "1234" : key.equals(GATE) ? "false"
          : key.equals(CommonConfig.STARTUP_TIMEOUT_MS) ? "20000"
          : key.equals(CommonConfig.TOPIC_REPLICATION_FACTOR) ? "3"
          : key.equals(CommonConfig.DISK_MIN_FREE_MB) ? "512" : "x";
      Settings s = Settings.load(d, null, Map.of(Settings.envName(key), value), Map.of());
      assertThat(String.valueOf(s.get(key))).as(key).isEqualTo(key.equals(FEEDS) ? "[x]" : value);
    }
  }

  /** {@link Settings#envName} maps '-' to '_' too, so a key with a hyphen must be settable from that variable. */
  @Test
  void aHyphenatedKeyIsReadFromItsEnvironmentName() {
    ConfigDef d = def().define("max.body-chars", Type.INT, 100, Importance.LOW, "cap");
    Settings s = Settings.load(d, null, Map.of(Settings.envName("max.body-chars"), "5"), Map.of());
    assertThat(s.getInt("max.body-chars")).isEqualTo(5);
  }

  @Test
  void askingForAnUndefinedKeyFails() {
    Settings s = Settings.load(def(), null, Map.of(), Map.of());
    assertThatThrownBy(() -> s.get("nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }
}
