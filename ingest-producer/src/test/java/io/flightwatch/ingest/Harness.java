package io.flightwatch.ingest;

import io.flightwatch.common.Article;
import io.flightwatch.common.FeedState;
import io.flightwatch.common.Topics;
import io.flightwatch.ingest.source.Source;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** IngestApp on a transactional MockProducer; {@link #articles()} are the committed articles.raw records. */
public final class Harness {

  public final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final SeenCache seen;
  public final Map<String, FeedState> feeds = new HashMap<>();

  public Harness(int seenMax) {
    this.seen = new SeenCache(seenMax);
  }

  public Harness() {
    this(1000);
  }

  /** A new process: a new producer, the seen state rebuilt from what {@code before} committed to ingest.seen. */
  public static Harness restartedFrom(Harness before) {
    Harness h = new Harness(before.seen.max());
    for (ProducerRecord<String, byte[]> r : before.records(Topics.INGEST_SEEN.name())) {
      h.seen.put(r.key(), Topics.INGEST_SEEN.valueSerde().deserializer().deserialize(r.topic(),
          r.value()).contentHash());
    }
    return h;
  }

  public IngestApp app(IngestConfig config, List<Source> sources) {
    return new IngestApp(config, sources, producer, () -> seen, () -> feeds, () -> { }, registry);
  }

  public List<Article> articles() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.ARTICLES_RAW.name()))
        .map(r -> Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()))
        .toList();
  }

  public List<ProducerRecord<String, byte[]>> records(String topic) {
    return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
  }

  public double skippedCounter(SkipReason reason) {
    var c = registry.find("ingest.skipped").tag("reason", reason.wireName()).counter();
    return c == null ? 0 : c.count();
  }
}
