package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Claim;
import io.flightwatch.common.TextFingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The claim-keyed stage: every report of one statistic meets here (the claims topic is keyed by canonical claim key),
 * and each record updates a constant number of store entries, whatever the number of articles behind the claim.
 *
 * <ul>
 *   <li>{@code claim-supports-store}: (claim key, article) -> that article's report ({@link Support});</li>
 *   <li>{@code claim-summaries-store}: claim key -> {@link ClaimSummary} (the counted view, bounded);</li>
 *   <li>{@code claim-outlets-store}: (claim key, outlet) -> supports from that outlet, so independent sources are
 *       counted by their 0 -> 1 and 1 -> 0 transitions;</li>
 *   <li>{@code claim-copies-store}: (claim key, fingerprint band) -> the first article with that band, to find the
 *       original a syndicated copy repeats ({@link TextFingerprint});</li>
 *   <li>{@code claim-rank-store}: (kind or "*", sources descending, claim key) -> "", the order {@code /api/claims}
 * lists.</li>
 * </ul>
 *
 * <p>Only withdrawing the representative, an evidence article or the first-published one rescans the claim's supports
 * (one prefix range); adding never does. Each change goes on, per role, to the country it counts for as a
 * {@link CountryChange}; a claim whose country changes (a named person's origin, reported differently) moves its
 * article references with it.
 */
final class ClaimSupports implements Processor<String, Claim, String, CountryChange> {

  /** Characters of an evidence sentence kept per stored support: a 100 KB "quote" must not become a 100 KB entry. */
  static final int MAX_QUOTE_CHARS = 2_000;

  private KeyValueStore<String, Support> supports;
  private KeyValueStore<String, ClaimSummary> summaries;
  private KeyValueStore<String, Long> outlets;
  private KeyValueStore<String, String> copies;
  private KeyValueStore<String, String> rank;
  private ProcessorContext<String, CountryChange> context;
  private int outletDelta;

  @Override
  public void init(ProcessorContext<String, CountryChange> context) {
    this.context = context;
    supports = context.getStateStore(AggregatorTopology.CLAIM_SUPPORTS_STORE);
    summaries = context.getStateStore(AggregatorTopology.CLAIM_SUMMARIES_STORE);
    outlets = context.getStateStore(AggregatorTopology.CLAIM_OUTLETS_STORE);
    copies = context.getStateStore(AggregatorTopology.CLAIM_COPIES_STORE);
    rank = context.getStateStore(AggregatorTopology.CLAIM_RANK_STORE);
  }

  @Override
  public void process(Record<String, Claim> record) {
    String key = record.key();
    Claim c = record.value();
    // Event time from the data (publication, else the record's own timestamp), never the clock: replays agree.
    Instant t = c.publishedAt() != null ? c.publishedAt() : Instant.ofEpochMilli(record.timestamp());
    String article = c.articleId();
    Support held = supports.get(StoreKeys.join(key, article));
    if (c.retracted() && (held == null
        || (c.articleVersion() != null && !c.articleVersion().equals(held.claim().articleVersion())))) {
      return; // stale: a newer version of the article already re-asserted the claim, or it never did
    }
    outletDelta = 0;
    if (held != null) {
      withdraw(key, held);
    }
    Claim added = null;
    if (!c.retracted()) {
      added = c.withQuoteAtMost(MAX_QUOTE_CHARS);
      store(key, added);
    }
    int articleDelta = c.retracted() ? -1 : held == null ? 1 : 0;
    ClaimSummary before = summaries.get(key);
    ClaimSummary after = summarise(key, before, article, held != null, added, articleDelta, t);
    reindex(before, after);
    route(record, key, before == null ? null : before.view(), after == null ? null : after.view(), article,
        articleDelta, t);
  }

  // --- supports, outlets and copies
  // --------------------------------------------------------------------------------------

  private void store(String key, Claim c) {
    String outlet = originalOutlet(key, c);
    supports.put(StoreKeys.join(key, c.articleId()), new Support(c, outlet));
    String ok = StoreKeys.join(key, outlet);
    Long n = outlets.get(ok);
    outlets.put(ok, n == null ? 1L : n + 1);
    if (n == null) {
      outletDelta++;
    }
    for (String band : TextFingerprint.bands(c.fingerprint())) {
      String bk = StoreKeys.join(key, band);
      if (copies.get(bk) == null) {
        copies.put(bk, c.articleId());
      }
    }
  }

  private void withdraw(String key, Support held) {
    Claim c = held.claim();
    supports.delete(StoreKeys.join(key, c.articleId()));
    String ok = StoreKeys.join(key, held.outlet());
    Long n = outlets.get(ok);
    if (n == null || n <= 1) {
      outlets.delete(ok);
      outletDelta--;
    } else {
      outlets.put(ok, n - 1);
    }
    for (String band : TextFingerprint.bands(c.fingerprint())) {
      String bk = StoreKeys.join(key, band);
      if (c.articleId().equals(copies.get(bk))) {
        copies.delete(bk);
      }
    }
  }

  /**
   * The outlet a report counts for: that of an earlier report of the same claim whose text it nearly repeats (a
   * syndicated copy under another URL), else its own.
   */
  private String originalOutlet(String key, Claim c) {
    String own = c.outletOrDerived();
    for (String band : TextFingerprint.bands(c.fingerprint())) {
      String other = copies.get(StoreKeys.join(key, band));
      if (other == null || other.equals(c.articleId())) {
        continue;
      }
      Support s = supports.get(StoreKeys.join(key, other));
      if (s != null && TextFingerprint.distance(c.fingerprint(), s.claim().fingerprint())
          <= TextFingerprint.COPY_DISTANCE) {
        return s.outlet();
      }
    }
    return own;
  }

  // --- the summary
  // -------------------------------------------------------------------------------------------------------

  private ClaimSummary summarise(String key, ClaimSummary before, String article, boolean replaced, Claim added,
      int articleDelta, Instant t) {
    int articles = (before == null ? 0 : before.view().articleCount()) + articleDelta;
    if (articles <= 0) {
      summaries.delete(key);
      return null;
    }
    List<Claim> ranked = new ArrayList<>();
    Claim first = null;
    if (before == null) {
      ranked.add(added); // a new claim: its one support is all there is
      first = added;
    } else if (!(replaced && before.rests(article))) {
      for (String id : before.evidence()) {
        Support s = supports.get(StoreKeys.join(key, id));
        if (s != null) {
          ranked.add(s.claim());
        }
      }
      Support f = before.firstArticle() == null ? null : supports.get(StoreKeys.join(key, before.firstArticle()));
      first = f == null ? null : f.claim();
      if (added != null) {
        ranked = keepBest(ranked, added);
        first = earlier(first, added);
      }
    }
    if (ranked.isEmpty()) {
      first = null;
      try (KeyValueIterator<String, Support> it = supports.prefixScan(StoreKeys.prefix(key), new StringSerializer())) {
        while (it.hasNext()) {
          Claim s = it.next().value.claim();
          ranked = keepBest(ranked, s);
          first = earlier(first, s);
        }
      }
    }
    boolean dated = first != null && first.publishedAt() != null;
    String month = dated ? Months.of(first.publishedAt()) : Months.UNDATED;
    Instant updated = before == null || t.isAfter(before.view().updatedAt()) ? t : before.view().updatedAt();
    int sources = (before == null ? 0 : before.view().sourceCount()) + outletDelta;
    ClaimView view = ClaimView.of(key, ranked, month, dated ? first.publishedAt() : null, updated, sources, articles);
    ClaimSummary after = new ClaimSummary(view, ranked.stream().map(Claim::articleId).toList(),
        dated ? first.articleId() : null, dated ? first.publishedAt() : null);
    summaries.put(key, after);
    return after;
  }

  private static List<Claim> keepBest(List<Claim> ranked, Claim c) {
    List<Claim> next = new ArrayList<>(ranked);
    next.removeIf(r -> r.articleId().equals(c.articleId()));
    next.add(c);
    next.sort(ClaimSummary.PREFERENCE);
    return next.size() > ClaimView.EVIDENCE ? new ArrayList<>(next.subList(0, ClaimView.EVIDENCE)) : next;
  }

  private static Claim earlier(Claim a, Claim b) {
    if (a == null) {
      return b;
    }
    return ClaimSummary.FIRST_PUBLISHED.compare(b, a) < 0 ? b : a;
  }

  private void reindex(ClaimSummary before, ClaimSummary after) {
    if (before != null) {
      ClaimView v = before.view();
      rank.delete(StoreKeys.claimRank(StoreKeys.ALL_KINDS, v.sourceCount(), v.key()));
      rank.delete(StoreKeys.claimRank(v.kind(), v.sourceCount(), v.key()));
    }
    if (after != null) {
      ClaimView v = after.view();
      rank.put(StoreKeys.claimRank(StoreKeys.ALL_KINDS, v.sourceCount(), v.key()), "");
      rank.put(StoreKeys.claimRank(v.kind(), v.sourceCount(), v.key()), "");
    }
  }

  // --- on to the countries
  // -----------------------------------------------------------------------------------------------

  private void route(Record<String, Claim> record, String key, ClaimView before, ClaimView after, String article,
      int articleDelta, Instant t) {
    List<String> current = null; // the claim's articles, read once and only when it changes country
    for (Role role : Role.values()) {
      String was = before == null ? null : before.country(role);
      String now = after == null ? null : after.country(role);
      if (Objects.equals(was, now)) {
        if (now != null) {
          send(record, new CountryChange(now, role, key, before, after, article, articleDelta, t));
        }
        continue;
      }
      // The claim changes country in this role: its old country loses it and every article reference, the new one gains
      // them. Rare (a named person's origin reported differently), and bounded by the claim's supports.
      if (current == null) {
        current = currentArticles(key);
      }
      if (was != null) {
        send(record, new CountryChange(was, role, key, before, null, null, 0, t));
        for (String a : articlesBefore(current, article, articleDelta)) {
          send(record, new CountryChange(was, role, key, null, null, a, -1, t));
        }
      }
      if (now != null) {
        send(record, new CountryChange(now, role, key, null, after, null, 0, t));
        for (String a : current) {
          send(record, new CountryChange(now, role, key, null, null, a, 1, t));
        }
      }
    }
  }

  private List<String> currentArticles(String key) {
    List<String> out = new ArrayList<>();
    try (KeyValueIterator<String, Support> it = supports.prefixScan(StoreKeys.prefix(key), new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(kv.value.claim().articleId()));
    }
    return out;
  }

  private static List<String> articlesBefore(List<String> current, String article, int articleDelta) {
    List<String> out = new ArrayList<>(current);
    if (articleDelta > 0) {
      out.remove(article);
    } else if (articleDelta < 0) {
      out.add(article);
    }
    return out;
  }

  private void send(Record<String, Claim> record, CountryChange change) {
    context.forward(record.withKey(change.country()).withValue(change));
  }
}
