package io.flightwatch.app.reliability;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Json;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.ingest.IngestApp;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.IngestSummary;
import io.flightwatch.ingest.source.Sources;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One fresh local broker (or a {@link Cluster} of broker JVMs) with the pipeline's topics, the children (services in
 * their own JVMs) started against it, and read_committed readers for the topics. Closing it destroys every child and
 * stops the broker(s).
 */
final class Pipeline implements AutoCloseable {

  static final String PROCESSOR_APP_ID = "rel-processor";
  static final String AGGREGATOR_APP_ID = "rel-aggregator";

  private final Path dir;
  private final LocalKafka kafka;
  private final String bootstrap;
  private final Runnable stopBrokers;
  private final Map<String, String> serviceConfig;
  private final List<Child> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int ingests;

  private Pipeline(Path dir, LocalKafka kafka, String bootstrap, Runnable stopBrokers,
      Map<String, String> serviceConfig) {
    this.dir = dir;
    this.kafka = kafka;
    this.bootstrap = bootstrap;
    this.stopBrokers = stopBrokers;
    this.serviceConfig = Map.copyOf(serviceConfig);
  }

  static Pipeline start(Path dir) {
    LocalKafka k = LocalKafka.start(dir.resolve("kafka"), 0);
    try {
      k.createTopics(Topics.ALL);
    } catch (RuntimeException e) {
      k.close();
      throw e;
    }
    return new Pipeline(dir, k, k.bootstrapServers(), k::close, Map.of());
  }

  /**
   * The pipeline on a running {@code cluster}, its topics created with the cluster's replication factor: every service
   * and the producer know all of its nodes and create their own topics (Streams' changelogs) with that factor too.
   * Closing the pipeline closes the cluster.
   */
  static Pipeline on(Cluster cluster, Path dir) {
    try {
      cluster.createTopics(Topics.ALL);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return new Pipeline(dir, null, cluster.bootstrapServers(), cluster::close, Map.of(
        CommonConfig.TOPIC_REPLICATION_FACTOR, String.valueOf(cluster.quorum().replicationFactor())));
  }

  /** The single local broker ({@link #start}); null on a {@link Cluster}. */
  LocalKafka kafka() {
    return kafka;
  }

  String bootstrap() {
    return bootstrap;
  }

  Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrap));
  }

  Path dir() {
    return dir;
  }

  /** Settings every child gets: the application id, a short commit interval, and a session timeout short enough that a
   * killed member leaves the group in seconds rather than the default 45 s. */
  static Map<String, String> childConfig(String applicationId) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("application.id", applicationId);
    c.put("commit.interval.ms", "100");
    c.put("kafka.session.timeout.ms", "10000");
    c.put("kafka.heartbeat.interval.ms", "1000");
    // An instance that joins while another already runs may get no active task until the next probing rebalance
    // (10 minutes by default); the tests kill and add instances, so that rebalance comes after one minute instead.
    c.put("kafka.probing.rebalance.interval.ms", "60000");
    return c;
  }

  Child processor(String name) {
    return processor(name, PROCESSOR_APP_ID);
  }

  Child processor(String name, String applicationId) {
    return child(name, "process", applicationId);
  }

  Child aggregator(String name) {
    return aggregator(name, AGGREGATOR_APP_ID);
  }

  Child aggregator(String name, String applicationId) {
    return child(name, "aggregate", applicationId);
  }

  private synchronized Child child(String name, String command, String applicationId) {
    Map<String, String> config = childConfig(applicationId);
    config.putAll(serviceConfig);
    Child c = Child.of(name, command, bootstrap(), dir, config);
    children.add(c);
    return c;
  }

  /** Publishes a file (or folder) through the real ingest producer, like {@code flightwatch produce --input}. */
  IngestSummary ingest(Path input) {
    Map<String, String> keys = new HashMap<>(serviceConfig);
    keys.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrap());
    keys.put(IngestConfig.PROGRESS, "never");
    Settings s = Settings.load(IngestConfig.definition(), null, Map.of(), keys);
    try (IngestApp app = new IngestApp(s, List.of(Sources.path(new IngestConfig(s), input)))) {
      ingests++;
      return app.run();
    }
  }

  /** Every committed record of {@code topic}, partition by partition, up to the last stable offset at call time. */
  List<ConsumerRecord<String, String>> committed(String topic) {
    return committed(topic, Map.of());
  }

  /** The last stable offset of every partition of {@code topic} now. */
  Map<TopicPartition, Long> endOffsets(String topic) {
    Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", bootstrap()));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaDefaults.consumer(props, null),
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(parts, Duration.ofSeconds(30));
    }
  }

  /** Committed records of {@code topic} from {@code from} (per partition; absent = the beginning) to the end. */
  List<ConsumerRecord<String, String>> committed(String topic, Map<TopicPartition, Long> from) {
    Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", bootstrap()));
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaDefaults.consumer(props, null),
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      from.forEach((tp, offset) -> {
        if (tp.topic().equals(topic)) {
          consumer.seek(tp, offset);
        }
      });
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (parts.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " up to " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** Last value per key (raw JSON text as written), null values removing the key. Sorted by key. */
  Map<String, String> latest(String topic) {
    return latest(topic, Map.of());
  }

  /** Last value per key among the records from {@code from} on. */
  Map<String, String> latest(String topic, Map<TopicPartition, Long> from) {
    Map<String, String> m = new TreeMap<>();
    for (ConsumerRecord<String, String> r : committed(topic, from)) {
      if (r.value() == null) {
        m.remove(r.key());
      } else {
        m.put(r.key(), r.value());
      }
    }
    return m;
  }

  /** Distinct keys of committed records. */
  Set<String> keys(String topic) {
    Set<String> s = new HashSet<>();
    committed(topic).forEach(r -> s.add(r.key()));
    return s;
  }

  /** "canonical key | article id" of every claim support on the committed {@code claims} topic, retractions applied. */
  Set<String> topicSupports() {
    Set<String> s = new TreeSet<>();
    for (ConsumerRecord<String, String> r : committed(Topics.CLAIMS.name())) {
      JsonNode c = tree(r.value());
      String support = r.key() + "|" + c.path("articleId").asText();
      if (c.path("retracted").asBoolean()) {
        s.remove(support);
      } else {
        s.add(support);
      }
    }
    return s;
  }

  /** Committed claim records that repeat an earlier (key, article, version) assertion: a processor emitting twice. */
  long reemittedClaims() {
    Set<String> seen = new HashSet<>();
    long twice = 0;
    for (ConsumerRecord<String, String> r : committed(Topics.CLAIMS.name())) {
      JsonNode c = tree(r.value());
      String id = r.key() + "|" + c.path("articleId").asText() + "|" + c.path("articleVersion").asText() + "|"
          + c.path("retracted").asBoolean();
      if (!seen.add(id)) {
        twice++;
      }
    }
    return twice;
  }

  /** The (key | article) supports the aggregator holds, from its REST evidence endpoint (any instance). */
  Set<String> restSupports(String aggregatorUrl) {
    JsonNode claims = getJson(aggregatorUrl + "/api/claims?limit=1000");
    if (claims.size() >= 1000) {
      throw new IllegalStateException("more than 1000 distinct claims: the evidence list is cut, use a smaller corpus");
    }
    Set<String> s = new TreeSet<>();
    for (JsonNode c : claims) {
      String key = c.path("key").asText();
      // The claim carries a few sources; all of them are one range query on the claim's owner away.
      JsonNode all = getJson(aggregatorUrl + "/api/sources?claim=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
      for (JsonNode src : all.path("sources")) {
        s.add(key + "|" + src.path("articleId").asText());
      }
      if (all.path("sources").size() != c.path("articleCount").asInt()) {
        throw new IllegalStateException("claim " + key + " lists " + all.path("sources").size() + " sources of "
            + c.path("articleCount").asInt() + " (moved while read?)");
      }
    }
    return s;
  }

  JsonNode getJson(String url) {
    HttpResponse<String> r = get(url);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + " " + r.body());
    }
    return tree(r.body());
  }

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }

  /**
   * Waits until the pipeline has done all its work on {@code articles} published articles: every article annotated,
   * the aggregator (at {@code aggregatorUrl}) holds exactly the supports on {@code claims}, and the committed
   * {@code country-totals} equal the aggregator's own totals store. Returns the settled run.
   */
  Run awaitSettled(int articles, String aggregatorUrl, Duration timeout) {
    await("pipeline settled on " + articles + " articles").atMost(timeout).pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> keys(Topics.ARTICLES_ANNOTATED.name()).size() == articles);
    return awaitAggregated(articles, aggregatorUrl, Map.of(), timeout);
  }

  /**
   * Waits until the aggregator at {@code aggregatorUrl} holds exactly the supports on {@code claims} and the committed
   * {@code country-totals} written since {@code totalsFrom} equal its totals store.
   */
  Run awaitAggregated(int articles, String aggregatorUrl, Map<TopicPartition, Long> totalsFrom, Duration timeout) {
    Run[] run = new Run[1];
    await("aggregator caught up with claims").atMost(timeout).pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> {
          Set<String> topic = topicSupports();
          Set<String> rest = restSupports(aggregatorUrl);
          if (!topic.equals(rest)) {
            return false;
          }
          Map<String, String> totals = latest(Topics.COUNTRY_TOTALS.name(), totalsFrom);
          JsonNode list = getJson(aggregatorUrl + "/api/countries?limit=1000");
          Map<String, JsonNode> store = new TreeMap<>();
          list.forEach(n -> store.put(n.path("country").asText(), n));
          if (!store.keySet().equals(totals.keySet())) {
            return false;
          }
          for (Map.Entry<String, String> e : totals.entrySet()) {
            JsonNode record = Json.MAPPER.readTree(e.getValue());
            if (!record.equals(Run.NUMERIC, onRecordFields(record, store.get(e.getKey())))) {
              return false;
            }
          }
          // The cases of named people, committed on their topic and held by the aggregator, compared the same way.
          Map<String, String> cases = latest(Topics.CASES.name(), totalsFrom);
          JsonNode caseList = getJson(aggregatorUrl + "/api/cases?limit=1000").path("cases");
          Map<String, JsonNode> caseStore = new TreeMap<>();
          caseList.forEach(n -> caseStore.put(n.path("id").asText(), n));
          if (!caseStore.keySet().equals(cases.keySet())) {
            return false;
          }
          Map<String, String> compared = new TreeMap<>(totals);
          for (Map.Entry<String, String> e : cases.entrySet()) {
            JsonNode record = Json.MAPPER.readTree(e.getValue());
            if (!record.equals(Run.NUMERIC, onRecordFields(record, caseStore.get(e.getKey())))) {
              return false;
            }
            compared.put("case " + e.getKey(), e.getValue());
          }
          run[0] = new Run(articles, compared, rest, reemittedClaims());
          return true;
        });
    return run[0];
  }

  /**
   * The part of an API answer that the topic record has, field by field at every depth: the API answers in the
   * claim-kind words ({@code kinds}, {@code money.money_moved_abroad}) beside the record's own fields, and only the
   * record's fields are compared. A field the API lacks stays missing, so the comparison fails.
   */
  static JsonNode onRecordFields(JsonNode record, JsonNode api) {
    if (api == null || !record.isContainerNode() || record.getNodeType() != api.getNodeType()) {
      return api;
    }
    if (record.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode out = Json.MAPPER.createObjectNode();
      record.fieldNames().forEachRemaining(f -> {
        if (api.has(f)) {
          out.set(f, onRecordFields(record.get(f), api.get(f)));
        }
      });
      return out;
    }
    if (record.size() != api.size()) {
      return api;
    }
    com.fasterxml.jackson.databind.node.ArrayNode out = Json.MAPPER.createArrayNode();
    for (int i = 0; i < record.size(); i++) {
      out.add(onRecordFields(record.get(i), api.get(i)));
    }
    return out;
  }

  /** Whether consumer group {@code groupId} has committed the end (last stable offset) of every partition of topic. */
  boolean caughtUp(String groupId, String topic) {
    Map<TopicPartition, Long> end = endOffsets(topic);
    try (var admin = admin()) {
      Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
        var c = committed.get(e.getKey());
        long at = c == null ? 0 : c.offset();
        if (at < e.getValue()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Prometheus counter or gauge value from a service's /metrics (sum over label sets), 0 if absent. */
  double metric(String baseUrl, String name) {
    HttpResponse<String> r = get(baseUrl + "/metrics");
    double sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  @Override
  public void close() {
    try {
      Child.closeAll(children);
    } finally {
      stopBrokers.run();
    }
  }
}
