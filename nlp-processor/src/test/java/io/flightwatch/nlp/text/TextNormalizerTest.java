package io.flightwatch.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  private static final TextNormalizer N = TextNormalizer.standard();

  /** The original text of the first occurrence of {@code word} in the normalized text. */
  private static String originalOf(Normalized n, String word) {
    int b = n.text().indexOf(word);
    assertThat(b).as("'%s' in '%s'", word, n.text()).isGreaterThanOrEqualTo(0);
    return n.originalSpan(b, b + word.length());
  }

  @Test
  void zeroWidthJoinerInsideCountryNameIsRemovedAndMapsBack() {
    String original = "Flights from Ice\u200Dland resumed on Monday.";
    Normalized n = N.normalize(original);
    assertThat(n.text()).isEqualTo("Flights from Iceland resumed on Monday.");
    assertThat(n.unchanged()).isFalse();
    int b = n.text().indexOf("Iceland");
    assertThat(n.originalOffset(b)).isEqualTo(13);
    assertThat(n.originalEndOffset(b + 7)).isEqualTo(21);
    assertThat(n.originalSpan(b, b + 7)).isEqualTo("Ice\u200Dland");
    assertThat(n.originalSpan(b + 8, b + 15)).isEqualTo("resumed");
    assertThat(n.toOriginal()).hasSize(n.text().length() + 1);
  }

  @Test
  void zeroWidthSpaceInsideNumber() {
    Normalized n = N.normalize("About 9,\u200B000 passengers were stranded.");
    assertThat(n.text()).isEqualTo("About 9,000 passengers were stranded.");
    assertThat(originalOf(n, "9,000")).isEqualTo("9,\u200B000");
    assertThat(originalOf(n, "passengers")).isEqualTo("passengers");
  }

  @Test
  void softHyphenInsideName() {
    Normalized n = N.normalize("Captain Anna Kowal\u00ADczyk told reporters.");
    assertThat(n.text()).isEqualTo("Captain Anna Kowalczyk told reporters.");
    assertThat(originalOf(n, "Kowalczyk")).isEqualTo("Kowal\u00ADczyk");
  }

  @Test
  void bidiControlsAreRemovedAndSpansStopBeforeThem() {
    String original = "The \u202EAirbus\u202C A320 and \u2067Boeing\u2069 \u200Ejets";
    Normalized n = N.normalize(original);
    assertThat(n.text()).isEqualTo("The Airbus A320 and Boeing jets");
    int b = n.text().indexOf("Airbus");
    assertThat(n.originalOffset(b)).isEqualTo(5); // after the RLO
    assertThat(n.originalEndOffset(b + 6)).isEqualTo(11); // before the PDF
    assertThat(n.originalSpan(b, b + 6)).isEqualTo("Airbus");
    assertThat(originalOf(n, "Boeing")).isEqualTo("Boeing");
    assertThat(originalOf(n, "Airbus A320")).isEqualTo("Airbus\u202C A320");
  }

  @Test
  void mixedScriptWordsGetLatinTwinsButRealCyrillicAndGreekStay() {
    String original = "Li W\u0430ng flew from Москва via Αθήνα to \u0397eathrow and \u041E\u0441lo.";
    Normalized n = N.normalize(original);
    assertThat(n.text()).isEqualTo("Li Wang flew from Москва via Αθήνα to Heathrow and Oclo.");
    assertThat(originalOf(n, "Wang")).isEqualTo("W\u0430ng");
    assertThat(originalOf(n, "Москва")).isEqualTo("Москва");
    assertThat(n.text()).contains("Αθήνα");
    assertThat(N.normalize("Москва и Αθήνα").unchanged()).isTrue();
    // "Ос" alone is all-Cyrillic and stays; in "Осlo" above the Latin "lo" made the word mixed
    assertThat(N.normalize("\u041E\u0441").unchanged()).isTrue();
  }

  @Test
  void fullWidthDigitsAndLetters() {
    Normalized n = N.normalize("\uFF11\uFF12\uFF13 passengers on \uFF29\uFF23\uFF25 flight");
    assertThat(n.text()).isEqualTo("123 passengers on ICE flight");
    assertThat(n.originalSpan(0, 3)).isEqualTo("\uFF11\uFF12\uFF13");
    assertThat(n.originalOffset(1)).isEqualTo(1);
  }

  @Test
  void spaceSeparatorsBecomePlainSpaces() {
    Normalized n = N.normalize("5\u00A0million\u202Feuros\u3000and\u2009more");
    assertThat(n.text()).isEqualTo("5 million euros and more");
    assertThat(n.originalSpan(0, 9)).isEqualTo("5\u00A0million");
  }

  @Test
  void ligatureExpandsToTwoCharsMappingToTheSameOriginalChar() {
    String original = "The \uFB01nal report";
    Normalized n = N.normalize(original);
    assertThat(n.text()).isEqualTo("The final report");
    assertThat(n.originalOffset(4)).isEqualTo(4);
    assertThat(n.originalOffset(5)).isEqualTo(4); // 'i' comes from the same ligature
    assertThat(n.originalOffset(6)).isEqualTo(5); // 'n'
    assertThat(n.originalSpan(4, 9)).isEqualTo("\uFB01nal");
    assertThat(n.originalSpan(4, 5)).isEqualTo("\uFB01"); // half a ligature grows to the whole of it
    assertThat(n.originalSpan(5, 6)).isEqualTo("\uFB01");
    assertThat(n.originalOffset(n.text().length())).isEqualTo(original.length());
  }

  @Test
  void fractionsSuperscriptsAndCurrencySignsAreKept() {
    for (String s : new String[] {"½ of flights", "10⁶ passengers", "£5, €6, ¥7, ₹8, ₦9, ₨10",
        "“quoted” – yes — no…"}) {
      Normalized n = N.normalize(s);
      assertThat(n.unchanged()).as(s).isTrue();
      assertThat(n.text()).isSameAs(s);
    }
    assertThat(N.normalize("\uFF045 million").text()).isEqualTo("$5 million"); // full-width dollar sign
  }

  @Test
  void combiningMarksComposeAndMapBack() {
    Normalized n = N.normalize("Zu\u0308rich airport");
    assertThat(n.text()).isEqualTo("Zürich airport");
    assertThat(originalOf(n, "Zürich")).isEqualTo("Zu\u0308rich");
    assertThat(n.originalEndOffset(2)).isEqualTo(3); // "Zü" ends after the combining diaeresis
  }

  @Test
  void emojiVariationSelectorsAndSupplementaryCharacters() {
    Normalized n = N.normalize("Crew \uD83D\uDC69\u200D\u2708\uFE0F landed \uD83D\uDE00 ok");
    assertThat(n.text()).isEqualTo("Crew \uD83D\uDC69\u2708 landed \uD83D\uDE00 ok");
    assertThat(originalOf(n, "\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    assertThat(originalOf(n, "\uD83D\uDC69\u2708")).isEqualTo("\uD83D\uDC69\u200D\u2708");
  }

  @Test
  void asciiTextIsUnchangedWithIdentityOffsets() {
    String s = "Ryanair cancelled 1,200 flights on Tuesday.";
    Normalized n = N.normalize(s);
    assertThat(n.unchanged()).isTrue();
    assertThat(n.text()).isSameAs(s);
    assertThat(n.originalOffset(0)).isZero();
    assertThat(n.originalOffset(8)).isEqualTo(8);
    assertThat(n.originalOffset(s.length())).isEqualTo(s.length());
    assertThat(n.originalSpan(0, 7)).isEqualTo("Ryanair");
    int[] map = n.toOriginal();
    assertThat(map).hasSize(s.length() + 1);
    for (int i = 0; i < map.length; i++) {
      assertThat(map[i]).isEqualTo(i);
    }
    assertThat(N.normalize("Zürich “quoted” — £5").unchanged()).isTrue();
    assertThat(N.normalize("").unchanged()).isTrue();
  }

  @Test
  void endOffsetMapsToEndOfLastOriginalCharUsed() {
    Normalized trailing = N.normalize("Oslo\u200B");
    assertThat(trailing.text()).isEqualTo("Oslo");
    assertThat(trailing.originalOffset(4)).isEqualTo(4);
    assertThat(trailing.originalSpan(0, 4)).isEqualTo("Oslo");

    Normalized leading = N.normalize("\uFEFFOslo");
    assertThat(leading.originalOffset(0)).isEqualTo(1);
    assertThat(leading.originalOffset(4)).isEqualTo(5);
    assertThat(leading.originalSpan(0, 4)).isEqualTo("Oslo");

    Normalized allGone = N.normalize("\u200B\u200D");
    assertThat(allGone.text()).isEmpty();
    assertThat(allGone.toOriginal()).containsExactly(0);

    assertThatThrownBy(() -> trailing.originalOffset(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void mappingIsMonotoneAndRoundTripsOnRandomText() {
    String alphabet = "ab Z9,.\u200B\u200D\u00AD\u202E\u202C\uFEFF\u00A0\uFB01\uFF11\u0430\u043E\u0301\u00E9½\uFE0F";
    Random rnd = new Random(42);
    for (int round = 0; round < 500; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = rnd.nextInt(40); i > 0; i--) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String original = sb.toString();
      Normalized n = N.normalize(original);
      int[] map = n.toOriginal();
      assertThat(map).hasSize(n.text().length() + 1);
      for (int i = 1; i < map.length; i++) {
        assertThat(map[i]).as(original).isGreaterThanOrEqualTo(map[i - 1]);
      }
      assertThat(map[map.length - 1]).isLessThanOrEqualTo(original.length());
      for (int b = 0; b < n.text().length(); b++) {
        String span = n.originalSpan(b, b + 1);
        assertThat(span).as(original).isNotEmpty();
        assertThat(N.normalize(span).text()).as(original).isNotEmpty();
      }
    }
  }

  @Test
  void longAsciiTextIsCheap() {
    String s = "Delays at Heathrow after a power cut. ".repeat(270); // ~10,000 chars
    long t0 = System.nanoTime();
    for (int i = 0; i < 1_000; i++) {
      assertThat(N.normalize(s).unchanged()).isTrue();
    }
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void confusablesTableIsValidated() throws Exception {
    var ok = TextNormalizer.parseConfusables("t", in("# comment\n\nU+0430\ta\t# CYRILLIC A\n"));
    assertThat(ok).containsEntry('\u0430', 'a');
    assertThatThrownBy(() -> TextNormalizer.parseConfusables("t", in("x\ta\n")))
        .hasMessageContaining("t:1");
    assertThatThrownBy(() -> TextNormalizer.parseConfusables("t", in("\u0430\t\u0431\n")))
        .hasMessageContaining("Latin");
  }

  private static ByteArrayInputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
