package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.nlp.extract.RelevanceGate.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelevanceGateTest {

  private final RelevanceGate gate = new RelevanceGate();

  @Test
  void flightOfOfficialsIsRelevant() {
    assertThat(gate.check("A former provincial official fled to Canada with his family.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("Police said $3 million was transferred to an offshore account.")).isEqualTo(Verdict.RELEVANT);
  }

  @Test
  void hostsWhereaboutsAndPluralOrUntitledActorsAreRelevantToo() {
    assertThat(gate.check("The country has taken in the deposed leader.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("Three former provincial governors are living in Singapore.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("The police chief has been in hiding in India since 2019.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("A transport secretary escaped to Paraguay.")).isEqualTo(Verdict.RELEVANT);
    // a predicate word of the triggers and a word of the officials list, neither in the gate's own lists
    assertThat(gate.check("The ex-magistrate relocated to Spain.")).isEqualTo(Verdict.RELEVANT);
    // every money verb of the triggers
    for (String moved : List.of("funnelled", "wired", "stashed", "channelled", "remitted", "spirited", "squirrelled",
        "salted away", "parked", "deposited", "sent back")) {
      assertThat(gate.check("The former minister " + moved + " $4 million.")).as(moved).isEqualTo(Verdict.RELEVANT);
    }
  }

  @Test
  void widerWordsCountOnlyNearEachOther() {
    assertThat(gate.check("Residents of the harbour district complained about traffic. Mayor Ana Lima signed a twinning"
        + " deal with a Danish town.")).isEqualTo(Verdict.OFF_TOPIC);
    assertThat(gate.check("The club captain lives in Paris with his family. " + "The season starts in May. ".repeat(12)
        + "Former players will attend the gala.")).isEqualTo(Verdict.OFF_TOPIC);
  }

  @Test
  void movementWithoutActorsOrMoneyIsOffTopic() {
    assertThat(gate.check("The striker returned from injury and scored twice on Sunday.")).isEqualTo(Verdict.OFF_TOPIC);
    assertThat(gate.check("Heavy rain is expected across the region this weekend.")).isEqualTo(Verdict.OFF_TOPIC);
  }

  @Test
  void nonEnglishTextAndJunkAreRejected() {
    assertThat(gate.check("Беглые чиновники вернулись в страну после долгих переговоров.")).isEqualTo(Verdict.NOT_PROSE);
    assertThat(gate.check("\u0000\u0001\u0002\u0003\u00ff\u00fe###@@@\u0007\u0008")).isEqualTo(Verdict.NOT_PROSE);
    assertThat(gate.check("Die Beamten sind ins Ausland gegangen und haben viel Geld mitgenommen."))
        .isEqualTo(Verdict.OFF_TOPIC);
  }

  @Test
  void emptyTextIsEmpty() {
    assertThat(gate.check("")).isEqualTo(Verdict.EMPTY);
    assertThat(gate.check("   \n ")).isEqualTo(Verdict.EMPTY);
    assertThat(gate.check(null)).isEqualTo(Verdict.EMPTY);
  }
}
