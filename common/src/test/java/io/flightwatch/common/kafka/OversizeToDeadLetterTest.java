package io.flightwatch.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class OversizeToDeadLetterTest {

  private static ErrorHandlerContext context(byte[] key, byte[] value) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "claims";
      }

      @Override
      public int partition() {
        return 3;
      }

      @Override
      public long offset() {
        return 42;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "country-ledger";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(1, 3);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return key;
      }

      @Override
      public byte[] sourceRawValue() {
        return value;
      }
    };
  }

  private static OversizeToDeadLetter handler() {
    OversizeToDeadLetter h = new OversizeToDeadLetter();
    h.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles.dlq",
        StreamsConfig.APPLICATION_ID_CONFIG, "flightwatch-aggregator"));
    return h;
  }

  @Test
  void aRecordTooLargeIsSkippedAndItsInputDeadLettered() {
    byte[] key = "claim-key".getBytes(StandardCharsets.UTF_8);
    byte[] value = "{\"kind\":\"officials_fled\"}".getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>("country-totals", key, new byte[2_000_000]);
    Response r = handler().handleError(context(key, value), out, new RecordTooLargeException("2000000 > 1048576"));
    assertThat(r.result()).isEqualTo(Result.RESUME);
    assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
      assertThat(dead.topic()).isEqualTo("articles.dlq");
      assertThat(dead.key()).isEqualTo(key);
      assertThat(dead.value()).isEqualTo(value);
      assertThat(new String(dead.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
          .contains("country-totals").contains("too large");
      assertThat(new String(dead.headers().lastHeader(Topics.DLQ_SERVICE_HEADER).value(), StandardCharsets.UTF_8))
          .isEqualTo("flightwatch-aggregator");
    });
  }

  @Test
  void aHugeInputIsNotCopiedAndOtherErrorsStillFail() {
    byte[] huge = new byte[OversizeToDeadLetter.MAX_COPIED_BYTES + 1];
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>("cases", null, new byte[10]);
    Response r = handler().handleError(context(null, huge), out, new RecordTooLargeException("too big"));
    assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(dead -> assertThat(dead.value()).isNull());
    assertThat(handler().handleError(context(null, null), out, new TimeoutException("broker away")).result())
        .isEqualTo(Result.FAIL);
  }
}
