package io.flightwatch.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** Kafka Streams' own DLQ records (KIP-1034) carry the processor's reason headers and are counted. */
class DlqHandlersTest {

  private static final byte[] RAW_KEY = "k-1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RAW_VALUE = {1, 2, 3, 4};

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "articles.raw";
      }

      @Override
      public int partition() {
        return 2;
      }

      @Override
      public long offset() {
        return 41;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return ProcessorTopology.PROCESSOR;
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 2);
      }

      @Override
      public long timestamp() {
        return 1_700_000_000_000L;
      }

      @Override
      public byte[] sourceRawKey() {
        return RAW_KEY;
      }

      @Override
      public byte[] sourceRawValue() {
        return RAW_VALUE;
      }
    };
  }

  private static Map<String, Object> configs(ProcessorMetrics metrics) {
    Map<String, Object> c = ProcessorTopology.errorHandling(metrics);
    c.put(StreamsConfig.APPLICATION_ID_CONFIG, "t");
    return c;
  }

  private static void assertLabelled(ProducerRecord<byte[], byte[]> r, DlqReason reason) {
    assertThat(r.topic()).isEqualTo(Topics.ARTICLES_DLQ.name());
    assertThat(r.key()).isEqualTo(RAW_KEY);
    assertThat(r.value()).isEqualTo(RAW_VALUE);
    assertThat(DlqHeaders.get(r.headers(), Topics.DLQ_REASON_HEADER)).isEqualTo(reason.wireName());
    assertThat(DlqHeaders.get(r.headers(), Topics.DLQ_SERVICE_HEADER)).isEqualTo("nlp-processor");
    assertThat(DlqHeaders.get(r.headers(), Topics.DLQ_SOURCE_TOPIC_HEADER)).isEqualTo("articles.raw");
    assertThat(DlqHeaders.get(r.headers(), DlqHeaders.EXCEPTION)).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(DlqHeaders.get(r.headers(), DlqHeaders.OFFSET)).isEqualTo("41");
  }

  @Test
  void processingErrorsAreResumedAndLabelled() {
    ProcessorMetrics metrics = ProcessorMetrics.unregistered();
    DlqProcessingExceptionHandler h = new DlqProcessingExceptionHandler();
    h.configure(configs(metrics));
    var response = h.handleError(context(), new Record<>("k-1", "v", 0L), new IllegalArgumentException("bug"));

    assertThat(response.result().name()).isEqualTo("RESUME");
    List<ProducerRecord<byte[], byte[]>> records = response.deadLetterQueueRecords();
    assertThat(records).hasSize(1);
    assertLabelled(records.get(0), DlqReason.PROCESSING_ERROR);
    assertThat(DlqHeaders.get(records.get(0).headers(), DlqHeaders.DETAIL)).contains("article-processor");
    assertThat(metrics.dlqCount(DlqReason.PROCESSING_ERROR)).isEqualTo(1);
  }

  @Test
  void deserializationErrorsAreResumedAndLabelled() {
    ProcessorMetrics metrics = ProcessorMetrics.unregistered();
    DlqDeserializationExceptionHandler h = new DlqDeserializationExceptionHandler();
    h.configure(configs(metrics));
    var response = h.handleError(context(), new ConsumerRecord<>("articles.raw", 2, 41, RAW_KEY, RAW_VALUE),
        new IllegalArgumentException("unreadable"));

    assertThat(response.result().name()).isEqualTo("RESUME");
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    assertLabelled(response.deadLetterQueueRecords().get(0), DlqReason.DESERIALIZATION_ERROR);
    assertThat(metrics.dlqCount(DlqReason.DESERIALIZATION_ERROR)).isEqualTo(1);
  }
}
