package io.flightwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void trackingParametersCaseDefaultPortFragmentAndTrailingSlashDoNotChangeTheId() {
    String canonical = "https://news.example.org/world/2024/minister-leaves?page=2";
    assertThat(ArticleIds.normaliseUrl(
        "HTTPS://News.Example.ORG:443/world/2024/minister-leaves/?utm_source=rss&page=2&utm_medium=feed&fbclid=abc#top"))
        .isEqualTo(canonical);
    assertThat(ArticleIds.normaliseUrl("https://news.example.org/world/2024/minister-leaves?gclid=1&page=2"))
        .isEqualTo(canonical);
    String id = ArticleIds.id(canonical, "t", "b");
    assertThat(ArticleIds.id("https://news.example.org/world/2024/minister-leaves/?page=2&utm_campaign=x", "other",
        "text")).isEqualTo(id);
    assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
  }

  @Test
  void meaningfulDifferencesKeepDistinctIds() {
    assertThat(ArticleIds.normaliseUrl("http://example.org:8080/a")).isEqualTo("http://example.org:8080/a");
    assertThat(ArticleIds.normaliseUrl("http://example.org/")).isEqualTo("http://example.org/");
    assertThat(ArticleIds.normaliseUrl("http://example.org")).isEqualTo("http://example.org/");
    assertThat(ArticleIds.normaliseUrl("https://example.org/a?b=2&a=1")).isEqualTo("https://example.org/a?a=1&b=2");
    assertThat(ArticleIds.id("https://example.org/a?id=1", "",
        "")).isNotEqualTo(ArticleIds.id("https://example.org/a?id=2", "", ""));
    assertThat(ArticleIds.id("https://example.org/Path", "", "")).isNotEqualTo(ArticleIds.id("https://example.org/path",
        "", ""));
  }

  @Test
  void nonHttpOrBrokenUrlsAreNotUrls() {
    assertThat(ArticleIds.normaliseUrl("file:///etc/passwd")).isNull();
    assertThat(ArticleIds.normaliseUrl("javascript:alert(1)")).isNull();
    assertThat(ArticleIds.normaliseUrl("http://exa mple.org/")).isNull();
    assertThat(ArticleIds.normaliseUrl("  ")).isNull();
  }

  @Test
  void withoutUrlTheIdIsTheHashOfTheNormalisedText() {
    String a = ArticleIds.id(null, "Treasury Chief Departs", "The finance  minister\n boarded a flight.");
    String b = ArticleIds.id(null, "treasury chief departs", "the finance minister boarded   a flight.");
    assertThat(a).isEqualTo(b);
    assertThat(ArticleIds.id(null, "Treasury Chief Departs", "The finance minister boarded a train.")).isNotEqualTo(a);
  }

  @Test
  void contentHashChangesWithTheTextButNotWithReflowedWhitespace() {
    String h = ArticleIds.contentHash("Title", "One paragraph.\n\nTwo.");
    assertThat(ArticleIds.contentHash("Title", "One   paragraph.\nTwo.")).isEqualTo(h);
    assertThat(ArticleIds.contentHash("Title", "One paragraph. Three.")).isNotEqualTo(h);
    assertThat(ArticleIds.contentHash("Title!", "One paragraph.\n\nTwo.")).isNotEqualTo(h);
  }

  @Test
  void articleCarriesTheNormalisedUrlAndKeepsMarkupInTitlesAsText() {
    Article a = ArticleIds.article("https://Example.org/x/?utm_term=1", "feed", "<b>Bold</b>  claim", "Body text.",
        "en", null, Instant.EPOCH);
    assertThat(a.url()).isEqualTo("https://example.org/x");
    assertThat(a.title()).isEqualTo("<b>Bold</b> claim");
    assertThat(a.id()).isEqualTo(ArticleIds.hash("https://example.org/x"));
    assertThat(a.contentHash()).isEqualTo(ArticleIds.contentHash("<b>Bold</b> claim", "Body text."));
  }
}
