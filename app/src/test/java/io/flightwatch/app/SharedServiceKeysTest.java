package io.flightwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.aggregator.AggregatorConfig;
import io.flightwatch.common.service.StreamsServiceConfig;
import io.flightwatch.nlp.stream.ProcessorConfig;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The Streams keys the processor and the aggregator share mean the same in both (they drifted apart once). */
class SharedServiceKeysTest {

  private static final List<String> SHARED = List.of(StreamsServiceConfig.APPLICATION_ID,
      StreamsServiceConfig.NUM_STREAM_THREADS, StreamsServiceConfig.STATE_DIR, StreamsServiceConfig.COMMIT_INTERVAL_MS,
      StreamsServiceConfig.HTTP_HOST, StreamsServiceConfig.SHUTDOWN_TIMEOUT_MS);

  @Test
  void sharedKeysHaveOneTypeRangeAndMeaning() {
    ConfigDef processor = ProcessorConfig.definition();
    ConfigDef aggregator = AggregatorConfig.definition();
    for (String key : SHARED) {
      ConfigDef.ConfigKey p = processor.configKeys().get(key);
      ConfigDef.ConfigKey a = aggregator.configKeys().get(key);
      assertThat(p).as("processor defines %s", key).isNotNull();
      assertThat(a).as("aggregator defines %s", key).isNotNull();
      assertThat(a.type).as(key).isEqualTo(p.type);
      assertThat(String.valueOf(a.validator)).as(key).isEqualTo(String.valueOf(p.validator));
      if (!key.equals(StreamsServiceConfig.HTTP_HOST)) { // its text names what each service serves there
        assertThat(a.documentation).as(key).isEqualTo(p.documentation);
      }
    }
    // the port differs on purpose: the processor's health and metrics may be off, the aggregator's API may not
    assertThat(String.valueOf(processor.configKeys().get(StreamsServiceConfig.HTTP_PORT).validator)).contains("-1");
    assertThat(String.valueOf(aggregator.configKeys().get(StreamsServiceConfig.HTTP_PORT).validator)).contains("[0,");
  }
}
