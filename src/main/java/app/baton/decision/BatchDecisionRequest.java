package app.baton.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of POST /api/v1/decisions/batch: up to 1,000 decision requests, answered in order. */
public record BatchDecisionRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid DecisionRequest> requests) {
}
