package app.baton.decision;

import org.springframework.stereotype.Service;

/**
 * The decision API's path for other ways in (FHIR's Task/$decide): the same evaluation, recording and idempotency as
 * POST /api/v1/decisions ({@link DecisionService}), recorded as asked by the API.
 */
@Service
public class DecisionRequests {

    private final DecisionService service;

    DecisionRequests(DecisionService service) {
        this.service = service;
    }

    /** A decision, and whether it is the stored answer to an earlier request with the same key. */
    public record Answer(DecisionResponse response, boolean replayed) {
    }

    /**
     * Decides and records one request; {@code key} (the caller's idempotency key, or null) returns the first decision when
     * repeated with the same request, and is refused (409) with another.
     */
    public Answer decide(DecisionRequest request, String key) {
        DecisionService.Outcome outcome = service.decide(request, key);
        return new Answer(outcome.response(), outcome.replayed());
    }
}
