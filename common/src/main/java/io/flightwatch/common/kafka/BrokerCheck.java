package io.flightwatch.common.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/**
 * Asks the cluster once, before a service starts, so an unreachable or unresolvable broker is one clear line within a
 * bound instead of a long silence, a stack trace, or a service that never exits:
 *
 * <pre>
 *   cannot reach Kafka at kafka.invalid:9092 within 15 s: no resolvable bootstrap address (check --bootstrap-servers)
 * </pre>
 */
public final class BrokerCheck {

  /** The default bound; long enough for a broker that is still starting, short enough for a typo. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  private BrokerCheck() {}

  /** Thrown with the one line to print. */
  public static final class Unreachable extends RuntimeException {
    public Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Returns when the cluster answered within {@code timeout}; else throws {@link Unreachable}. */
  public static void require(Map<String, Object> clientProps, Duration timeout) {
    Object servers = clientProps.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    Map<String, Object> props = new HashMap<>(clientProps);
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "flightwatch-broker-check");
    String where = "cannot reach Kafka at " + servers + " within " + timeout.toSeconds() + " s: ";
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).clusterId()
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (KafkaException e) {
      // e.g. "No resolvable bootstrap urls given in bootstrap.servers" from the client's constructor
      throw new Unreachable(where + rootMessage(e) + " (check --bootstrap-servers)", e);
    } catch (ExecutionException e) {
      throw new Unreachable(where + rootMessage(e.getCause()) + " (is the broker running? check --bootstrap-servers)",
          e);
    } catch (TimeoutException e) {
      throw new Unreachable(where + "no answer (is the broker running? check --bootstrap-servers)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(where + "interrupted", e);
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }
}
