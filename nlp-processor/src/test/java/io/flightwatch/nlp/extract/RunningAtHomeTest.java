package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "On the run" and "in hiding" ({@link RunningAtHome}): a flight abroad only with a foreign place or a word of abroad
 * ({@code runaway-abroad.txt}), on sentences written for this test.
 */
class RunningAtHomeTest {

  /** One sentence of our own for every entry of {@code runaway-abroad.txt}. */
  private static final Map<String, String> ABROAD = Map.of(
      "outside", "Zambia's former roads minister has been hiding outside the country since March, police said.",
      "exile", "Zambia's former roads minister has been on the run in exile since March, police said.",
      "exiled", "The exiled former Zambian roads minister has been in hiding since March, police said.",
      "border", "Zambia's former roads minister is believed to be hiding across the border, police said.",
      "foreign", "Zambia's former roads minister has been hiding in a foreign country since March, police said.",
      "countries", "Most of the 40 Zambian officials on the run are hiding in neighbouring countries, police said.",
      "nations", "Most of the 40 Zambian officials on the run are hiding in Gulf nations, police said.");

  private static List<Claim> fled(String body) {
    return Extractions.of(body).stream().filter(c -> c.kind() == ClaimKind.OFFICIALS_FLED).toList();
  }

  @Test
  void onTheRunOrInHidingWithNoPlaceAbroadTellsNoFlight() {
    assertThat(fled("The anti-fraud office said its former cashier, Grace Tembo, is on the run after her accounts"
        + " were seized in Lusaka.")).isEmpty();
    assertThat(fled("The county governor of Kitale, wanted over a roads contract, has gone into hiding.")).isEmpty();
  }

  @Test
  void aForeignPlaceOrAWordOfAbroadMakesItAFlight() {
    assertThat(fled("Zambia's former roads minister has been on the run in Namibia since March, police said."))
        .extracting(Claim::origin, Claim::destination).containsExactly(
            org.assertj.core.api.Assertions.tuple("ZM", "NA"));
    assertThat(fled("Zambia's former roads minister has been hiding overseas since March, police said."))
        .extracting(Claim::origin).containsExactly("ZM");
  }

  @Test
  void everyWordOfAbroadInTheListMakesItAFlight() {
    List<String> entries = ResourceLines.read(Lexicon.BASE + "runaway-abroad.txt").stream()
        .map(l -> l.text().strip()).toList();
    assertThat(ABROAD.keySet()).containsExactlyInAnyOrderElementsOf(entries);
    ABROAD.forEach((word, sentence) -> assertThat(fled(sentence)).as(word).isNotEmpty()
        .allSatisfy(c -> assertThat(c.origin()).isEqualTo("ZM")));
  }
}
