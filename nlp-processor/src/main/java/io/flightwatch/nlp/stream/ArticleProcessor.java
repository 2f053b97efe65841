package io.flightwatch.nlp.stream;

import io.flightwatch.common.AnnotatedArticle;
import io.flightwatch.common.Article;
import io.flightwatch.common.Claim;
import io.flightwatch.common.ClaimKeys;
import io.flightwatch.common.ProcessingInfo;
import io.flightwatch.common.Topics;
import io.flightwatch.nlp.ArticleAnnotator;
import io.flightwatch.common.kafka.DlqHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates, annotates and routes one record of {@code articles.raw}; keeps per article the last processed version and
 * its claims in {@value ProcessorTopology#CLAIMS_STORE}.
 *
 * <ul>
 *   <li>Bad input: to {@code articles.dlq} with the original key and value bytes and reason headers.</li>
 *   <li>The version already processed (redelivery, replay, the producer publishing twice): skipped, nothing
 * emitted.</li>
 *   <li>A new version: a retraction for every claim of the previous version, then the new claims, then the annotated
 *       article; the store then holds the new version.</li>
 *   <li>A tombstone (null value): retractions of the last version's claims; the article leaves the store.</li>
 *   <li>The annotator throws: the record goes to the DLQ with the exception in headers; the store is untouched, so the
 *       previous version's claims stay valid.</li>
 * </ul>
 *
 * <p>Everything is computed before anything is forwarded, so a failure never leaves half an article's output behind.
 */
final class ArticleProcessor implements Processor<byte[], byte[], Object, Object> {

  private static final Logger log = LoggerFactory.getLogger(ArticleProcessor.class);

  private final ThreadLocal<ArticleAnnotator> perThread;
  private final ArticleValidator validator;
  private final ProcessorMetrics metrics;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, ArticleClaimsState> store;
  private ArticleAnnotator annotator;

  ArticleProcessor(ThreadLocal<ArticleAnnotator> perThread, ArticleValidator validator, ProcessorMetrics metrics) {
    this.perThread = perThread;
    this.validator = validator;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.store = context.getStateStore(ProcessorTopology.CLAIMS_STORE);
    // Tasks are initialised on their stream thread: every task of a thread shares that thread's annotator (one CoreNLP
    // pipeline per thread). A failure here is systemic, so it fails the task rather than sending every record to the
    // DLQ.
    this.annotator = perThread.get();
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.ARTICLES_RAW.name());
    ArticleValidator.Outcome outcome = validator.validate(topic, record.key(), record.value());
    if (outcome instanceof ArticleValidator.Rejected rejected) {
      toDlq(record, rejected.reason(), rejected.detail(), null);
      return;
    }
    if (outcome instanceof ArticleValidator.Tombstone tombstone) {
      withdraw(record, tombstone.articleId());
      return;
    }
    ArticleValidator.Valid valid = (ArticleValidator.Valid) outcome;
    Article article = valid.article();
    ArticleClaimsState previous = store.get(article.id());
    if (previous != null && previous.version().equals(article.contentHash())) {
      metrics.duplicate();
      log.debug("article {} version {} already processed, skipped", article.id(), article.contentHash());
      return;
    }

    AnnotatedArticle annotated;
    try {
      AnnotatedArticle read = metrics.annotateTimer().record(() -> annotator.annotate(article));
      annotated = complete(Objects.requireNonNull(read, "annotator returned nothing"), article, valid.warnings(),
          metrics);
    } catch (RuntimeException | StackOverflowError e) {
      // One article that breaks CoreNLP (or the rules) must not stop the stream: DLQ it with the exception and go on.
      log.warn("annotator failed on article {} ({}), sent to {}: {}", article.id(), position(),
          Topics.ARTICLES_DLQ.name(),
          e.toString());
      toDlq(record, DlqReason.ANNOTATOR_ERROR, "annotating article '" + article.id() + "' failed: " + e, e);
      return;
    }

    List<Claim> retractions = previous == null ? List.of()
        : previous.claims().stream().map(Claim::asRetraction).toList();
    for (Claim r : retractions) {
      context.forward(record.withKey(r.key()).withValue(r), ProcessorTopology.CLAIMS_SINK);
    }
    for (Claim c : annotated.claims()) {
      context.forward(record.withKey(c.key()).withValue(c), ProcessorTopology.CLAIMS_SINK);
    }
    context.forward(record.withKey(article.id()).withValue(annotated), ProcessorTopology.ANNOTATED_SINK);
    store.put(article.id(), new ArticleClaimsState(article.contentHash(), annotated.claims()));

    boolean relevant = annotated.processing() == null || annotated.processing().relevant();
    boolean warned = annotated.processing() != null && !annotated.processing().warnings().isEmpty();
    metrics.processed(relevant, warned);
    metrics.claims(annotated.claims().size(), retractions.size());
    if (!retractions.isEmpty()) {
      log.info("article {} replaced by version {}: {} claim(s) retracted, {} emitted", article.id(),
          article.contentHash(), retractions.size(), annotated.claims().size());
    }
  }

  /**
   * Checks the annotator's result and fills in what the contract needs: every claim carries its canonical key (the
   * Kafka key of {@code claims}); the validator's warnings join the processing warnings; claims beyond {@link
   * ClaimCaps} are dropped with a warning and counted.
   */
  static AnnotatedArticle complete(AnnotatedArticle a, Article article, List<String> validatorWarnings,
      ProcessorMetrics metrics) {
    Objects.requireNonNull(a, "the annotator returned null");
    List<Claim> all = new ArrayList<>(a.claims().size());
    for (Claim c : a.claims()) {
      Objects.requireNonNull(c, "the annotator returned a null claim");
      Objects.requireNonNull(c.kind(), "the annotator returned a claim without kind");
      all.add(c.key() == null || c.key().isBlank() ? c.withKey(ClaimKeys.canonical(c)) : c);
    }
    ClaimCaps.Result capped = ClaimCaps.apply(all);
    metrics.capped(capped.dropped(), capped.overflow());
    List<Claim> claims = capped.kept();
    List<String> extraWarnings = new ArrayList<>(validatorWarnings);
    extraWarnings.addAll(capped.warnings());
    ProcessingInfo info = a.processing();
    if (!extraWarnings.isEmpty()) {
      List<String> warnings = new ArrayList<>(extraWarnings);
      if (info != null) {
        warnings.addAll(0, info.warnings());
        info = new ProcessingInfo(info.extractorVersion(), info.pipeline(), info.relevant(), info.characters(),
            info.tokens(), info.truncated(), warnings);
      } else {
        info = new ProcessingInfo(null, "", true, article.fullText().length(), 0, false, warnings);
      }
    }
    String version = a.articleVersion() == null ? article.contentHash() : a.articleVersion();
    return new AnnotatedArticle(article.id(), version, a.url(), a.source(), a.title(), a.publishedAt(), a.entities(),
        a.money(), claims, info);
  }

  private void withdraw(Record<byte[], byte[]> record, String articleId) {
    ArticleClaimsState previous = store.get(articleId);
    if (previous == null) {
      log.debug("tombstone for unknown article {}, nothing to withdraw", articleId);
      return;
    }
    for (Claim c : previous.claims()) {
      Claim r = c.asRetraction();
      context.forward(record.withKey(r.key()).withValue(r), ProcessorTopology.CLAIMS_SINK);
    }
    store.delete(articleId);
    metrics.withdrawn();
    metrics.claims(0, previous.claims().size());
    log.info("article {} withdrawn (tombstone): {} claim(s) retracted", articleId, previous.claims().size());
  }

  private void toDlq(Record<byte[], byte[]> record, DlqReason reason, String detail, Throwable error) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.ARTICLES_RAW.name());
    reason.addTo(headers, topic, detail);
    context.recordMetadata().ifPresent(m -> DlqHeaders.addOrigin(headers, m.topic(), m.partition(), m.offset()));
    if (error != null) {
      DlqHeaders.addException(headers, error);
    }
    context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers),
        ProcessorTopology.DLQ_SINK);
    metrics.dlq(reason);
    if (error == null) {
      log.info("record at {} sent to {}: {} ({})", position(), Topics.ARTICLES_DLQ.name(), reason.wireName(), detail);
    }
  }

  private String position() {
    return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
  }

  /** Creates the processor per task; all tasks of one stream thread share one annotator. */
  static final class ArticleProcessorSupplier implements ProcessorSupplier<byte[], byte[], Object, Object> {

    private final ThreadLocal<ArticleAnnotator> perThread;
    private final ArticleValidator validator = new ArticleValidator();
    private final ProcessorMetrics metrics;

    ArticleProcessorSupplier(Supplier<ArticleAnnotator> annotators, ProcessorMetrics metrics) {
      Objects.requireNonNull(annotators, "annotators");
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      this.perThread = ThreadLocal.withInitial(() -> {
        log.info("building the annotator of thread {}", Thread.currentThread().getName());
        return Objects.requireNonNull(annotators.get(), "the annotator supplier returned null");
      });
    }

    @Override
    public Processor<byte[], byte[], Object, Object> get() {
      return new ArticleProcessor(perThread, validator, metrics);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ProcessorTopology.CLAIMS_STORE),
          Serdes.String(), io.flightwatch.common.JsonSerde.of(ArticleClaimsState.class)));
    }
  }
}
