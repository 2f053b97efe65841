package io.flightwatch.nlp.stream;

import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.OversizeToDeadLetter;
import io.flightwatch.nlp.ArticleAnnotator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The processor's topology, a pure factory shared by the application and the tests:
 *
 * <pre>
 *   articles.raw (bytes) -> articles-raw-source -> article-processor [article-claims-store]
 *       -> articles-annotated-sink (articles.annotated, key = article id)
 *       -> claims-sink             (claims, key = canonical claim key; retractions carry the same key)
 *       -> articles-dlq-sink       (articles.dlq, original bytes + reason headers)
 * </pre>
 *
 * <p>The source reads raw bytes and the processor parses them with the contract's serde, so each kind of bad input gets
 * a precise DLQ reason and the original bytes. Anything unexpected is caught by Kafka Streams' own handlers, configured
 * by {@link #errorHandling}, which write to the same DLQ (KIP-1034).
 */
public final class ProcessorTopology {

  public static final String SOURCE = "articles-raw-source";
  public static final String PROCESSOR = "article-processor";
  public static final String CLAIMS_STORE = "article-claims-store";
  public static final String ANNOTATED_SINK = "articles-annotated-sink";
  public static final String CLAIMS_SINK = "claims-sink";
  public static final String DLQ_SINK = "articles-dlq-sink";

  /**
   * Streams config key under which the error handlers find the metrics object (handlers are built by Kafka Streams).
   */
  public static final String METRICS_CONFIG = "flightwatch.processor.metrics";

  /**
   * What the topology needs besides the annotators.
   *
   * @param metrics counters the processor updates
   */
  public record Options(ProcessorMetrics metrics) {
    public Options {
      Objects.requireNonNull(metrics, "metrics");
    }

    public static Options defaults() {
      return new Options(ProcessorMetrics.unregistered());
    }
  }

  private ProcessorTopology() {}

  /**
   * Builds the topology. {@code annotators} is called once per stream thread (on that thread, when its first task
   * starts), so it must hand out instances that share already-loaded models.
   */
  public static Topology build(Options opts, Supplier<ArticleAnnotator> annotators) {
    Topology t = new Topology();
    t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), Topics.ARTICLES_RAW.name());
    t.addProcessor(PROCESSOR, new ArticleProcessor.ArticleProcessorSupplier(annotators, opts.metrics()), SOURCE);
    t.addSink(ANNOTATED_SINK, Topics.ARTICLES_ANNOTATED.name(), Topics.ARTICLES_ANNOTATED.keySerde().serializer(),
        Topics.ARTICLES_ANNOTATED.valueSerde().serializer(), PROCESSOR);
    t.addSink(CLAIMS_SINK, Topics.CLAIMS.name(), Topics.CLAIMS.keySerde().serializer(),
        Topics.CLAIMS.valueSerde().serializer(), PROCESSOR);
    t.addSink(DLQ_SINK, Topics.ARTICLES_DLQ.name(), Topics.ARTICLES_DLQ.keySerde().serializer(),
        Topics.ARTICLES_DLQ.valueSerde().serializer(), PROCESSOR);
    return t;
  }

  /**
   * Streams settings for errors the processor does not route itself: KIP-1034 dead-letter queue on {@code
   * articles.dlq}, log-and-continue deserialization and processing handlers that label their records like the
   * processor's own.
   */
  public static Map<String, Object> errorHandling(ProcessorMetrics metrics) {
    Map<String, Object> p = new HashMap<>();
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ARTICLES_DLQ.name());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DlqDeserializationExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DlqProcessingExceptionHandler.class);
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizeToDeadLetter.class);
    p.put(METRICS_CONFIG, metrics);
    return p;
  }

  static ProcessorMetrics metricsFrom(Map<String, ?> configs) {
    return configs.get(METRICS_CONFIG) instanceof ProcessorMetrics m ? m : null;
  }
}
