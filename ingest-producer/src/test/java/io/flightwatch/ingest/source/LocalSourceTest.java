package io.flightwatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Article;
import io.flightwatch.ingest.ArticleIds;
import io.flightwatch.ingest.Harness;
import io.flightwatch.ingest.IngestApp;
import io.flightwatch.ingest.IngestConfig;
import io.flightwatch.ingest.IngestSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSourceTest {

  private final IngestConfig config = IngestConfig.of(Map.of(
      IngestConfig.MAX_BODY_BYTES, "4096", IngestConfig.PROGRESS, "never"));

  @TempDir
  Path dir;

  private IngestSummary run(Harness h, Source source) {
    try (IngestApp app = h.app(config, List.of(source))) {
      return app.run();
    }
  }

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void directoryWithTxtHtmlJsonAndJsonlAndBadFiles() throws IOException {
    write("a-minister.txt", "Minister boards late flight\n\nThe trade minister boarded a late flight to Lisbon,"
        + " two days before a court hearing.\nHis office declined to comment.\n");
    write("sub/b-page.html", FeedFixtures.page("Mayor's yacht sold", "https://paper.example/mayor-yacht?utm_medium=x",
        "pt-BR", "<p>The former mayor sold his yacht through a company registered on a small island.</p>"));
    write("sub/deeper/c-item.json", """
        {"title": "Judge freezes accounts",
         "body": "<p>A judge froze three accounts linked to the ex-governor.</p><p>Lawyers will appeal.</p>",
         "url": "https://paper.example/judge-freezes?fbclid=zz", "language": "EN",
         "publishedAt": "2024-05-30T07:00:00Z",
         "id": "ignored-id", "extra": [1, 2]}
        """);
    write("d-batch.jsonl", String.join("\n",
        "{\"title\": \"Envoy recalled\", \"text\": \"The envoy was recalled after reports that he had moved family "
        + "savings abroad.\"}",
        "",
        "{\"title\": \"Broken line\", \"body\": ",
        "[1, 2, 3]",
        "{\"title\": 42, \"body\": \"A body long enough to pass the minimum length of the body check.\"}",
        "{\"body\": \"A body long enough to pass the minimum length of the body check, without title.\"}",
        "{\"title\": \"Too short\", \"body\": \"tiny\"}",
        "{\"title\": \"Overflow\", \"body\": \"" + "y".repeat(5000) + "\"}",
        "{\"title\": \"Auditor resigns\", \"content\": \"The state auditor resigned, citing pressure over a report on "
        + "offshore transfers.\"}"));
    write("notes.md", "# not an article");
    write(".hidden/secret.txt", "Hidden\nThis file in a hidden folder must not be read by the directory source.");
    write("empty.txt", "");
    write("big.txt", "Big\n" + "z ".repeat(3000));
    byte[] binary = new byte[500];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (0xC0 + (i % 0x30));
    }
    Files.write(dir.resolve("binary.txt"), binary);
    // One stray Latin-1 byte in an otherwise good UTF-8 text: kept, with a replacement character.
    byte[] stray = ("Caf\u00e9 owner flees\nThe owner of a popular caf" + "\u00e9"
        + " left the country after a tax raid on his three restaurants.").getBytes(StandardCharsets.UTF_8);
    byte[] latin = new byte[stray.length + 1];
    System.arraycopy(stray, 0, latin, 0, stray.length);
    latin[stray.length] = (byte) 0xE9;
    Files.write(dir.resolve("e-stray.txt"), latin);

    Harness h = new Harness();
    LocalSource source = new LocalSource(config, dir, Clock.systemUTC());
    assertThat(source.estimatedCount()).isEqualTo(8 + 9);
    IngestSummary s = run(h, source);

    assertThat(s.skipped()).containsOnly(
        Map.entry("invalid_json", 2L), Map.entry("missing_field", 2L), Map.entry("empty_body", 2L),
        Map.entry("body_too_large", 2L), Map.entry("unsupported_type", 1L), Map.entry("invalid_utf8", 1L));
    assertThat(s.published()).isEqualTo(6);
    List<Article> articles = h.articles();
    assertThat(articles).extracting(Article::title).containsExactly(
        "Minister boards late flight", "Envoy recalled", "Auditor resigns", "Caf\u00e9 owner flees",
        "Mayor's yacht sold", "Judge freezes accounts");

    Article txt = articles.get(0);
    assertThat(txt.url()).isNull();
    assertThat(txt.id()).isEqualTo(ArticleIds.localId("a-minister.txt"));
    assertThat(txt.body()).startsWith("The trade minister boarded").contains("\nHis office declined");
    assertThat(txt.source()).isEqualTo(dir.resolve("a-minister.txt").toString());

    assertThat(articles.get(3).body()).endsWith("\uFFFD");

    Article html = articles.get(4);
    assertThat(html.url()).isEqualTo("https://paper.example/mayor-yacht");
    assertThat(html.language()).isEqualTo("pt");
    assertThat(html.body()).isEqualTo("The former mayor sold his yacht through a company registered on a small "
        + "island.");

    Article json = articles.get(5);
    assertThat(json.url()).isEqualTo("https://paper.example/judge-freezes");
    assertThat(json.id()).isEqualTo(ArticleIds.hash("https://paper.example/judge-freezes"));
    assertThat(json.language()).isEqualTo("en");
    assertThat(json.publishedAt()).isEqualTo(Instant.parse("2024-05-30T07:00:00Z"));
    assertThat(json.body()).isEqualTo("A judge froze three accounts linked to the ex-governor.\n\nLawyers will "
        + "appeal.");
    assertThat(articles).extracting(Article::title).doesNotContain("Hidden");
  }

  @Test
  void stdinJsonLinesAndASecondRunIsAllDuplicates() {
    String lines = "{\"title\":\"Deputy flees by boat\",\"body\":\"A deputy minister crossed the lake by boat at night,"
        + " police said.\",\"url\":\"https://n.example/deputy\"}\nnot json at all\n";
    Harness h = new Harness();
    IngestSummary first = run(h, new StdinSource(config,
        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
        Clock.systemUTC()));
    assertThat(first.published()).isEqualTo(1);
    assertThat(first.skipped()).containsOnly(Map.entry("invalid_json", 1L));

    Harness restarted = Harness.restartedFrom(h);
    IngestSummary again = run(restarted, new StdinSource(config,
        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC()));
    assertThat(again.published()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(restarted.articles()).isEmpty();
  }

  @Test
  void anEditedFileWithoutUrlIsANewVersionOfTheSameArticle() throws IOException {
    write("desk/gt.txt", "Ex-president fled\nAn ex-president fled to Mexico in 2004; officials put the count at "
        + "1,200.");
    Harness h = new Harness();
    run(h, new LocalSource(config, dir, Clock.systemUTC()));
    write("desk/gt.txt", "Ex-president fled\nAn ex-president fled to Mexico in 2004; officials put the count at "
        + "2,200.");
    Harness restarted = Harness.restartedFrom(h);
    IngestSummary second = run(restarted, new LocalSource(config, dir, Clock.systemUTC()));
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.published()).isZero();
    Article first = h.articles().get(0);
    Article edited = restarted.articles().get(0);
    assertThat(edited.id()).isEqualTo(first.id()).isEqualTo(ArticleIds.localId("desk/gt.txt"));
    assertThat(edited.contentHash()).isNotEqualTo(first.contentHash());
  }

  @Test
  void onlyRegularFilesInsideTheInputFolderAreRead() throws IOException {
    write("in/kept.txt", "Kept story\nA story inside the input folder, long enough to be kept as an article.");
    write("outside/secret.txt", "Secret\nA file outside the input folder that a link must not make readable here.");
    Files.createSymbolicLink(dir.resolve("in/environ.txt"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(dir.resolve("in/escape.txt"), dir.resolve("outside/secret.txt"));
    Files.createSymbolicLink(dir.resolve("in/alias.txt"), dir.resolve("in/kept.txt"));
    Harness h = new Harness();
    IngestSummary s = run(h, new LocalSource(config, dir.resolve("in"), Clock.systemUTC()));
    assertThat(s.skipped()).containsOnly(Map.entry("not_a_regular_file", 2L));
    assertThat(h.articles()).extracting(Article::title).containsOnly("Kept story");
    assertThat(h.articles()).extracting(Article::body).noneMatch(b -> b.contains("PATH="));
  }

  @Test
  void aSingleFileAndAMissingPath() throws IOException {
    write("one.txt", "Governor's jet leaves\nThe governor's private jet left the regional airport before dawn on "
        + "Sunday.");
    Harness h = new Harness();
    assertThat(run(h, new LocalSource(config, dir.resolve("one.txt"), Clock.systemUTC())).published()).isEqualTo(1);
    IngestSummary missing = run(new Harness(), new LocalSource(config, dir.resolve("nope"), Clock.systemUTC()));
    assertThat(missing.skipped()).containsOnly(Map.entry("read_failed", 1L));
  }

  @Test
  void progressBarOnRequestDoesNotDisturbTheRun() throws IOException {
    for (int i = 0; i < 5; i++) {
      write("p/" + i + ".txt", "Official number " + i + " leaves\nOfficial number " + i
          + " left the country by road before an arrest warrant was issued.");
    }
    IngestConfig withBar = IngestConfig.of(Map.of(IngestConfig.PROGRESS, "always"));
    Harness h = new Harness();
    try (IngestApp app = h.app(withBar, List.of(new LocalSource(withBar, dir.resolve("p"), Clock.systemUTC())))) {
      assertThat(app.run().published()).isEqualTo(5);
    }
  }
}
