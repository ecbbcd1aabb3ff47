package app.baton.review;

import java.util.UUID;

/** A running impact analysis was cancelled; published in the transaction that marks it. */
public record ImpactAnalysisCancelled(UUID analysisId, int version, long processed) {
}
