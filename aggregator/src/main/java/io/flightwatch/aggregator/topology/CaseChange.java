package io.flightwatch.aggregator.topology;

/**
 * What one claim record changed for one named person's case, sent from the claim-keyed stage to the case-keyed one.
 *
 * @param caseId the case (also the record key)
 * @param before the claim's view before, when it named this case's person (else null)
 * @param after  the claim's view after, when it names this case's person (else null)
 */
public record CaseChange(String caseId, ClaimView before, ClaimView after) {}
