package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flightwatch.common.Article;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JMH scores to rates and ratios, and the report's rows and labels. */
class SpeedReportTest {

  private static final CorpusSpec GENERATED = CorpusSpec.generated(42, 6, 0.34);
  private static final CorpusSpec FOLDER = CorpusSpec.folder(Path.of("/data/articles"));

  private static CorpusItem item(int i, boolean onTopic, boolean relevant, long tokens) {
    CorpusItem it = new CorpusItem(new Article("a" + i, null, "t", "title", "body", "en", null, Instant.EPOCH, "h"),
        onTopic, null, tokens);
    it.relevant = relevant;
    return it;
  }

  private static JmhScore score(CorpusSpec corpus, String method, double ms) {
    return new JmhScore(method, corpus.encode(), ms, 1.0, List.of(ms - 1, ms + 1));
  }

  private static String[] row(BenchTable t, String startsWith) {
    return t.rows().stream().filter(r -> r.length == 4 && r[0].startsWith(startsWith)).findFirst().orElseThrow();
  }

  /** 2 on-topic articles of 600 tokens; 4 off-topic: 3 stopped by the gate, 1 annotated whole. */
  private static List<CorpusItem> generatedCorpus() {
    boolean[] on = {true, false, false, true, false, false};
    boolean[] relevant = {true, false, false, true, false, true};
    List<CorpusItem> items = new ArrayList<>();
    for (int i = 0; i < on.length; i++) {
      items.add(item(i, on[i], relevant[i], 600));
    }
    return items;
  }

  @Test
  void ratiosComeFromTheScoresOfOneRunWithTheBenchJvmsTokenCounts() {
    List<CorpusItem> items = generatedCorpus();
    CorpusGroups groups = CorpusGroups.of(items, 40);
    List<JmhScore> scores = List.of(
        score(GENERATED, "defaultNerSample", 1400), // (a) 1.4 s for the 2 on-topic articles
        score(GENERATED, "extractorSample", 200), // (b) 0.2 s: 7x per token
        score(GENERATED, "extractorOnTopic", 200),
        score(GENERATED, "extractorOffTopicStopped", 1.5),
        score(GENERATED, "extractorOffTopicAnnotated", 98.5),
        score(FOLDER, "extractorOnTopic", 1)); // another corpus' score is not mixed in

    SpeedResult r = SpeedResult.from(GENERATED, groups, items, scores);

    assertThat(r.sample().tokens()).isEqualTo(1200);
    assertThat(r.sample().tokensPerSec()).isCloseTo(6000, within(1e-6));
    assertThat(r.perTokenRatio()).isCloseTo(7.0, within(1e-9));
    assertThat(r.offTopic().articles()).isEqualTo(4);
    assertThat(r.offTopic().msPerArticle()).isCloseTo(25.0, within(1e-9)); // (1.5 + 98.5) ms over 4 articles
    assertThat(r.onOffRatio()).isCloseTo(4.0, within(1e-9)); // 100 ms / 25 ms
    assertThat(r.corpusPass().articles()).isEqualTo(6);
    assertThat(r.corpusPass().msPerPass()).isCloseTo(300, within(1e-9));
    assertThat(r.twoThreads()).isNull();

    BenchTable t = new ReportWriter().speed(r).table();
    assertThat(row(t, "corpus")[1]).isEqualTo("6 articles: 2 on-topic (600 tokens each on average), 4 off-topic "
        + "(600 tokens)");
    String[] perToken = row(t, "b/a  extractor vs CoreNLP default, per token, on-topic");
    assertThat(perToken).containsExactly(perToken[0], "7.00x", ">= 6", "ok");
    assertThat(row(t, "off-topic article, mean cost")[1]).isEqualTo("25.000 ms; 1 of 4 annotated whole (the gate and "
        + "the cascade stopped the rest): 98.50 ms each, the other 3 0.500 ms");
    assertThat(row(t, "on-topic / off-topic article cost")).containsExactly("on-topic / off-topic article cost",
        "4.00x", ">= 100", "MISSED");
  }

  @Test
  void aFolderIsSplitIntoAnnotatedAndStoppedNeverOnAndOffTopic() {
    // A folder has no labels: what the extractor annotated and what its gate stopped.
    List<CorpusItem> items = new ArrayList<>(List.of(item(0, false, true, 300), item(1, false, true, 500),
        item(2, false, false, 200)));
    BenchCorpus.labelFromExtractor(items);
    CorpusGroups groups = CorpusGroups.of(items, 40);
    SpeedResult r = SpeedResult.from(FOLDER, groups, items, List.of(score(FOLDER, "extractorOnTopic", 80),
        score(FOLDER, "extractorOffTopicStopped", 0.5)));

    BenchTable t = new ReportWriter().speed(r).table();
    assertThat(t.rows().stream().flatMap(cells -> List.of(cells).stream())
        .filter(s -> s.contains("on-topic") || s.contains("off-topic")))
        .allMatch(s -> s.contains("no on-/off-topic labels") || s.contains("not the off-topic target"));
    assertThat(row(t, "corpus")[1]).isEqualTo("3 articles, no on-/off-topic labels: 2 annotated whole by the extractor "
        + "(400 tokens each on average), 1 stopped by its relevance gate or cascade (200 tokens)");
    assertThat(row(t, "b/a")[1]).startsWith("not measured");
    assertThat(row(t, "annotated article, mean cost")[1]).isEqualTo("40.00 ms");
    assertThat(row(t, "stopped article, mean cost")[1]).startsWith("0.500 ms");
    String[] ratio = row(t, "annotated / stopped article cost");
    assertThat(ratio[0]).contains("not the off-topic target");
    assertThat(ratio[1]).isEqualTo("80.00x");
    assertThat(ratio[3]).isEmpty(); // no verdict: the stopped articles may be on-topic ones the gate missed
  }

  @Test
  void aGroupWithoutArticlesIsNotBenchmarked() {
    List<CorpusItem> items = List.of(item(0, true, true, 100), item(1, false, false, 100));
    ThroughputPhase.Settings settings = new ThroughputPhase.Settings(1, List.of(), 1, 1, 1, 1, 40, true, false);
    assertThat(ThroughputPhase.methods(CorpusGroups.of(items, 40), settings)).containsExactly("defaultNerSample",
        "extractorSample", "extractorOnTopic", "extractorOffTopicStopped");
    ThroughputPhase.Settings quick = new ThroughputPhase.Settings(1, List.of(), 1, 1, 1, 1, 40, false, true);
    assertThat(ThroughputPhase.methods(CorpusGroups.of(List.of(item(0, false, false, 100)), 40), quick))
        .containsExactly("extractorOffTopicStopped", "extractorCorpusTwoThreads");
  }

  @Test
  void theSampleIsTheCorpusFirstOnTopicArticles() {
    List<CorpusItem> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(item(i, i % 5 == 0, i % 5 == 0, 100));
    }
    assertThat(CorpusGroups.of(items, 3).sample()).extracting(i -> i.article.id()).containsExactly("a0", "a5", "a10");
    assertThat(CorpusGroups.of(items, 99).sample()).hasSize(4);
  }

  private static List<String> ids(List<CorpusItem> items) {
    return items.stream().map(i -> i.article.id()).toList();
  }

  @Test
  void aForkGetsTheBenchJvmsCorpusAndClassification() {
    assertThat(CorpusSpec.decode(GENERATED.encode())).isEqualTo(GENERATED);
    assertThat(CorpusSpec.decode(FOLDER.encode())).isEqualTo(FOLDER);
    assertThatThrownBy(() -> CorpusSpec.decode("nonsense")).isInstanceOf(IllegalArgumentException.class);

    List<CorpusItem> items = generatedCorpus();
    String relevant = ArticleCostBenchmark.Articles.encode(items);
    assertThat(relevant).isEqualTo("100101");
    List<CorpusItem> fork = generatedCorpus();
    fork.forEach(i -> i.relevant = false);
    ArticleCostBenchmark.Articles.decode(relevant, fork, false);
    CorpusGroups expected = CorpusGroups.of(items, 40);
    CorpusGroups got = CorpusGroups.of(fork, 40);
    assertThat(got.onTopic()).extracting(i -> i.article.id()).isEqualTo(ids(expected.onTopic()));
    assertThat(got.offStopped()).extracting(i -> i.article.id()).isEqualTo(ids(expected.offStopped()));
    assertThat(got.offAnnotated()).extracting(i -> i.article.id()).containsExactly("a5");
    assertThatThrownBy(() -> ArticleCostBenchmark.Articles.decode("10", fork, false))
        .isInstanceOf(IllegalStateException.class);
  }
}
