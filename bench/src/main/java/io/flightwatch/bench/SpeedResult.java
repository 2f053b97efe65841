package io.flightwatch.bench;

import java.util.List;

/**
 * The two speed targets on one corpus, from one JMH run: (a) CoreNLP's default pipeline and (b) the extractor on the
 * same on-topic sample (per token), and the extractor's cost per on-topic and per off-topic article. The ratios are
 * taken here, from numbers of the same run.
 *
 * @param corpus       the corpus
 * @param defaultNer   (a) on the sample; null when skipped
 * @param sample       (b) on the sample
 * @param onTopic      the extractor on every on-topic article (from a folder: every annotated one)
 * @param offStopped   the extractor on the off-topic articles it stops early (from a folder: every stopped one)
 * @param offAnnotated the extractor on the off-topic articles it annotates whole anyway
 * @param twoThreads   the whole corpus by two threads sharing the models; null when not run
 */
public record SpeedResult(CorpusSpec corpus, PassCost defaultNer, PassCost sample, PassCost onTopic,
    PassCost offStopped, PassCost offAnnotated, PassCost twoThreads) {

  public static final double PER_TOKEN_TARGET = 6;
  public static final double OFF_TOPIC_TARGET = 100;

  /** The result for {@code corpus} from {@code scores}, with the token counts of its {@code groups}. */
  public static SpeedResult from(CorpusSpec corpus, CorpusGroups groups, List<CorpusItem> all, List<JmhScore> scores) {
    String key = corpus.encode();
    PassCost both = PassCost.of(all, score(scores, key, "extractorCorpusTwoThreads"));
    return new SpeedResult(corpus, PassCost.of(groups.sample(), score(scores, key, "defaultNerSample")),
        PassCost.of(groups.sample(), score(scores, key, "extractorSample")),
        PassCost.of(groups.onTopic(), score(scores, key, "extractorOnTopic")),
        PassCost.of(groups.offStopped(), score(scores, key, "extractorOffTopicStopped")),
        PassCost.of(groups.offAnnotated(), score(scores, key, "extractorOffTopicAnnotated")), both);
  }

  private static JmhScore score(List<JmhScore> scores, String corpus, String method) {
    return scores.stream().filter(s -> s.corpus().equals(corpus) && s.method().equals(method)).findFirst()
        .orElse(null);
  }

  /** b/a per token: both ran over the same articles, so it is the ratio of their pass times; NaN without (a). */
  public double perTokenRatio() {
    return defaultNer == null || sample == null ? Double.NaN : defaultNer.msPerPass() / sample.msPerPass();
  }

  /** Every off-topic article (from a folder: every stopped one); null when there is none. */
  public PassCost offTopic() {
    return PassCost.plus(offStopped, offAnnotated);
  }

  /** The whole corpus in one thread: what the processor's rate is compared with. */
  public PassCost corpusPass() {
    return PassCost.plus(onTopic, offTopic());
  }

  /** On-topic article cost / off-topic article cost; NaN when either side is empty. */
  public double onOffRatio() {
    PassCost off = offTopic();
    return onTopic == null || off == null ? Double.NaN : onTopic.msPerArticle() / off.msPerArticle();
  }
}
