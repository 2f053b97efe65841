package io.flightwatch.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The zip's README explains every column of its files, the band, the dedup rule and how to cite. */
class ZipReadmeTest {

  @Test
  void theReadmeDescribesTheFilesTheBandTheDedupRuleAndCitation() {
    String readme = new String(ZipDownload.readme(), StandardCharsets.UTF_8);
    assertThat(readme).doesNotContain("{generated}")
        .contains("countries.csv", "countries.json", "claims.csv", "The band", "Dedup rule", "How to cite",
            "counts once, with several sources", "A cumulative figure is not added to the flows it contains",
            "/api/sources?claim=");
    for (String column : CsvDownloads.countries(java.util.List.of()).strip().split(",")) {
      assertThat(readme).as(column).contains(column);
    }
    for (String column : CsvDownloads.claims(java.util.List.of()).strip().split(",")) {
      assertThat(readme).as(column).contains(column);
    }
  }
}
