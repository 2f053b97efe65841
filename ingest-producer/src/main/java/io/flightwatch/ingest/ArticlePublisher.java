package io.flightwatch.ingest;

import io.flightwatch.common.Article;
import io.flightwatch.common.FeedState;
import io.flightwatch.common.SeenArticle;
import io.flightwatch.common.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles exactly once. Each new article (or new version) is written to {@code articles.raw} keyed by its id
 * together with its {@link SeenArticle} in the compacted {@code ingest.seen}, in ONE Kafka transaction, so a crash can
 * neither publish without remembering nor remember without publishing. Per-feed HTTP state goes to {@code ingest.feeds}
 * in the same transaction as the poll's articles.
 *
 * <p>A failed commit is retried: abort, resend every record of the transaction, commit again, up to
 * {@code ingest.send.attempts}; nothing is counted or remembered until its transaction committed. Errors after which
 * the producer cannot safely go on (fenced by a newer instance, not authorised, out-of-order sequence) and exhausted
 * retries raise {@link IngestFatalException}. Not thread-safe: one ingest thread owns it.
 */
public final class ArticlePublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

  /** Leave room under the 16 MB max.request.size of {@code KafkaDefaults.producer} for the record overhead. */
  static final int MAX_VALUE_BYTES = 15 * 1024 * 1024;

  /** What {@link #offer} did with an article. */
  public enum Outcome { PUBLISHED, UPDATED, DUPLICATE }

  private Producer<String, byte[]> producer;
  /** A new producer with the same transactional id, or null (tests): see {@link #renewable}. */
  private final Supplier<Producer<String, byte[]>> renew;
  private int renewals;
  private final SeenCache seen;
  private final IngestMetrics metrics;
  private final int maxArticlesPerTransaction;
  private final int attempts;

  private final List<ProducerRecord<String, byte[]>> pending = new ArrayList<>();
  private final Map<String, String> pendingSeen = new LinkedHashMap<>();
  private long pendingPublished;
  private long pendingUpdated;
  private boolean inTransaction;
  private boolean failed;

  /** New producers with the same transactional id, at most, between two commits that succeed. */
  static final int MAX_RENEWALS = 3;

  public ArticlePublisher(Producer<String, byte[]> producer, SeenCache seen, IngestMetrics metrics,
      int maxArticlesPerTransaction, int attempts) {
    this(producer, null, seen, metrics, maxArticlesPerTransaction, attempts);
  }

  /**
   * With {@code renew}: when the transaction coordinator rejects the producer's transaction state
   * ({@link InvalidTxnStateException}, which the client treats as fatal), a new producer with the same transactional id
   * takes over and the open transaction is sent again (see {@link #renewable}).
   */
  public ArticlePublisher(Producer<String, byte[]> producer, Supplier<Producer<String, byte[]>> renew, SeenCache seen,
      IngestMetrics metrics, int maxArticlesPerTransaction, int attempts) {
    this.producer = producer;
    this.renew = renew;
    this.seen = seen;
    this.metrics = metrics;
    this.maxArticlesPerTransaction = maxArticlesPerTransaction;
    this.attempts = attempts;
  }

  /**
   * Registers the transactional id with the broker: fences any older producer with the same id and aborts what it left
   * open. Call before loading {@code ingest.seen}, so read_committed reads are not held back by that open transaction.
   */
  public static void initTransactions(Producer<?, ?> producer) {
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      throw new IngestFatalException("cannot initialise the transactional producer: " + e, e);
    }
  }

  /**
   * Publishes {@code a} unless this exact version was published before.
   *
   * @throws SkipException {@link SkipReason#BODY_TOO_LARGE} when the record would exceed the request size
   * @throws IngestFatalException when publishing cannot go on safely
   */
  public Outcome offer(Article a) throws SkipException {
    String known = pendingSeen.containsKey(a.id()) ? pendingSeen.get(a.id()) : seen.get(a.id());
    if (a.contentHash().equals(known)) {
      metrics.duplicate();
      return Outcome.DUPLICATE;
    }
    byte[] value = Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), a);
    if (value.length > MAX_VALUE_BYTES) {
      throw new SkipException(SkipReason.BODY_TOO_LARGE, "article record is " + value.length + " bytes");
    }
    byte[] seenValue = Topics.INGEST_SEEN.valueSerde().serializer()
        .serialize(Topics.INGEST_SEEN.name(), new SeenArticle(a.id(), a.contentHash(), a.url()));
    add(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), a.id(), value));
    add(new ProducerRecord<>(Topics.INGEST_SEEN.name(), a.id(), seenValue));
    pendingSeen.put(a.id(), a.contentHash());
    Outcome outcome = known == null ? Outcome.PUBLISHED : Outcome.UPDATED;
    if (outcome == Outcome.PUBLISHED) {
      pendingPublished++;
    } else {
      pendingUpdated++;
    }
    if (pendingPublished + pendingUpdated >= maxArticlesPerTransaction) {
      commit();
    }
    return outcome;
  }

  /** Writes a feed's HTTP state in the open transaction. */
  public void feedState(FeedState state) {
    byte[] value = Topics.INGEST_FEEDS.valueSerde().serializer().serialize(Topics.INGEST_FEEDS.name(), state);
    add(new ProducerRecord<>(Topics.INGEST_FEEDS.name(), state.url(), value));
  }

  private void add(ProducerRecord<String, byte[]> record) {
    ensureUsable();
    pending.add(record);
    try {
      if (!inTransaction) {
        producer.beginTransaction();
        inTransaction = true;
      }
      producer.send(record);
    } catch (KafkaException e) {
      // The batch is kept; commit() aborts and resends it, or gives up with a fatal error.
      recover(e, 1, false);
    }
  }

  /** Commits the open transaction (if any) and only then counts and remembers its articles. */
  public void commit() {
    ensureUsable();
    if (!inTransaction) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        producer.commitTransaction();
        break;
      } catch (TimeoutException e) {
        // A timed-out commit must be retried as a commit (an abort is refused at this point).
        if (attempt >= attempts) {
          throw fatal("commit timed out " + attempt + " times", e);
        }
        log.warn("Commit of {} records timed out (attempt {}/{}); retrying", pending.size(), attempt, attempts);
      } catch (KafkaException e) {
        recover(e, attempt, true);
      }
    }
    inTransaction = false;
    renewals = 0;
    pendingSeen.forEach(seen::put);
    metrics.published(pendingPublished);
    metrics.updated(pendingUpdated);
    pending.clear();
    pendingSeen.clear();
    pendingPublished = 0;
    pendingUpdated = 0;
  }

  /**
   * Aborts the failed transaction and resends its records in a new one (retrying), or fails for good.
   *
   * @param committing the failure came from {@code commitTransaction}: then an INVALID_TXN_STATE may mean the
   *     transaction was committed after all, and resending it could publish it twice, so it stays fatal
   */
  private void recover(KafkaException first, int firstAttempt, boolean committing) {
    KafkaException e = first;
    for (int attempt = firstAttempt; ; attempt++) {
      if (!committing && renewable(e)) {
        renewals++;
        log.warn("The transaction coordinator rejected this producer's transaction state ({}); a new producer with the"
            + " same transactional id takes over and resends the {} records of the open transaction", e.getMessage(),
            pending.size());
        try {
          renewProducer();
          resendPending();
          return;
        } catch (KafkaException again) {
          e = again;
          continue;
        }
      }
      if (isFatal(e)) {
        throw fatal("the producer cannot continue safely", e);
      }
      if (attempt >= attempts) {
        throw fatal("giving up after " + attempt + " attempts to write " + pending.size() + " records", e);
      }
      log.warn("Transaction of {} records failed (attempt {}/{}): {}; aborting and resending", pending.size(), attempt,
          attempts, e.toString());
      try {
        producer.abortTransaction();
        inTransaction = false;
        resendPending();
        return;
      } catch (KafkaException again) {
        e = again;
      }
    }
  }

  /** A new transaction holding every record of the failed one. */
  private void resendPending() {
    producer.beginTransaction();
    inTransaction = true;
    for (ProducerRecord<String, byte[]> r : pending) {
      producer.send(r);
    }
  }

  /**
   * Under transactions v2 a bulk load of many small transactions occasionally gets INVALID_TXN_STATE for a commit the
   * coordinator had already completed ("state is COMPLETE_COMMIT, but received transaction marker result to send:
   * COMMIT"), and the client then refuses every call. The committed transaction is safe; the open one was never
   * committed, so a new producer with the same transactional id (its initTransactions aborts what is open) can send it
   * again, exactly once.
   */
  private boolean renewable(KafkaException e) {
    if (renew == null || renewals >= MAX_RENEWALS) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidTxnStateException) {
        return true;
      }
    }
    return false;
  }

  private void renewProducer() {
    inTransaction = false;
    try {
      producer.close(Duration.ZERO);
    } catch (RuntimeException x) {
      log.debug("Closing the rejected producer: {}", x.toString());
    }
    producer = renew.get();
    producer.initTransactions();
  }

  private static boolean isFatal(KafkaException e) {
    return e instanceof ProducerFencedException
        || e instanceof InvalidProducerEpochException
        || e instanceof OutOfOrderSequenceException
        || e instanceof AuthorizationException
        || e instanceof UnsupportedVersionException;
  }

  private IngestFatalException fatal(String what, KafkaException e) {
    failed = true;
    if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException) {
      return new IngestFatalException("another producer started with this producer's transactional id and took over"
          + " (fenced): give each producer of the same sources its own --set ingest.transactional.id=NAME", e);
    }
    return new IngestFatalException("publishing to Kafka failed, stopping so no article is lost: " + what + ": " + e,
        e);
  }

  private void ensureUsable() {
    if (failed) {
      throw new IllegalStateException("the publisher stopped after a fatal error");
    }
  }

  /** Records written and not yet committed (for tests and the shutdown log). */
  public int pendingRecords() {
    return pending.size();
  }

  public boolean failed() {
    return failed;
  }

  /** Commits what is open (unless a fatal error happened) and closes the producer. */
  public void close(Duration timeout) {
    try {
      if (!failed && inTransaction) {
        commit();
      }
    } finally {
      producer.close(timeout);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
