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
    assertThat(gate.check("Police said $3 million was transferred to an offshore "
        + "account.")).isEqualTo(Verdict.RELEVANT);
  }

  @Test
  void hostsWhereaboutsAndPluralOrUntitledActorsAreRelevantToo() {
    assertThat(gate.check("The country has taken in the deposed leader.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("Three former provincial governors are living in Singapore.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("The police chief has been in hiding in India since 2019.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("A transport secretary escaped to Paraguay.")).isEqualTo(Verdict.RELEVANT);
    // a predicate word of the triggers and a word of the officials list, neither in the gate's own lists
    assertThat(gate.check("The ex-magistrate relocated to Spain.")).isEqualTo(Verdict.RELEVANT);
    // no title, only the crime or the office: "a former branch manager ... fled India after a loan fraud"
    assertThat(gate.check("A former branch manager fled India in 2018 after a loan fraud came to light."))
        .isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("A man wanted in a land scam has fled to Nepal.")).isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("A convicted clerk who stole 40 crore rupees escaped to Dubai.")).isEqualTo(Verdict.RELEVANT);
    // a sum with no other actor word: trillions, crores and currencies of the South
    assertThat(gate.check("The central bank said Tk 1.2 trillion was smuggled out of Bangladesh."))
        .isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("About 300 crore was smuggled out of the state.")).isEqualTo(Verdict.RELEVANT);
    // every money verb of the triggers
    for (String moved : List.of("funnelled", "wired", "stashed", "channelled", "remitted", "spirited", "squirrelled",
        "salted away", "parked", "deposited", "sent back")) {
      assertThat(gate.check("The former minister " + moved + " $4 million.")).as(moved).isEqualTo(Verdict.RELEVANT);
    }
  }

  @Test
  void anAbbreviationBeforeAnAmountEndsNoSentence() {
    String text = "The aide deposited more than \u00A3100m (approx. $150 million) at a bank in Monaco. Prices rose.";
    RelevanceGate.Span sentence = RelevanceGate.sentenceAt(text, text.indexOf("deposited"));
    assertThat(text.substring(sentence.begin(), sentence.end())).endsWith("at a bank in Monaco.");
    RelevanceGate.Span next = RelevanceGate.sentenceAt(text, text.indexOf("Prices"));
    assertThat(text.substring(next.begin(), next.end()).strip()).isEqualTo("Prices rose.");
  }

  @Test
  void widerWordsCountOnlyNearEachOther() {
    assertThat(gate.check("Residents of the harbour district complained about traffic. Mayor Ana Lima signed a twinning"
        + " deal with a Danish town.")).isEqualTo(Verdict.OFF_TOPIC);
    assertThat(gate.check("The club captain lives in Paris with his family. " + "The season starts in May. ".repeat(12)
        + "Former players will attend the gala.")).isEqualTo(Verdict.OFF_TOPIC);
  }

  @Test
  void anActorInTheSentenceBeforeOrAfterCounts() {
    assertThat(gate.check("Hiding in plain sight\nTwo former ministers wanted for fraud are seen in cafes in Lisbon."))
        .isEqualTo(Verdict.RELEVANT);
    assertThat(gate.check("The deputy governor disappeared in May. Police say she fled across the border."))
        .isEqualTo(Verdict.RELEVANT);
    // the same words a paragraph apart: an article about a marathon that mentions a minister's visit
    assertThat(gate.check("The runner returned after a long break. The course is flat. The weather was mild. "
        + "Spectators lined the streets. The sports minister handed out the medals.")).isEqualTo(Verdict.OFF_TOPIC);
  }

  @Test
  void theRelevantSentencesAreReturnedInOrder() {
    String text = "Rain fell all day. A former mayor fled to Peru with $2 million. Shops closed early. "
        + "His deputy escaped to Chile, officials said.";
    RelevanceGate.Result r = gate.scan(text);
    assertThat(r.verdict()).isEqualTo(Verdict.RELEVANT);
    assertThat(r.sentences()).extracting(s -> text.substring(s.begin(), s.end()).strip())
        .containsExactly("A former mayor fled to Peru with $2 million.",
            "His deputy escaped to Chile, officials said.");
    assertThat(text.substring(RelevanceGate.withPrevious(text, r.sentences().get(0)).begin(),
        r.sentences().get(0).end()))
        .startsWith("Rain fell all day.");
  }

  @Test
  void wordsInsideOtherWordsAreNotFound() {
    // "fle" in "reflected" and in "fleet"
    assertThat(gate.check("The minister reflected on the budget and the fleet of buses.")).isEqualTo(Verdict.OFF_TOPIC);
  }

  @Test
  void everyMovementLineStartsWithPlainLetters() {
    assertThat(RelevanceGate.key("harbou?r(?:s|ed)")).isEqualTo("harbo");
    assertThat(RelevanceGate.key("fugitives?")).isEqualTo("fugitive");
    assertThat(RelevanceGate.key("on the run")).isEqualTo("on the run");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelevanceGate.key("(?:a|b) in"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("three plain letters");
  }

  /** One sentence of ours per movement line of {@code relevance-gate.txt}; a test checks that every line has one. */
  static final List<String> MOVEMENT_SENTENCES = List.of(
      "The former official fled to Peru.", "Officials fleeing the probe crossed into Chad.",
      "A minister flees abroad.", "Two fugitives were named.", "The governor absconded in May.",
      "The mayor found refuge in Spain.", "The ex-minister applied for asylum.", "The official is on the run.",
      "The director is holed up in a villa in Nice.", "The chairman decamped to Dubai.",
      "Three officials remain at large.", "The senator was extradited.", "Police repatriated the suspects.",
      "The banker was deported.", "The official smuggled gold.", "The cadres laundered the money.",
      "The director siphoned funds.", "The minister externalised the cash.", "A red notice names the general.",
      "The judge's whereabouts are unknown.", "The governor funnelled money to shell firms.",
      "The mayor stashed cash in a villa.", "The tycoon spirited the funds away.", "The minister squirrelled money.",
      "The premier salted away millions.", "The premier sought refuge in Chile.",
      "The speaker was granted asylum in Peru.", "The president escaped to Brazil.",
      "The general defected to the West.", "The minister is hiding in Dubai.", "The exiled president spoke.",
      "The diplomat was expelled.", "The suspect was handed over to Kenya.", "The police brought back 12 suspects.",
      "The former minister returned home.", "The official surrendered to police.",
      "The mayor transferred $2 million.", "Officials recovered $3 million.", "Police retrieved the money.",
      "The state recouped funds.", "The state received $2 million from Jersey.",
      "The minister's offshore accounts.", "The officials live overseas.",
      "The minister moved money abroad.", "Canada has taken in the deposed leader.",
      "Panama took in the ousted president.", "The country harbours fugitives.",
      "Russia continues to harbour the former minister.", "Canada shelters two former ministers.",
      "The police chief is said to be in Dubai.", "The governor is believed to be in Spain.",
      "The mayor is thought to be in Peru.",
      "The junta's leaders found sanctuary in Cuba.", "Police tracked down the ex-governor.",
      "The former mayor is living quietly in Spain.", "The former ministers live in London.",
      "The governor lives openly in Dubai.", "The judge lived in Peru for years.",
      "The ex-governor is residing in Canada.", "The former senator resides in Miami.",
      "The former mayor settled in Perth.", "The former minister is staying in Nice.",
      "The former director is based in London.", "The minister wired $4 million.", "The minister was wiring funds.",
      "The governor channelled money.", "The director remitted the money.", "The minister deposited the cash.",
      "The minister parked $5 million in Jersey.", "The general was sent back home.",
      "The suspects were shipped back to Laos.", "The minister moved $4 million.", "The banker sent $1 million.",
      "The mayor hid $2 million.", "The official relocated to Spain.", "The official resettled in Canada.",
      "Nigeria gets back $52 million.", "Kenya got back $3 million.", "The minister slipped out of the country.",
      "The former governor resurfaced in Cyprus.", "Niger handed the former spy chief over to Libya.",
      "The two suspects were escorted back to China.", "The former judge has lived in exile in Peru since 2020.",
      "The general went into exile in 1999.", "The ex-minister lives in self-imposed exile in Spain.",
      "The former governor made a getaway to Ghana.", "The minister bought a $4 million villa in Nice.",
      "The governor used $2 million to buy flats in Dubai.", "The minister is buying a house in Perth for $1 million.",
      "The mayor purchased a $3 million flat in London.", "Officials illegally exported $2 billion to Dubai.",
      "Officials illicitly exported $1 billion to Malta.");

  @Test
  void everyMovementLineHasASentenceOfOurs() {
    java.util.regex.Pattern section = java.util.regex.Pattern.compile("\\[[a-z-]+]");
    boolean inMovement = false;
    for (ResourceLines.Line l : ResourceLines.read(RelevanceGate.WORDS)) {
      String line = l.text().strip();
      if (section.matcher(line).matches()) {
        inMovement = line.startsWith("[movement");
        continue;
      }
      if (inMovement) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?i)\\b(?:" + line + ")");
        assertThat(MOVEMENT_SENTENCES).as("a sentence for line %d: %s", l.number(), line)
            .anyMatch(s -> p.matcher(s).find());
      }
    }
    for (String s : MOVEMENT_SENTENCES) {
      assertThat(gate.check(s)).as(s).isEqualTo(Verdict.RELEVANT);
    }
  }

  @Test
  void everydayWordsAreNotClearWords() {
    assertThat(gate.scan("The former minister fled to Peru.").clear()).isTrue();
    assertThat(gate.scan("The former mayor returned from Peru, the finance director said.").clear()).isFalse();
    assertThat(gate.scan("The former mayor returned from Peru, the finance director said.").verdict())
        .isEqualTo(Verdict.RELEVANT);
    assertThat(gate.scan("The striker escaped a red card, the club director said.").clear()).isFalse();
    assertThat(gate.scan("The striker escaped a red card, the club director said.").verdict())
        .isEqualTo(Verdict.RELEVANT);
  }

  @Test
  void aCommonWordCountsOnlyWithAPlaceDirectionMoneyCountOrFugitiveNear() {
    for (String kept : List.of(
        "The former mayor returned from Peru on Monday.", // a country
        "In Lagos, the ex-governor returned on Monday.", // a city after a capitalised first word
        "Chinese officials said the money was returned.", // a nationality, and money
        "The former governor returned home.", // a direction
        "The senator has returned to the country.",
        "Three officials have returned, the agency said.", // a count of officials
        "Officials said 12 suspects were returned last year.",
        "The minister, wanted for fraud, returned to face trial.", // a fugitive's context
        "The director was charged in absentia. The ex-director returned last week.", // ... in the sentence before
        "Police recovered the stolen money, the director said.", // money
        "The agency recovered 3 billion yuan from former officials.",
        "The tycoon transferred £40m.")) {
      assertThat(gate.check(kept)).as(kept).isEqualTo(Verdict.RELEVANT);
    }
    for (String stopped : List.of(
        "The council has returned to a balanced budget after three years of deficits, the finance director said.",
        "The case returns to court on Thursday, when the judge is expected to hear closing arguments.",
        "The striker returned to the starting line-up after a knee injury, the club director said.",
        "The chief executive said the firm had recovered most of the ground lost during the strike, the director said.",
        "Bankers said the return to growth was driven mainly by exports.",
        "The transfer window closes in June, and the manager said he hoped to add one more striker.",
        "Selma Mendel returned to the team after three months out, the director said.", // a name, not a place
        "The general store is based in the old mill on the high street.")) {
      assertThat(gate.check(stopped)).as(stopped).isEqualTo(Verdict.OFF_TOPIC);
    }
  }

  @Test
  void wordsKeepTheirInnerMarks() {
    assertThat(EverydayAnchors.words("The U.S. paid $3,000 to O'Brien's ex-wife."))
        .containsExactly("The", "U.S", ".", "paid", "3,000", "to", "O'Brien's", "ex-wife", ".");
  }

  @Test
  void movementWithoutActorsOrMoneyIsOffTopic() {
    assertThat(gate.check("The striker returned from injury and scored twice on Sunday.")).isEqualTo(Verdict.OFF_TOPIC);
    assertThat(gate.check("Heavy rain is expected across the region this weekend.")).isEqualTo(Verdict.OFF_TOPIC);
  }

  @Test
  void nonEnglishTextAndJunkAreRejected() {
    assertThat(gate.check("Беглые чиновники вернулись в страну после долгих "
        + "переговоров.")).isEqualTo(Verdict.NOT_PROSE);
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
