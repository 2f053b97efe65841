package io.flightwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightwatch.common.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedTargetsTest {

  private static CorpusItem item(int i, boolean onTopic, boolean relevant, long tokens) {
    CorpusItem it = new CorpusItem(new Article("a" + i, null, "t", "title", "body", "en", null, Instant.EPOCH, "h"),
        onTopic, null, tokens);
    it.relevant = relevant;
    return it;
  }

  private static String[] row(BenchTable t, String startsWith) {
    return t.rows().stream().filter(r -> r.length == 4 && r[0].startsWith(startsWith)).findFirst().orElseThrow();
  }

  @Test
  void bothTargetsFromTheLoopAndTheComparison() {
    // 2 on-topic articles at 100 ms, 4 off-topic: 3 stopped by the gate at 0.5 ms, 1 annotated at 98.5 ms
    List<CorpusItem> items = new ArrayList<>();
    long[] nanos = {100_000_000, 500_000, 500_000, 100_000_000, 500_000, 98_500_000};
    boolean[] on = {true, false, false, true, false, false};
    boolean[] relevant = {true, false, false, true, false, true};
    for (int i = 0; i < on.length; i++) {
      items.add(item(i, on[i], relevant[i], 600));
    }
    long wall = 0;
    for (long n : nanos) {
      wall += n;
    }
    Rate loop = new Rate(items, nanos, wall);
    List<CorpusItem> sample = items.stream().filter(i -> i.labelledOnTopic).toList();
    // (a) 1.4 s for the 2 articles, (b) 0.2 s: 7x per token
    SpeedTargets.Comparison cmp = new SpeedTargets.Comparison(new Rate(sample, new long[] {700_000_000, 700_000_000},
        1_400_000_000L), Rate.wall(sample, 200_000_000L), 7.0, 6.5, 7.5);
    BenchTable t = new BenchTable();
    SpeedTargets.report(t, "generated corpus", false, loop, cmp);

    assertThat(row(t, "corpus")[1]).contains("6 articles: 2 on-topic (600 tokens each", "4 off-topic (600 tokens)");
    String[] perToken = row(t, "b/a  extractor vs CoreNLP default, per token");
    assertThat(perToken[1]).startsWith("7.00x").contains("before (a) 6.50x, after 7.50x");
    assertThat(perToken[2]).isEqualTo(">= 6");
    assertThat(perToken[3]).isEqualTo("ok");
    assertThat(row(t, "off-topic article, extractor")[1])
        .isEqualTo("25.000 ms; 1 of 4 annotated whole (the gate and the cascade stopped the rest): 98.50 ms each, the other 3 0.500 ms");
    String[] cost = row(t, "off-topic article cheaper");
    assertThat(cost[1]).isEqualTo("4.00x"); // 100 ms / 25 ms
    assertThat(cost[2]).isEqualTo(">= 100");
    assertThat(cost[3]).isEqualTo("MISSED");
  }

  @Test
  void aFolderWithoutOffTopicArticlesSaysSo() {
    List<CorpusItem> items = List.of(item(0, true, true, 300), item(1, true, true, 500));
    Rate loop = new Rate(items, new long[] {30_000_000, 50_000_000}, 80_000_000);
    BenchTable t = new BenchTable();
    SpeedTargets.report(t, "folder x", true, loop, null);
    assertThat(row(t, "corpus")[1]).contains("2 on-topic (= annotated by the extractor) (400 tokens each");
    assertThat(row(t, "b/a")[1]).startsWith("not measured");
    assertThat(row(t, "off-topic article cheaper")[1]).isEqualTo("n/a: no off-topic article in this corpus");
    assertThat(row(t, "off-topic article cheaper")[3]).isEmpty();
  }

  @Test
  void onTopicSampleIsTheCorpusFirstOnTopicArticles() {
    List<CorpusItem> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(item(i, i % 5 == 0, i % 5 == 0, 100));
    }
    assertThat(SpeedTargets.onTopicSample(items, 3)).extracting(i -> i.article.id()).containsExactly("a0", "a5", "a10");
    assertThat(SpeedTargets.onTopicSample(items, 99)).hasSize(4);
  }
}
