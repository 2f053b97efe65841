package io.flightwatch.bench;

import java.util.List;

/**
 * The article groups the throughput passes time, of one classified corpus ({@link BenchCorpus#classify}).
 *
 * @param sample         the first {@code sampleSize} on-topic articles: CoreNLP's default pipeline and the extractor
 *                       are compared on these, per token
 * @param onTopic        every on-topic article (from a folder: every article the extractor annotated whole)
 * @param offStopped     off-topic articles the relevance gate or the cascade stopped (from a folder: every stopped one)
 * @param offAnnotated   off-topic articles the extractor annotated whole anyway (from a folder: none)
 */
public record CorpusGroups(List<CorpusItem> sample, List<CorpusItem> onTopic, List<CorpusItem> offStopped,
    List<CorpusItem> offAnnotated) {

  public static CorpusGroups of(List<CorpusItem> corpus, int sampleSize) {
    List<CorpusItem> on = corpus.stream().filter(i -> i.labelledOnTopic).toList();
    return new CorpusGroups(on.stream().limit(sampleSize).toList(), on,
        corpus.stream().filter(i -> !i.labelledOnTopic && !i.relevant).toList(),
        corpus.stream().filter(i -> !i.labelledOnTopic && i.relevant).toList());
  }
}
