package io.flightwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightwatch.common.Article;
import io.flightwatch.common.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
  private final SeenCache seen = new SeenCache(2);

  @BeforeEach
  void init() {
    ArticlePublisher.initTransactions(producer);
  }

  private static Article article(String url, String body) {
    return ArticleIds.article(url, "test", "Ambassador recalled", body, "en", null, Instant.EPOCH);
  }

  @Test
  void sameVersionIsADuplicateAndAChangedBodyIsAnUpdate() throws SkipException {
    ArticlePublisher p = new ArticlePublisher(producer, seen, metrics, 10, 3);
    Article v1 = article("https://n.example/a", "The ambassador was recalled on Monday.");
    assertThat(p.offer(v1)).isEqualTo(ArticlePublisher.Outcome.PUBLISHED);
    assertThat(p.offer(v1)).isEqualTo(ArticlePublisher.Outcome.DUPLICATE);
    p.commit();
    assertThat(p.offer(v1)).isEqualTo(ArticlePublisher.Outcome.DUPLICATE);
    Article v2 = article("https://n.example/a?utm_source=x", "The ambassador was recalled on Monday night.");
    assertThat(v2.id()).isEqualTo(v1.id());
    assertThat(p.offer(v2)).isEqualTo(ArticlePublisher.Outcome.UPDATED);
    p.commit();
    assertThat(producer.history()).extracting(r -> r.topic() + "/" + r.key()).containsExactly(
        "articles.raw/" + v1.id(), "ingest.seen/" + v1.id(), "articles.raw/" + v1.id(), "ingest.seen/" + v1.id());
    assertThat(metrics.summary()).isEqualTo(new IngestSummary(1, 1, 2, java.util.Map.of()));
    assertThat(seen.get(v1.id())).isEqualTo(v2.contentHash());
  }

  @Test
  void nothingIsCountedOrRememberedBeforeTheTransactionCommits() throws SkipException {
    ArticlePublisher p = new ArticlePublisher(producer, seen, metrics, 10, 3);
    Article a = article("https://n.example/b", "A judge ordered the seizure of two villas.");
    p.offer(a);
    assertThat(producer.history()).isEmpty();
    assertThat(seen.get(a.id())).isNull();
    assertThat(metrics.summary().published()).isZero();
    p.commit();
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(seen.get(a.id())).isEqualTo(a.contentHash());
    assertThat(metrics.summary().published()).isEqualTo(1);
  }

  @Test
  void aCommitThatKeepsFailingStopsWithoutRememberingAnything() throws SkipException {
    ArticlePublisher p = new ArticlePublisher(producer, seen, metrics, 10, 3);
    Article a = article("https://n.example/c", "Police searched the offices of a shipping firm.");
    p.offer(a);
    producer.commitTransactionException = new KafkaException("broker hiccup");
    // Every attempt fails: after ingest.send.attempts the publisher stops rather than drop the batch silently.
    assertThatThrownBy(p::commit).isInstanceOf(IngestFatalException.class).hasMessageContaining("giving up after 3 "
        + "attempts");
    assertThat(producer.history()).isEmpty();
    assertThat(seen.get(a.id())).isNull();
  }

  @Test
  void aTransientCommitFailureIsRetriedAndNothingIsLost() throws SkipException {
    FlakyOnce flaky = new FlakyOnce();
    ArticlePublisher p = new ArticlePublisher(flaky, seen, metrics, 10, 3);
    ArticlePublisher.initTransactions(flaky);
    Article a = article("https://n.example/d", "The customs agency opened an inquiry into cash flights.");
    p.offer(a);
    p.commit();
    assertThat(flaky.failures).isEqualTo(1);
    assertThat(flaky.history()).extracting(r -> r.topic()).containsExactly("articles.raw", "ingest.seen");
    assertThat(seen.get(a.id())).isEqualTo(a.contentHash());
    assertThat(metrics.summary().published()).isEqualTo(1);
  }

  @Test
  void aFencedProducerStopsWithAClearError() throws SkipException {
    ArticlePublisher p = new ArticlePublisher(producer, seen, metrics, 10, 3);
    p.offer(article("https://n.example/e", "The minister's spokesperson denied that he had left the country."));
    producer.commitTransactionException = new ProducerFencedException("another instance took over");
    assertThatThrownBy(p::commit).isInstanceOf(IngestFatalException.class)
        .hasMessageContaining("took over (fenced)").hasMessageContaining("ingest.transactional.id");
    assertThat(p.failed()).isTrue();
    assertThatThrownBy(() -> p.offer(article("https://n.example/f", "Another long enough body for the test case.")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void transactionsAreCutAtTheConfiguredSizeAndTheSeenBoundEvictsTheOldest() throws SkipException {
    ArticlePublisher p = new ArticlePublisher(producer, seen, metrics, 2, 3);
    Article a = article("https://n.example/1", "First article body for the size test.");
    Article b = article("https://n.example/2", "Second article body for the size test.");
    Article c = article("https://n.example/3", "Third article body for the size test.");
    p.offer(a);
    p.offer(b);
    assertThat(producer.history()).hasSize(4);
    p.offer(c);
    p.commit();
    assertThat(seen.size()).isEqualTo(2);
    assertThat(seen.get(a.id())).isNull();
    // Forgotten beyond the bound: published again, with the same id (downstream replaces it).
    assertThat(p.offer(a)).isEqualTo(ArticlePublisher.Outcome.PUBLISHED);
    p.commit();
    assertThat(producer.history().stream().filter(r -> r.topic().equals(Topics.ARTICLES_RAW.name())).count())
        .isEqualTo(4);
  }

  @Test
  void aRejectedTransactionStateHandsOverToANewProducerAndTheOpenArticleIsSentOnce() throws SkipException {
    // the first producer's client is in a fatal state after INVALID_TXN_STATE, as under transactions v2 in a bulk load
    MockProducer<String, byte[]> second = new MockProducer<>(true, null, new StringSerializer(),
        new ByteArraySerializer());
    ArticlePublisher p = new ArticlePublisher(producer, () -> second, seen, metrics, 10, 3);
    Article a = article("https://n.example/g", "The port authority's former director left for Lisbon, aides said.");
    p.offer(a);
    p.commit();
    producer.beginTransactionException = new InvalidTxnStateException("state is COMPLETE_COMMIT");
    Article b = article("https://n.example/h", "A second former director followed him a week later, aides said.");
    p.offer(b);
    p.commit();
    assertThat(producer.closed()).isTrue();
    assertThat(second.transactionCommitted()).isTrue();
    assertThat(second.history()).extracting(r -> r.key()).containsExactly(b.id(), b.id());
    assertThat(producer.history()).extracting(r -> r.key()).containsExactly(a.id(), a.id());
    assertThat(metrics.summary().published()).isEqualTo(2);
  }

  @Test
  void aRejectedStateAtCommitStaysFatalBecauseTheTransactionMayHaveCommitted() throws SkipException {
    ArticlePublisher p = new ArticlePublisher(producer, () -> {
      throw new AssertionError("no new producer for a commit that may have gone through");
    }, seen, metrics, 10, 3);
    p.offer(article("https://n.example/i", "The deputy governor was seen boarding a flight to Dubai, aides said."));
    producer.commitTransactionException = new InvalidTxnStateException("state is COMPLETE_COMMIT");
    assertThatThrownBy(p::commit).isInstanceOf(IngestFatalException.class);
  }

  /** A transactional mock whose first commit fails with a retriable error. */
  private static final class FlakyOnce extends MockProducer<String, byte[]> {
    int failures;

    FlakyOnce() {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void commitTransaction() {
      if (failures == 0) {
        failures++;
        throw new KafkaException("transient: coordinator moved");
      }
      super.commitTransaction();
    }
  }
}
