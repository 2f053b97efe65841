package io.flightwatch.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShoutedOpenersTest {

  @Test
  void aListedWordInCapitalsOpeningALineOrSentenceIsReadInTitleCase() {
    String text = "THE United Kingdom has returned $2 million. FORMER minister Ana Ruiz fled.\nALMOST $9 million went.";
    String calm = ShoutedOpeners.calm(text);
    assertThat(calm).isEqualTo("The United Kingdom has returned $2 million. Former minister Ana Ruiz fled.\n"
        + "Almost $9 million went.").hasSameSizeAs(text);
  }

  @Test
  void acronymsHeadlinesInCapitalsAndWordsInsideASentenceStay() {
    String text = "US officials said it.\nTHE FORMER MINISTER FLED\nHe met THE board.";
    assertThat(ShoutedOpeners.calm(text)).isEqualTo(text);
  }
}
