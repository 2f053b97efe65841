package io.flightwatch.nlp.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text handling around CoreNLP that needs no models: the cap and the breaking of run-on text. */
class TextPreparationTest {

  @Test
  void cutStopsAtAWordBoundaryWithinTheCap() {
    String text = "alpha beta gamma delta";
    String cut = CoreNlpAnnotator.cut(text, 13);
    assertThat(cut).isEqualTo("alpha beta");
    assertThat(text).startsWith(cut);
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String text = "x".repeat(9) + "\uD83D\uDE00" + "y".repeat(300);
    String cut = CoreNlpAnnotator.cut(text, 10);
    assertThat(cut).isEqualTo("x".repeat(9));
  }

  @Test
  void longRunsWithoutSentenceEndsGetLineBreaksAndKeepTheirLength() {
    String run = "word ".repeat(100);
    String broken = CoreNlpAnnotator.breakLongRuns(run, 60);
    assertThat(broken).hasSameSizeAs(run).contains("\n");
    assertThat(broken.replace('\n', ' ')).isEqualTo(run);
    // at most the limit plus the word that crosses it
    assertThat(broken.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60 + 5));
  }

  @Test
  void normalProseIsLeftAlone() {
    String prose = "A short sentence. Another one follows here.\nAnd a new paragraph.";
    assertThat(CoreNlpAnnotator.breakLongRuns(prose, 60)).isSameAs(prose);
  }

  @Test
  void aDatelineInCapitalsBecomesASentenceOfItsOwnAndKeepsItsLength() {
    String text = "Headline here\n\nKAMPALA - Two former ministers fled.\nDAR ES SALAAM — A governor left."
        + "\nLAGOS, Nigeria (Reuters) - A judge said so. NOT A - dateline in the middle.";
    String broken = CoreNlpAnnotator.breakDatelines(text);
    assertThat(broken).hasSameSizeAs(text).contains("KAMPALA -\nTwo", "DAR ES SALAAM —\nA governor",
        "(Reuters) -\nA judge", "NOT A - dateline");
    assertThat(CoreNlpAnnotator.breakDatelines("A Mid-sentence dash - stays.")).isEqualTo("A Mid-sentence dash - "
        + "stays.");
    assertThat(CoreNlpAnnotator.breakDatelines("LA PAZ - The former president")).isEqualTo("LA PAZ -\nThe former "
        + "president");
    // an agency's dateline with the day
    assertThat(CoreNlpAnnotator.breakDatelines("HANOI, Nov 3 (VNA) -- A former official returned."))
        .isEqualTo("HANOI, Nov 3 (VNA) --\nA former official returned.");
    assertThat(CoreNlpAnnotator.breakDatelines("LIMA, Nov. 3, 2023 (AP) - A former official returned."))
        .isEqualTo("LIMA, Nov. 3, 2023 (AP) -\nA former official returned.");
    // a colon after the place, as some Asian outlets write it; a colon inside a sentence stays
    assertThat(CoreNlpAnnotator.breakDatelines("KUALA LUMPUR: Malaysia said the funds were returned."))
        .isEqualTo("KUALA LUMPUR:\nMalaysia said the funds were returned.");
    assertThat(CoreNlpAnnotator.breakDatelines("Officials said: the funds were returned."))
        .isEqualTo("Officials said: the funds were returned.");
  }

  @Test
  void aTitleCaseDatelineWithNoDashBecomesASentenceOfItsOwn() {
    // the wire's city and date, then the story: the space after the date becomes a line break
    String[][] broken = {
        {"Lima, 3 May Former Peruvian Minister Pedro Ramos returned.", "Lima, 3 May\nFormer"},
        {"Quito, June 12 (EFE) The former governor fled.", "Quito, June 12 (EFE)\nThe former"},
    };
    for (String[] c : broken) {
      assertThat(CoreNlpAnnotator.breakDatelines(c[0])).hasSameSizeAs(c[0]).startsWith(c[1]);
    }
    // a place and a date inside a sentence stay
    assertThat(CoreNlpAnnotator.breakDatelines("He left Lima, 3 May Reports said so."))
        .isEqualTo("He left Lima, 3 May Reports said so.");
  }

  @Test
  void doubleQuoteMarksBecomeSpacesAndOffsetsStay() {
    String text = "The remaining 30 \"red notice\" fugitives and 12 \u201Cmost wanted\u201D ones; the minister's aide.";
    String blank = CoreNlpAnnotator.blankQuoteMarks(text);
    assertThat(blank).hasSameSizeAs(text).doesNotContain("\"", "\u201C", "\u201D").contains("minister's");
    assertThat(CoreNlpAnnotator.blankQuoteMarks("No marks here.")).isEqualTo("No marks here.");
  }

  @Test
  void anAbbreviationStopBeforeAnAmountBecomesASpace() {
    String text = "He wired \u00A3100m (approx. $150 million) to Monaco, est. 2 billion in all, ca. \u20AC4m more.";
    String blank = CoreNlpAnnotator.blankAbbreviationStops(text);
    assertThat(blank).hasSameSizeAs(text).contains("(approx  $150", "est  2 billion", "ca  \u20AC4m")
        .endsWith("more.");
    // a sentence that ends in such a word, or one not followed by an amount, keeps its stop
    assertThat(CoreNlpAnnotator.blankAbbreviationStops("It was est. The price is approx. unknown."))
        .isEqualTo("It was est. The price is approx. unknown.");
  }
}
