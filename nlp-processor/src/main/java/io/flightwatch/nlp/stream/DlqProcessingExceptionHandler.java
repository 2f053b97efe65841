package io.flightwatch.nlp.stream;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' log-and-continue processing handler with its dead-letter record (KIP-1034:
 * {@code errors.dead.letter.queue.topic.name}) labelled like the processor's own DLQ records: reason
 * {@code processing_error}, service, source topic. It catches what the processor itself does not expect (a bug, a store
 * failure); annotator failures and bad input are routed by the processor with specific reasons.
 */
public class DlqProcessingExceptionHandler extends LogAndContinueProcessingExceptionHandler {

  private ProcessorMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    metrics = ProcessorTopology.metricsFrom(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    for (ProducerRecord<byte[], byte[]> dlq : response.deadLetterQueueRecords()) {
      DlqReason.PROCESSING_ERROR.addTo(dlq.headers(), context.topic(),
          "exception in processor '" + context.processorNodeId() + "': " + exception);
    }
    if (metrics != null) {
      metrics.dlq(DlqReason.PROCESSING_ERROR);
    }
    return response;
  }
}
