package io.flightwatch.common.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the producer refuses as too large must not stop the application (under exactly-once the default fails the
 * stream thread, the replacement thread meets the same record, and every partition stops). Such a record is skipped and
 * the input record that produced it goes to the dead-letter topic ({@code errors.dead.letter.queue.topic.name}) with
 * the reason; every other production error keeps the default (fail, so nothing is lost silently).
 */
public final class OversizeToDeadLetter implements ProductionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(OversizeToDeadLetter.class);

  /**
   * Larger source values are not copied to the dead-letter record (it would be refused too); the headers still say why.
   */
  static final int MAX_COPIED_BYTES = 256 * 1024;

  private String dlqTopic;
  private String service;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    dlqTopic = topic == null ? null : topic.toString();
    Object app = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    service = app == null ? "streams" : app.toString();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (!(exception instanceof RecordTooLargeException)) {
      return Response.fail();
    }
    String reason = "output record to " + record.topic() + " too large (" + size(record) + " bytes): "
        + exception.getMessage();
    log.warn("skipping an output of {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), reason);
    if (dlqTopic == null) {
      return Response.resume();
    }
    byte[] value = context.sourceRawValue();
    ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(dlqTopic, null, context.sourceRawKey(),
        value != null && value.length <= MAX_COPIED_BYTES ? value : null);
    DlqHeaders.addReason(dead.headers(), service, reason, String.valueOf(context.topic()), null);
    return Response.resume(List.of(dead));
  }

  private static int size(ProducerRecord<byte[], byte[]> r) {
    return (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
  }
}
