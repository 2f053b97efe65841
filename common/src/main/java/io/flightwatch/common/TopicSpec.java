package io.flightwatch.common;

import io.flightwatch.common.kafka.KafkaDefaults;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract: its name, serdes, partitions, cleanup policy and the largest record it accepts, in one
 * constant. The limit is set on the topic itself, whatever the cluster's default: {@link
 * KafkaDefaults#MAX_RECORD_BYTES} where whole articles travel, {@link KafkaDefaults#BOUNDED_RECORD_BYTES} where records
 * are bounded by design.
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted,
    int maxRecordBytes) {

  public NewTopic newTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes)));
  }
}
