package io.flightwatch.nlp.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Kafka Streams' log-and-continue deserialization handler with its dead-letter record (KIP-1034) labelled with reason
 * {@code deserialization_error}, service and source topic. The topology reads {@code articles.raw} as bytes and parses
 * in the processor (so each kind of bad input gets its own reason), so this is a guard for any source whose serdes
 * change.
 */
public class DlqDeserializationExceptionHandler extends LogAndContinueExceptionHandler {

  private ProcessorMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    metrics = ProcessorTopology.metricsFrom(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    for (ProducerRecord<byte[], byte[]> dlq : response.deadLetterQueueRecords()) {
      DlqReason.DESERIALIZATION_ERROR.addTo(dlq.headers(), context.topic(), String.valueOf(exception));
    }
    if (metrics != null) {
      metrics.dlq(DlqReason.DESERIALIZATION_ERROR);
    }
    return response;
  }
}
