package app.baton.decision;

import java.util.List;

/** The decisions of a batch, in the order of its requests. */
public record BatchDecisionResponse(List<DecisionResponse> decisions) {
}
