package io.flightwatch.aggregator.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries (IQv2) against this instance's active partitions, plus the metadata lookups and HTTP forwarding that
 * make any instance answer for every key.
 */
public final class StoreQueries {

  /** Marks a request one instance sent to another: answer from local state only, never forward again. */
  public static final String FORWARDED_HEADER = "X-Flightwatch-Forwarded";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient http;

  public StoreQueries(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  public HostInfo self() {
    return self;
  }

  /** The instance and partition holding {@code key} in {@code store}. */
  public KeyQueryMetadata locate(String store, String key) {
    KeyQueryMetadata md = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (md == null || md == KeyQueryMetadata.NOT_AVAILABLE || md.activeHost() == null) {
      throw ApiException.unavailable("state is not available yet (starting or rebalancing), retry shortly");
    }
    return md;
  }

  public boolean isSelf(HostInfo host) {
    return self.equals(host);
  }

  /** Every instance hosting part of {@code store}, sorted; at least this one once it is running. */
  public List<HostInfo> hosts(String store) {
    TreeSet<String> seen = new TreeSet<>();
    List<HostInfo> hosts = new ArrayList<>();
    for (StreamsMetadata md : streams.streamsMetadataForStore(store)) {
      if (seen.add(md.hostInfo().host() + ":" + md.hostInfo().port())) {
        hosts.add(md.hostInfo());
      }
    }
    if (hosts.isEmpty()) {
      throw ApiException.unavailable("no instance hosts " + store + " yet (starting or rebalancing), retry shortly");
    }
    hosts.sort((a, b) -> (a.host() + ":" + a.port()).compareTo(b.host() + ":" + b.port()));
    return hosts;
  }

  /** The value of {@code key} in the local active {@code partition}. */
  public <V> Optional<V> localGet(String store, String key, int partition) {
    StateQueryRequest<V> request = StateQueryRequest.inStore(store)
        .withQuery(KeyQuery.<String, V>withKey(key))
        .withPartitions(Set.of(partition))
        .requireActive();
    StateQueryResult<V> result = streams.query(request);
    QueryResult<V> r = result.getPartitionResults().get(partition);
    if (r == null || r.isFailure()) {
      throw ApiException.unavailable("partition " + partition + " of " + store + " is not queryable here"
          + (r == null ? "" : " (" + r.getFailureReason() + ")") + ", retry shortly");
    }
    return Optional.ofNullable(r.getResult());
  }

  /** Every entry of {@code store} in this instance's active partitions (for small stores: one entry per country). */
  public <V> List<KeyValue<String, V>> localAll(String store) {
    return localRange(store, null, null, null, Integer.MAX_VALUE);
  }

  /**
   * Up to {@code limit} entries from {@code from} to {@code to} (both inclusive, in key order) of each of this instance's
   * active partitions of {@code store}, or of {@code partition} alone when it is not null. Iterators are closed here.
   */
  public <V> List<KeyValue<String, V>> localRange(String store, String from, String to, Integer partition, int limit) {
    StateQueryRequest<KeyValueIterator<String, V>> request = StateQueryRequest.inStore(store)
        .withQuery(RangeQuery.<String, V>withRange(from, to));
    request = partition == null ? request.requireActive() : request.withPartitions(Set.of(partition)).requireActive();
    StateQueryResult<KeyValueIterator<String, V>> result = streams.query(request);
    List<KeyValue<String, V>> out = new ArrayList<>();
    for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, V>>> e : result.getPartitionResults().entrySet()) {
      QueryResult<KeyValueIterator<String, V>> r = e.getValue();
      if (r.isFailure()) {
        if (partition == null && r.getFailureReason() == FailureReason.NOT_ACTIVE) {
          continue; // a standby copy: the active instance answers for this partition
        }
        throw ApiException.unavailable("partition " + e.getKey() + " of " + store + " is not queryable ("
            + r.getFailureReason() + "), retry shortly");
      }
      try (KeyValueIterator<String, V> it = r.getResult()) {
        for (int n = 0; n < limit && it.hasNext(); n++) {
          out.add(it.next());
        }
      }
    }
    if (partition != null && !result.getPartitionResults().containsKey(partition)) {
      throw ApiException.unavailable("partition " + partition + " of " + store + " is not queryable here, retry shortly");
    }
    return out;
  }

  /** A GET to another instance, marked as forwarded. */
  public HttpResponse<String> forward(HostInfo host, String pathAndQuery) {
    URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header(FORWARDED_HEADER, self.host() + ":" + self.port()).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ApiException.unavailable("instance " + host.host() + ":" + host.port() + " did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while asking " + host.host() + ":" + host.port());
    }
  }
}
