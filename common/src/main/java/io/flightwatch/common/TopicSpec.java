package io.flightwatch.common;

import io.flightwatch.common.kafka.KafkaDefaults;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract: its name, serdes, partitions and cleanup policy, in one constant. Created topics also accept
 * records up to {@link KafkaDefaults#MAX_RECORD_BYTES}, whatever the cluster's default.
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {

  public NewTopic newTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(KafkaDefaults.MAX_RECORD_BYTES)));
  }
}
