package io.flightwatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutletsTest {

  @Test
  void theRegistrableDomainIsTheOutlet() {
    assertThat(Outlets.of("https://www.bbc.co.uk/news/world-123", null)).isEqualTo("bbc.co.uk");
    assertThat(Outlets.of("https://edition.cnn.com/2024/x", null)).isEqualTo("cnn.com");
    assertThat(Outlets.of("http://WWW.ABC.NET.AU/news/x", "feed")).isEqualTo("abc.net.au");
    assertThat(Outlets.of("https://noticias.example.com.br/a", null)).isEqualTo("example.com.br");
  }

  @Test
  void withoutAUsableUrlTheFeedNameStandsIn() {
    assertThat(Outlets.of(null, "Samples/ Wire")).isEqualTo("samples/ wire");
    assertThat(Outlets.of("file:///tmp/a.txt", "local-folder")).isEqualTo("local-folder");
    assertThat(Outlets.of("not a url at all", null)).isEqualTo(Outlets.UNKNOWN);
    assertThat(Outlets.of("http://127.0.0.1:8080/a", null)).isEqualTo("127.0.0.1");
  }

  @Test
  void fingerprintsOfACopyAreCloseAndOfAnotherTextFar() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      a.append("Paragraph ").append(i).append(" says the treasury traced ").append(i * 3).append(" transfers abroad. ");
      b.append("Item ").append(i).append(": the court heard how ").append(i * 5).append(" clerks left the ministry. ");
    }
    String original = a.toString();
    String copy = "By our wire desk. " + original + " All rights reserved.";
    assertThat(TextFingerprint.distance(TextFingerprint.of(original), TextFingerprint.of(copy)))
        .isLessThanOrEqualTo(TextFingerprint.COPY_DISTANCE);
    assertThat(TextFingerprint.distance(TextFingerprint.of(original), TextFingerprint.of(b.toString())))
        .isGreaterThan(16);
    assertThat(TextFingerprint.of("Too short to tell.")).isNull();
    assertThat(TextFingerprint.bands(TextFingerprint.of(original))).hasSize(4);
    assertThat(TextFingerprint.distance(null, TextFingerprint.of(original))).isEqualTo(64);
  }
}
