package io.flightwatch.app;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.CommonConfig;
import io.flightwatch.common.Settings;
import io.flightwatch.common.Topics;
import io.flightwatch.common.kafka.KafkaDefaults;
import io.flightwatch.common.kafka.LocalKafka;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.nlp.extract.AnnotatorFactory;
import io.flightwatch.nlp.extract.ExtractCommand;
import io.flightwatch.nlp.extract.ExtractorSettings;
import io.flightwatch.nlp.stream.ProcessorApp;
import io.flightwatch.nlp.stream.ProcessorConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flightwatch bench}: speed of extraction measured in one run on the same articles, as ratios.
 *
 * <ol>
 *   <li>(a) CoreNLP's default {@code tokenize,ssplit,pos,lemma,ner} in a plain loop;</li>
 *   <li>(b) this extractor (lean NER, relevance gate, claim rules) in a plain loop;</li>
 *   <li>(c) the processor through a real local broker, with 1 and 2 stream threads.</li>
 * </ol>
 * Every phase is warmed up first, then timed on the same corpus. Tokens are counted once with CoreNLP's tokenizer so all
 * phases share one denominator.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark: CoreNLP default NER vs this extractor vs the processor through Kafka (1 and 2 threads),",
        "on the same articles in one run; prints articles/s, tokens/s, their ratios, off-topic vs on-topic cost and peak heap."})
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--input", defaultValue = "samples", description = "Folder of *.txt articles (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(names = "--repeat", defaultValue = "6",
      description = "Copies of the corpus for the extractor and the processor runs (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--default-repeat", defaultValue = "1",
      description = "Copies of the corpus for CoreNLP's slow default config (default: ${DEFAULT-VALUE}).")
  int defaultRepeat;

  @Option(names = "--skip-default", description = "Skip (a), CoreNLP's default NER (slow, ~2 GB heap).")
  boolean skipDefault;

  @Option(names = "--skip-kafka", description = "Skip (c), the processor through the broker.")
  boolean skipKafka;

  @Override
  public Integer call() throws Exception {
    List<Article> corpus = readCorpus(input);
    if (corpus.isEmpty()) {
      System.err.println("no *.txt articles in " + input);
      return 2;
    }
    long[] tokens = countTokens(corpus);
    long corpusTokens = java.util.Arrays.stream(tokens).sum();
    System.out.printf("corpus: %d articles, %d tokens (%s), extractor/processor runs x%d, default run x%d%n",
        corpus.size(), corpusTokens, input, repeat, defaultRepeat);

    List<Row> rows = new ArrayList<>();
    resetPeaks();
    AnnotatorFactory factory = AnnotatorFactory.create(ExtractorSettings.defaults());
    long heapAfterLoad = usedHeapAfterGc();
    Row b = extractorLoop(factory, corpus, tokens);
    rows.add(b);

    Row c1 = null;
    Row c2 = null;
    if (!skipKafka) {
      Path tmp = Files.createTempDirectory("flightwatch-bench");
      try (LocalKafka kafka = LocalKafka.start(tmp.resolve("kafka"), 0)) {
        kafka.createTopics(Topics.ALL);
        int n = publish(kafka, corpus);
        c1 = throughKafka(kafka, factory, tmp, 1, n, corpusTokens * repeat);
        rows.add(c1);
        c2 = throughKafka(kafka, factory, tmp, 2, n, corpusTokens * repeat);
        rows.add(c2);
      } finally {
        LocalKafka.deleteRecursively(tmp);
      }
    }

    Row a = null;
    if (!skipDefault) {
      a = coreNlpDefaultLoop(corpus, tokens);
      rows.add(0, a);
    }

    System.out.println();
    System.out.printf("%-62s %9s %9s %9s %11s %11s %10s%n", "configuration", "articles", "tokens", "seconds",
        "articles/s", "tokens/s", "peak heap");
    for (Row r : rows) {
      System.out.printf("%-62s %9d %9d %9.2f %11.2f %11.0f %8d MB%n", r.name, r.articles, r.tokens, r.seconds,
          r.articles / r.seconds, r.tokens / r.seconds, r.peakHeapMb);
    }
    System.out.println();
    if (a != null) {
      System.out.printf("b/a  extractor vs CoreNLP default (tokens/s):      %6.1fx   (target >= 8)%n", b.tokensPerSec() / a.tokensPerSec());
    }
    if (c1 != null) {
      System.out.printf("c/b  processor via Kafka (1 thread) vs plain loop: %6.2fx   (target >= 0.9)%n", c1.tokensPerSec() / b.tokensPerSec());
      System.out.printf("2 vs 1 stream threads:                             %6.2fx%n", c2.tokensPerSec() / c1.tokensPerSec());
    }
    System.out.printf("off-topic article cost: %.2f ms, on-topic: %.2f ms  -> on-topic/off-topic %.1fx%n",
        b.offTopicMs, b.onTopicMs, b.offTopicMs > 0 ? b.onTopicMs / b.offTopicMs : Double.NaN);
    System.out.printf("heap used after loading the extractor's models (after GC): %d MB%n", heapAfterLoad);
    System.out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
    return 0;
  }

  private Row extractorLoop(AnnotatorFactory factory, List<Article> corpus, long[] tokens) {
    ArticleAnnotator annotator = factory.newAnnotator();
    for (Article a : corpus) {
      annotator.annotate(a);
    }
    resetPeaks();
    long onNanos = 0;
    long offNanos = 0;
    int on = 0;
    int off = 0;
    long t0 = System.nanoTime();
    for (int r = 0; r < repeat; r++) {
      for (Article a : corpus) {
        long s = System.nanoTime();
        AnnotatedArticle out = annotator.annotate(a);
        long d = System.nanoTime() - s;
        if (out.processing().relevant()) {
          onNanos += d;
          on++;
        } else {
          offNanos += d;
          off++;
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    long tok = java.util.Arrays.stream(tokens).sum() * repeat;
    Row row = new Row("(b) extractor, plain loop (" + factory.pipelineDescription() + ")", corpus.size() * repeat, tok,
        secs, peakHeapMb());
    row.onTopicMs = on == 0 ? 0 : onNanos / 1e6 / on;
    row.offTopicMs = off == 0 ? 0 : offNanos / 1e6 / off;
    return row;
  }

  private Row coreNlpDefaultLoop(List<Article> corpus, long[] tokens) {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    StanfordCoreNLP.clearAnnotatorPool();
    StanfordCoreNLP nlp = new StanfordCoreNLP(p);
    nlp.annotate(new CoreDocument(corpus.get(0).fullText()));
    resetPeaks();
    long t0 = System.nanoTime();
    for (int r = 0; r < defaultRepeat; r++) {
      for (Article a : corpus) {
        nlp.annotate(new CoreDocument(a.fullText()));
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Row("(a) CoreNLP default tokenize,ssplit,pos,lemma,ner", corpus.size() * defaultRepeat,
        java.util.Arrays.stream(tokens).sum() * defaultRepeat, secs, peakHeapMb());
  }

  /** Publishes the corpus {@code repeat} times with distinct ids, so the processor treats each copy as a new article. */
  private int publish(LocalKafka kafka, List<Article> corpus) {
    int n = 0;
    Properties props = KafkaDefaults.producer(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    try (KafkaProducer<String, Article> producer = new KafkaProducer<>(props,
        Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer())) {
      for (int r = 0; r < repeat; r++) {
        for (Article a : corpus) {
          Article copy = new Article(a.id() + "-" + r, a.url(), a.source(), a.title(), a.body(), a.language(),
              a.publishedAt(), a.fetchedAt(), a.contentHash());
          producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), copy.id(), copy));
          n++;
        }
      }
      producer.flush();
    }
    return n;
  }

  /**
   * Runs the processor with a fresh application id over everything in articles.raw and times from its first output to its
   * n-th (start-up and rebalance are not processing, so they are left out of the rate).
   */
  private Row throughKafka(LocalKafka kafka, AnnotatorFactory factory, Path tmp, int threads, int n, long tok)
      throws Exception {
    String appId = "bench-processor-" + threads;
    Settings settings = Settings.load(ProcessorConfig.definition(), null, Map.of(), Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        ProcessorConfig.APPLICATION_ID, appId,
        ProcessorConfig.NUM_STREAM_THREADS, String.valueOf(threads),
        ProcessorConfig.STATE_DIR, tmp.resolve("state-" + threads).toString(),
        ProcessorConfig.HTTP_PORT, "-1"));
    String outTopic = Topics.ARTICLES_ANNOTATED.name();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        KafkaDefaults.consumer(Map.of("bootstrap.servers", kafka.bootstrapServers()), null),
        new org.apache.kafka.common.serialization.StringDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int p = 0; p < Topics.ARTICLES_ANNOTATED.partitions(); p++) {
        parts.add(new TopicPartition(outTopic, p));
      }
      consumer.assign(parts);
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position);
      resetPeaks();
      int seen = 0;
      long first = 0;
      long last = 0;
      try (ProcessorApp app = new ProcessorApp(settings, factory::newAnnotator)) {
        app.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (seen < n && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
            if (r.key() != null) {
              seen++;
              long now = System.nanoTime();
              if (first == 0) {
                first = now;
              }
              last = now;
            }
          }
        }
        app.close(Duration.ofSeconds(30));
      }
      if (seen < n) {
        throw new IllegalStateException("processor produced " + seen + " of " + n + " annotated articles in time");
      }
      // The first output's own processing is not inside [first, last]: rate over the remaining n-1 articles.
      double secs = (last - first) / 1e9;
      return new Row("(c) processor via Kafka, " + threads + " stream thread" + (threads > 1 ? "s" : ""), n - 1,
          tok * (n - 1) / n, secs, peakHeapMb());
    }
  }

  private static List<Article> readCorpus(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      List<Article> out = new ArrayList<>();
      for (Path f : files) {
        out.add(ExtractCommand.read(f));
      }
      return out;
    }
  }

  private static long[] countTokens(List<Article> corpus) {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize");
    StanfordCoreNLP tok = new StanfordCoreNLP(p);
    long[] out = new long[corpus.size()];
    for (int i = 0; i < corpus.size(); i++) {
      CoreDocument d = new CoreDocument(corpus.get(i).fullText());
      tok.annotate(d);
      out[i] = d.tokens().size();
    }
    return out;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }

  private static final class Row {
    final String name;
    final int articles;
    final long tokens;
    final double seconds;
    final long peakHeapMb;
    double onTopicMs;
    double offTopicMs;

    Row(String name, int articles, long tokens, double seconds, long peakHeapMb) {
      this.name = name;
      this.articles = articles;
      this.tokens = tokens;
      this.seconds = seconds;
      this.peakHeapMb = peakHeapMb;
    }

    double tokensPerSec() {
      return tokens / seconds;
    }
  }
}
