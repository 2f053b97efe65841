package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What makes the compose files work in containers, read from the files themselves (no Docker here: the YAML is parsed,
 * anchors and {@code <<} merges resolved as Compose resolves them).
 */
class ComposeFileTest {

  private static final Path ROOT = TopicsTest.ROOT;
  private static final String CLUSTER_FILE = "docker-compose.cluster.yml";
  private static final List<String> SERVICES = List.of("ingest-producer", "nlp-processor", "aggregator");

  @Test
  void theAggregatorListensOnEveryInterfaceInsideItsContainer() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    String aggregator = compose.substring(compose.indexOf("\n  aggregator:"));
    assertThat(aggregator).contains("FLIGHTWATCH_HTTP_HOST: 0.0.0.0").contains("\"8080:8080\"");
  }

  @Test
  void everyImageGivesItsUserAWritableStateFolder() throws IOException {
    String docker = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
    assertThat(docker).contains("WORKDIR /app").contains("chown flightwatch /app/data").contains("USER flightwatch");
  }

  /** One Dockerfile: every service of both files builds it with a SERVICE its build stage knows. */
  @Test
  void everyServiceIsBuiltFromTheOneDockerfileWithItsServiceArgument() throws IOException {
    String docker = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
    for (String file : List.of("docker-compose.yml", CLUSTER_FILE)) {
      Map<String, Map<String, Object>> services = services(file);
      Map<String, String> built = new TreeMap<>();
      services.forEach((name, s) -> {
        if (s.get("build") instanceof Map<?, ?> build) {
          assertThat(build.get("dockerfile")).as(file + " " + name).isEqualTo("Dockerfile");
          Object service = ((Map<?, ?>) build.get("args")).get("SERVICE");
          built.put(name, String.valueOf(service));
          assertThat(docker).as(file + " " + name).contains("      " + service + ") module=");
        }
      });
      assertThat(built).as(file).containsEntry("ingest-producer", "producer").containsEntry("nlp-processor",
          "processor")
          .containsEntry("aggregator", "aggregator");
    }
    for (String module : SERVICES) {
      assertThat(ROOT.resolve(module).resolve("Dockerfile")).as("no second Dockerfile").doesNotExist();
    }
  }

  // ------------------------------------------------------------------ docker-compose.cluster.yml

  /** Three KRaft nodes of one cluster, each broker and controller, with the single-node file's image and launcher. */
  @Test
  void theClusterHasThreeBrokerControllersOfOneClusterOnTheSameImage() throws IOException {
    Map<String, Map<String, Object>> brokers = brokers(services(CLUSTER_FILE));
    assertThat(brokers).hasSize(3);
    Object image = services("docker-compose.yml").get("kafka").get("image");
    Map<String, String> nodeIds = new TreeMap<>();
    brokers.forEach((name, b) -> {
      Map<String, String> env = env(b);
      assertThat(b.get("image")).as(name).isEqualTo(image);
      assertThat(b.get("hostname")).as(name).isEqualTo(name);
      assertThat(env.get("KAFKA_PROCESS_ROLES")).as(name).isEqualTo("broker,controller");
      assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as(name).contains("PLAINTEXT://" + name + ":9092");
      nodeIds.put(name, env.get("KAFKA_NODE_ID"));
    });
    assertThat(new TreeSet<>(nodeIds.values())).as("node ids").containsExactly("1", "2", "3");
    assertThat(brokers.values().stream().map(b -> env(b).get("CLUSTER_ID")).distinct()).as("cluster ids").hasSize(1);
    // each broker's host port is its own
    assertThat(brokers.values().stream().map(b -> String.valueOf(b.get("ports"))).distinct()).hasSize(3);
  }

  /** Every node lists the same voters, and they are exactly the nodes: id @ hostname : its controller listener port. */
  @Test
  void theQuorumVotersAreTheThreeNodesOnTheirControllerListeners() throws IOException {
    Map<String, Map<String, Object>> brokers = brokers(services(CLUSTER_FILE));
    Set<String> nodes = new TreeSet<>();
    Set<String> voterLists = new TreeSet<>();
    brokers.forEach((name, b) -> {
      Map<String, String> env = env(b);
      Matcher controller = Pattern.compile("CONTROLLER://[^:,]*:(\\d+)").matcher(env.get("KAFKA_LISTENERS"));
      assertThat(controller.find()).as(name + " has a CONTROLLER listener").isTrue();
      assertThat(env.get("KAFKA_CONTROLLER_LISTENER_NAMES")).as(name).isEqualTo("CONTROLLER");
      nodes.add(env.get("KAFKA_NODE_ID") + "@" + b.get("hostname") + ":" + controller.group(1));
      voterLists.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
    });
    assertThat(voterLists).as("one voter list for all nodes").hasSize(1);
    assertThat(new TreeSet<>(Arrays.asList(voterLists.iterator().next().split(",")))).isEqualTo(nodes);
  }

  /** Internal topics and default topics: three replicas, two in sync for a write; nothing created by accident. */
  @Test
  void everyBrokerReplicatesThreeTimesWithTwoInSync() throws IOException {
    Map<String, String> expected = Map.of(
        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3",
        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3",
        "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2",
        "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "3",
        "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "2",
        "KAFKA_DEFAULT_REPLICATION_FACTOR", "3",
        "KAFKA_MIN_INSYNC_REPLICAS", "2",
        "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    brokers(services(CLUSTER_FILE)).forEach((name, b) -> assertThat(env(b)).as(name).containsAllEntriesOf(expected));
  }

  /** topic-init creates every topic of {@link Topics#ALL}, each with 3 replicas and min.insync.replicas 2. */
  @Test
  void topicInitCreatesEveryTopicWithThreeReplicasAndTwoInSync() throws IOException {
    Map<String, Object> init = services(CLUSTER_FILE).get("topic-init");
    String script = String.join("\n", strings(init.get("command")));
    // every topic goes through one create function; its kafka-topics.sh --create call carries the replication
    Matcher fn = Pattern.compile("(?s)create\\(\\) \\{(.*?)\\n\\s*}").matcher(script);
    assertThat(fn.find()).as("create() in topic-init").isTrue();
    assertThat(fn.group(1)).contains("--create").contains("--replication-factor 3")
        .contains("--config min.insync.replicas=2");
    assertThat(script.split("--create", -1)).as("one --create, inside create()").hasSize(2);
    Matcher m = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)\\s+(delete|compact)\\s*$").matcher(script);
    Map<String, String> created = new LinkedHashMap<>();
    while (m.find()) {
      created.put(m.group(1), m.group(2) + " " + m.group(3));
    }
    assertThat(created).isEqualTo(TopicsTest.expected());
    assertThat(bootstrapIn(script)).as("topic-init's bootstrap").isEqualTo(brokerAddresses());
    assertThat(dependsOn(init)).as("topic-init waits for").containsAll(brokers(services(CLUSTER_FILE)).keySet());
  }

  /** Each service knows all three brokers (so it starts while one is down) and replicates its own topics 3 times. */
  @Test
  void theServicesKnowAllThreeBrokersAndReplicateTheirOwnTopicsThreeTimes() throws IOException {
    Map<String, Map<String, Object>> services = services(CLUSTER_FILE);
    for (String name : SERVICES) {
      Map<String, String> env = env(services.get(name));
      assertThat(new TreeSet<>(Arrays.asList(env.get(Settings.envName(CommonConfig.BOOTSTRAP_SERVERS)).split(","))))
          .as(name + " bootstrap servers").isEqualTo(brokerAddresses());
      assertThat(env.get(Settings.envName(CommonConfig.TOPIC_REPLICATION_FACTOR))).as(name).isEqualTo("3");
      assertThat(dependsOn(services.get(name))).as(name + " waits for").contains("topic-init");
    }
    assertThat(env(services.get("aggregator"))).containsEntry("FLIGHTWATCH_HTTP_HOST", "0.0.0.0");
  }

  private static Set<String> brokerAddresses() throws IOException {
    return brokers(services(CLUSTER_FILE)).values().stream().map(b -> b.get("hostname") + ":9092")
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The host:port list after --bootstrap-server or in BOOTSTRAP=... of a shell script. */
  private static Set<String> bootstrapIn(String script) {
    Matcher m = Pattern.compile("BOOTSTRAP=(\\S+)").matcher(script);
    assertThat(m.find()).as("BOOTSTRAP= in " + script).isTrue();
    assertThat(script).doesNotContainPattern("--bootstrap-server (?!\"\\$\\$BOOTSTRAP\")");
    return new TreeSet<>(Arrays.asList(m.group(1).split(",")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(String file) throws IOException {
    try (Reader r = Files.newBufferedReader(ROOT.resolve(file), StandardCharsets.UTF_8)) {
      Map<String, Object> compose = new Yaml().load(r);
      return (Map<String, Map<String, Object>>) compose.get("services");
    }
  }

  /** The services that run a Kafka node (they have a KAFKA_NODE_ID), by name. */
  private static Map<String, Map<String, Object>> brokers(Map<String, Map<String, Object>> services) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    services.forEach((name, s) -> {
      if (env(s).containsKey("KAFKA_NODE_ID")) {
        out.put(name, s);
      }
    });
    return out;
  }

  /** A service's environment as text (YAML reads 3 as a number; Compose hands every value over as a string). */
  @SuppressWarnings("unchecked")
  private static Map<String, String> env(Map<String, Object> service) {
    Map<String, String> out = new TreeMap<>();
    Object env = service.get("environment");
    if (env instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).forEach((k, v) -> out.put(k, String.valueOf(v)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> dependsOn(Map<String, Object> service) {
    Object d = service.get("depends_on");
    return d instanceof Map<?, ?> m ? ((Map<String, Object>) m).keySet() : new TreeSet<>(strings(d));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    return o instanceof List<?> l ? (List<String>) l : o == null ? List.of() : List.of(String.valueOf(o));
  }
}
