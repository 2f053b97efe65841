package io.flightwatch.common;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Keys every service has. */
public final class CommonConfig {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
  public static final String STARTUP_TIMEOUT_MS = "startup.timeout.ms";
  public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
  public static final String DISK_MIN_FREE_MB = "disk.min.free.mb";
  /** {@link #TOPIC_REPLICATION_FACTOR}'s default: the broker's {@code default.replication.factor} decides. */
  public static final short BROKER_DEFAULT_REPLICATION = -1;

  private CommonConfig() {}

  /** A new definition holding the common keys; services add their own. */
  public static ConfigDef base() {
    return new ConfigDef()
        .define(BOOTSTRAP_SERVERS, Type.STRING, DEFAULT_BOOTSTRAP, new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Kafka bootstrap servers (host:port,...). Any cluster; the local broker listens on " + DEFAULT_BOOTSTRAP
            + ".")
        .define(STARTUP_TIMEOUT_MS, Type.LONG, 15_000L, ConfigDef.Range.between(1_000, 600_000), Importance.LOW,
            "How long a service waits at start for the cluster to answer before it stops with one line saying so"
                + " (exit status 1).")
        .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, BROKER_DEFAULT_REPLICATION, replicationFactor(),
            Importance.MEDIUM,
            "Replication factor of the topics a service creates itself: the producer's topics when missing, and the"
                + " Kafka Streams changelog and repartition topics of the processor and aggregator. -1 = the broker's"
                + " default.replication.factor; 3 on a three-broker cluster, so losing one broker loses nothing.")
        .define(DISK_MIN_FREE_MB, Type.LONG, 256L, ConfigDef.Range.between(0, 1_048_576), Importance.LOW,
            "Free space (MB) the file system of the data or state folder must keep. Below it a service does not start,"
                + " and a running one stops cleanly with one line saying so (under up: every service, broker included)"
                + " instead of failing half-way through a write. 0 turns the check off.");
  }

  /** {@link #DISK_MIN_FREE_MB} in bytes. */
  public static long diskMinFreeBytes(Settings settings) {
    return settings.getLong(DISK_MIN_FREE_MB) * 1024 * 1024;
  }

  /** -1 or a positive replication factor (0 is never valid). */
  private static ConfigDef.Validator replicationFactor() {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      short rf = (Short) value;
      if (rf != BROKER_DEFAULT_REPLICATION && rf < 1) {
        throw new org.apache.kafka.common.config.ConfigException(name, value, "must be -1 or at least 1");
      }
    }, () -> "-1 (the broker's default) or [1,...]");
  }

  /** {@link #TOPIC_REPLICATION_FACTOR}: -1 for the broker's default. */
  public static short replicationFactor(Settings settings) {
    return (Short) settings.get(TOPIC_REPLICATION_FACTOR);
  }

  /** {@link #STARTUP_TIMEOUT_MS} as a duration. */
  public static java.time.Duration startupTimeout(Settings settings) {
    return java.time.Duration.ofMillis(settings.getLong(STARTUP_TIMEOUT_MS));
  }

  /** Bootstrap servers plus every {@code kafka.*} passthrough key, as a client config map. */
  public static Map<String, Object> clientProps(Settings settings) {
    Map<String, Object> props = new HashMap<>(settings.kafkaPassthrough());
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.getString(BOOTSTRAP_SERVERS));
    return props;
  }
}
