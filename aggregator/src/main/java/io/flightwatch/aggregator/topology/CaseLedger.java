package io.flightwatch.aggregator.topology;

import io.flightwatch.common.Case;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The case-keyed stage: one entry per (case, claim) in {@code case-events-store}, and the case rebuilt from its own
 * entries ({@link CaseBuilder}) into {@code cases-store} and the compacted {@code cases} topic; a tombstone when no
 * claim names the person any more. A case's cost is bounded by its own claims (at most {@link #MAX_CLAIMS} are kept),
 * never by the number of cases.
 */
final class CaseLedger implements Processor<String, CaseChange, String, Case> {

  /** Claims kept per case; a person named in more distinct claims than this keeps the first ones. */
  static final int MAX_CLAIMS = 200;

  private final CaseBuilder builder = new CaseBuilder(CaseRules.get());
  private KeyValueStore<String, ClaimView> events;
  private KeyValueStore<String, Case> cases;
  private ProcessorContext<String, Case> context;

  @Override
  public void init(ProcessorContext<String, Case> context) {
    this.context = context;
    events = context.getStateStore(AggregatorTopology.CASE_EVENTS_STORE);
    cases = context.getStateStore(AggregatorTopology.CASES_STORE);
  }

  @Override
  public void process(Record<String, CaseChange> record) {
    CaseChange ch = record.value();
    String id = ch.caseId();
    List<ClaimView> claims = claimsOf(id);
    if (ch.before() != null) {
      events.delete(StoreKeys.join(id, ch.before().key()));
      claims.removeIf(v -> v.key().equals(ch.before().key()));
    }
    if (ch.after() != null
        && (claims.size() < MAX_CLAIMS || events.get(StoreKeys.join(id, ch.after().key())) != null)) {
      events.put(StoreKeys.join(id, ch.after().key()), ch.after());
      claims.removeIf(v -> v.key().equals(ch.after().key()));
      claims.add(ch.after());
    }
    Case c = builder.build(id, claims);
    if (c == null) {
      cases.delete(id);
    } else {
      cases.put(id, c);
    }
    context.forward(record.withKey(id).withValue(c));
  }

  private List<ClaimView> claimsOf(String id) {
    List<ClaimView> out = new ArrayList<>();
    try (KeyValueIterator<String, ClaimView> it = events.prefixScan(StoreKeys.prefix(id), new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }
}
