package io.flightwatch.aggregator.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.InvalidStateStorePartitionException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries against this instance's active partitions (point reads and key ranges, see {@link #local} for why
 * through the read-only store), plus the metadata lookups and HTTP forwarding that make any instance answer for every
 * key.
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

  /** The queries once the streams client exists; before that, a 503 the client can retry. */
  public static StoreQueries ready(Supplier<StoreQueries> queries) {
    StoreQueries q = queries.get();
    if (q == null) {
      throw ApiException.unavailable("aggregator is starting, retry shortly");
    }
    return q;
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
    try {
      return Optional.ofNullable(this.<V>local(store, partition).get(key));
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable("partition " + partition + " of " + store + " is not queryable here ("
          + e.getMessage() + "), retry shortly");
    }
  }

  /** Every entry of {@code store} in this instance's active partitions (for small stores: one entry per country). */
  public <V> List<KeyValue<String, V>> localAll(String store) {
    return localRange(store, null, null, null, Integer.MAX_VALUE);
  }

  /**
   * Up to {@code limit} entries from {@code from} to {@code to} (both inclusive, in key order; null = unbounded) of
   * each of this instance's active partitions of {@code store}, or of {@code partition} alone when it is not null.
   * Iterators are closed here.
   */
  public <V> List<KeyValue<String, V>> localRange(String store, String from, String to, Integer partition, int limit) {
    List<KeyValue<String, V>> out = new ArrayList<>();
    for (int p : partition != null ? Set.of(partition) : activePartitions()) {
      ReadOnlyKeyValueStore<String, V> s;
      try {
        s = local(store, p);
      } catch (InvalidStateStorePartitionException e) {
        if (partition == null) {
          continue; // another sub-topology's partition: this store has no such partition here
        }
        throw ApiException.unavailable("partition " + p + " of " + store + " is not hosted here, retry shortly");
      } catch (InvalidStateStoreException e) {
        throw ApiException.unavailable("partition " + p + " of " + store + " is not queryable ("
            + e.getMessage() + "), retry shortly");
      }
      try (KeyValueIterator<String, V> it = from == null && to == null ? s.all() : s.range(from, to)) {
        for (int n = 0; n < limit && it.hasNext(); n++) {
          out.add(it.next());
        }
      } catch (InvalidStateStoreException e) {
        throw ApiException.unavailable("partition " + p + " of " + store + " moved while read, retry shortly");
      }
    }
    return out;
  }

  /**
   * Hands every entry from {@code from} to {@code to} (inclusive) of one local active partition to {@code each}, one at
   * a time (nothing is collected; the iterator is closed here).
   */
  public <V> void localScan(String store, String from, String to, int partition,
      java.util.function.Consumer<KeyValue<String, V>> each) {
    ReadOnlyKeyValueStore<String, V> s;
    try {
      s = local(store, partition);
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable("partition " + partition + " of " + store + " is not queryable here ("
          + e.getMessage() + "), retry shortly");
    }
    try (KeyValueIterator<String, V> it = s.range(from, to)) {
      it.forEachRemaining(each);
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable("partition " + partition + " of " + store + " moved while read, retry shortly");
    }
  }

  /**
   * One active partition of a store, read through {@link ReadOnlyKeyValueStore}. Not IQv2: its key and range queries
   * lock the store's position before the store, the stream thread's writes lock the store before the position, and
   * under steady writes the two deadlock (KAFKA-19629, still in 4.4.0: a stuck stream thread and REST calls that never
   * return, seen here with 10,000 claims and a dashboard polling). The read-only store takes the store lock alone.
   */
  private <V> ReadOnlyKeyValueStore<String, V> local(String store, int partition) {
    return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
        .withPartition(partition));
  }

  /** Partitions of this instance's active tasks, over every sub-topology. */
  private Set<Integer> activePartitions() {
    Set<Integer> partitions = new TreeSet<>();
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        partitions.add(task.taskId().partition());
      }
    }
    return partitions;
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
