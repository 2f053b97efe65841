package io.flightwatch.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

/** The addresses and replication a node derives from its quorum: every node of a cluster must derive the same. */
class QuorumTest {

  private static final String ID = Uuid.randomUuid().toString();

  @Test
  void threeNodesVoteTogetherAndReplicateThreeTimesWithTwoInSync() {
    Quorum q = Quorum.parse(ID, "19092:19093, 19192:19193,19292:19293");
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.port(2)).isEqualTo(19192);
    assertThat(q.controllerPort(3)).isEqualTo(19293);
    assertThat(q.voters()).isEqualTo("1@127.0.0.1:19093,2@127.0.0.1:19193,3@127.0.0.1:19293");
    assertThat(q.bootstrapServers()).isEqualTo("127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292");
    assertThat(q.replicationFactor()).isEqualTo((short) 3);
    assertThat(q.minInsyncReplicas()).isEqualTo(2);
  }

  @Test
  void aSingleNodeKeepsOneReplica() {
    Quorum q = Quorum.single(9092, 9093);
    assertThat(q.voters()).isEqualTo("1@127.0.0.1:9093");
    assertThat(q.replicationFactor()).isEqualTo((short) 1);
    assertThat(q.minInsyncReplicas()).isEqualTo(1);
  }

  @Test
  void malformedQuorumsAndNodeIdsAreRefused() {
    assertThatThrownBy(() -> Quorum.parse(ID, "19092")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT:CONTROLLER_PORT");
    assertThatThrownBy(() -> Quorum.parse("not-a-uuid!", "1:2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quorum.single(1, 2).port(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node id 2");
  }
}
