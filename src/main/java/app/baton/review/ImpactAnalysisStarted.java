package app.baton.review;

import java.util.UUID;

/** A replay of recorded decisions against a candidate version was started; published in the transaction that stores it. */
public record ImpactAnalysisStarted(UUID analysisId, int version, String sampleKind, int sampleSize) {
}
