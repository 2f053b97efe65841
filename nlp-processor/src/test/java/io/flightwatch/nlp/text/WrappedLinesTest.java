package io.flightwatch.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrappedLinesTest {

  @Test
  void aLineThatRunsOnJoinsTheNextWithTheSameLength() {
    String wrapped = "Ghana received $12 million\non Monday from the wife of\nKwame Mensah, who fled to Togo in\n2019.";
    String joined = WrappedLines.join(wrapped);
    assertThat(joined).isEqualTo(
        "Ghana received $12 million on Monday from the wife of Kwame Mensah, who fled to Togo in 2019.");
    assertThat(joined).hasSameSizeAs(wrapped);
  }

  @Test
  void aCommaAtTheEndOfALineRunsOn() {
    assertThat(WrappedLines.join("He was sent back to Accra,\nPolice said.")).isEqualTo(
        "He was sent back to Accra, Police said.");
  }

  @Test
  void headlinesParagraphsAndListsKeepTheirBreaks() {
    String page = "Ex-minister flees with $5m\nMore than 40 officials have left.\n\nthe next paragraph\n- one\n- two";
    assertThat(WrappedLines.join(page)).isEqualTo(page);
  }

  @Test
  void windowsLineEndsJoinToo() {
    assertThat(WrappedLines.join("received $3 million\r\non Friday")).isEqualTo("received $3 million  on Friday");
  }

  @Test
  void aBlockOfLinesOfOneWidthIsWrappedProseEvenBeforeACapital() {
    String wrapped = "Investigators in Accra said on Monday that the man, a former\n"
        + "Deputy Minister of Roads and Highways, had moved USD 120\n"
        + "million to banks in Cyprus over six years, and that his\n"
        + "lawyers would contest the charges in the High Court next\n"
        + "month.";
    assertThat(WrappedLines.join(wrapped)).doesNotContain("\n").hasSameSizeAs(wrapped)
        .contains("a former Deputy Minister").contains("USD 120 million");
  }

  @Test
  void aListOfShortHeadlinesIsNotWrappedProse() {
    String page = "Minister flees to Dubai with cash\nCourt orders assets returned\nPolice chief held in Lagos\n";
    assertThat(WrappedLines.join(page)).isEqualTo(page);
  }

  @Test
  void aBlockOfFullSentencesOneToALineKeepsItsBreaks() {
    String page = "The former governor of the northern province fled to Togo in 2019.\n"
        + "Police in Accra said his deputy had left the country the same week.\n"
        + "Both men are wanted on charges of theft of public funds.";
    assertThat(WrappedLines.join(page)).isEqualTo(page);
  }
}
