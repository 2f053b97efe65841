package io.flightwatch.bench;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.flightwatch.common.Article;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.extract.ExtractCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Builds the bench corpus of a {@link CorpusSpec}: reads or generates the articles, counts their tokens, and records
 * which ones the extractor annotates whole. The bench JVM and every JMH fork build it the same way, so a fork's passes
 * run over exactly the articles whose tokens the bench JVM counted.
 */
public final class BenchCorpus {

  private BenchCorpus() {}

  /** The spec's articles; a folder's are unlabelled ({@link #classify} labels them). */
  public static List<CorpusGenerator.Item> articles(CorpusSpec spec) throws IOException {
    if (!spec.isFolder()) {
      return new CorpusGenerator(spec.seed()).generate(spec.articles(), spec.share(), "bench");
    }
    List<CorpusGenerator.Item> items = new ArrayList<>();
    try (Stream<Path> s = Files.list(spec.folder())) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
        items.add(new CorpusGenerator.Item(ExtractCommand.read(f), false, null));
      }
    }
    return items;
  }

  /** Bench items with their token counts, counted once with CoreNLP's tokenizer: every rate's denominator. */
  public static List<CorpusItem> tokenized(List<CorpusGenerator.Item> items) {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize");
    StanfordCoreNLP tok = new StanfordCoreNLP(p);
    List<CorpusItem> out = new ArrayList<>();
    for (CorpusGenerator.Item it : items) {
      CoreDocument d = new CoreDocument(it.article().fullText());
      tok.annotate(d);
      out.add(new CorpusItem(it.article(), it.onTopic(), it.destination(), d.tokens().size()));
    }
    return out;
  }

  /** Bench items without token counts, for a JMH fork: only the bench JVM turns times into rates. */
  public static List<CorpusItem> untokenized(List<CorpusGenerator.Item> items) {
    return items.stream().map(it -> new CorpusItem(it.article(), it.onTopic(), it.destination(), 0)).toList();
  }

  /**
   * Runs the extractor once over the corpus and notes which articles it annotated whole (the relevance gate and the
   * cascade let them through). A folder has no labels, so there that decision is the only split there is:
   * {@link CorpusItem#labelledOnTopic} becomes it, and the report calls the two sides "annotated" and "stopped", never
   * on- and off-topic.
   */
  public static void classify(ArticleAnnotator annotator, List<CorpusItem> corpus, boolean folder) {
    for (CorpusItem it : corpus) {
      it.relevant = annotator.annotate(it.article).processing().relevant();
    }
    if (folder) {
      labelFromExtractor(corpus);
    }
  }

  /** A folder's only split: an article counts on the "on" side when the extractor annotated it whole. */
  public static void labelFromExtractor(List<CorpusItem> folder) {
    folder.forEach(it -> it.labelledOnTopic = it.relevant);
  }

  /** Writes the articles to {@code dir} as {@code <id>.txt}, title on the first line. */
  public static void dump(List<CorpusGenerator.Item> items, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (CorpusGenerator.Item it : items) {
      Article a = it.article();
      Files.writeString(dir.resolve(a.id() + ".txt"), a.title() + "\n" + a.body(), StandardCharsets.UTF_8);
    }
  }
}
