package io.flightwatch.common.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * The KRaft quorum a {@link LocalKafka} node belongs to: the cluster id every node's storage is formatted with, and the
 * client and controller ports of each node on 127.0.0.1 (node ids 1..n, in order). Every node is broker and controller,
 * so every node is a voter: three nodes survive the loss of any one.
 *
 * @param clusterId the id all nodes share (base64 UUID, as {@code kafka-storage.sh random-uuid} prints)
 * @param ports client (PLAINTEXT) port of node i at index i - 1
 * @param controllerPorts controller port of node i at index i - 1
 */
public record Quorum(String clusterId, List<Integer> ports, List<Integer> controllerPorts) {

  public Quorum {
    ports = List.copyOf(ports);
    controllerPorts = List.copyOf(controllerPorts);
    if (ports.isEmpty() || ports.size() != controllerPorts.size()) {
      throw new IllegalArgumentException("one client and one controller port per node: " + ports + " "
          + controllerPorts);
    }
    Uuid.fromString(clusterId); // fails on an id the storage formatter would refuse
  }

  /** A one-node quorum (the local broker of {@code flightwatch up}) with a new cluster id. */
  public static Quorum single(int port, int controllerPort) {
    return new Quorum(Uuid.randomUuid().toString(), List.of(port), List.of(controllerPort));
  }

  /**
   * Parses {@code PORT:CONTROLLER_PORT,...} (node 1 first), e.g. {@code 19092:19093,19192:19193,19292:19293}.
   *
   * @throws IllegalArgumentException on anything else
   */
  public static Quorum parse(String clusterId, String nodes) {
    List<Integer> ports = new ArrayList<>();
    List<Integer> controllers = new ArrayList<>();
    for (String node : nodes.split(",")) {
      String[] p = node.strip().split(":");
      if (p.length != 2) {
        throw new IllegalArgumentException("not PORT:CONTROLLER_PORT: '" + node.strip() + "'");
      }
      ports.add(Integer.parseInt(p[0]));
      controllers.add(Integer.parseInt(p[1]));
    }
    return new Quorum(clusterId, ports, controllers);
  }

  public int size() {
    return ports.size();
  }

  /** Client port of node {@code nodeId} (1-based). */
  public int port(int nodeId) {
    return ports.get(index(nodeId));
  }

  /** Controller port of node {@code nodeId} (1-based). */
  public int controllerPort(int nodeId) {
    return controllerPorts.get(index(nodeId));
  }

  /** {@code controller.quorum.voters}: {@code 1@127.0.0.1:c1,2@127.0.0.1:c2,...}. */
  public String voters() {
    return IntStream.rangeClosed(1, size()).mapToObj(n -> n + "@127.0.0.1:" + controllerPort(n))
        .collect(Collectors.joining(","));
  }

  /** Every node's client address, so a client finds the cluster while any one node is down. */
  public String bootstrapServers() {
    return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /**
   * Replicas of every topic: three where there are three nodes (one can be lost, a second one refuses writes rather
   * than losing them), fewer on a smaller quorum where three cannot be placed.
   */
  public short replicationFactor() {
    return (short) Math.min(3, size());
  }

  /** In-sync replicas an acks=all write needs: 2 of 3, so a write survives any single node lost right after. */
  public int minInsyncReplicas() {
    return replicationFactor() >= 3 ? 2 : 1;
  }

  private int index(int nodeId) {
    if (nodeId < 1 || nodeId > size()) {
      throw new IllegalArgumentException("node id " + nodeId + " outside 1.." + size());
    }
    return nodeId - 1;
  }
}
