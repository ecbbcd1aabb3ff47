package app.baton.review;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;

import java.util.List;

/** Which recorded decisions to replay: those of the last N days, or the last N. Exactly one. */
public record ImpactAnalysisRequest(
        @Schema(description = "replay the decisions recorded in the last N days (at most 3,650; the newest 1,000,000 of them)")
        @Positive @Max(MAX_DAYS) Integer lastDays,
        @Schema(description = "replay the last N recorded decisions (at most 1,000,000)")
        @Positive @Max(MAX_DECISIONS) Integer lastDecisions) {

    static final int MAX_DAYS = 3650;
    static final int MAX_DECISIONS = 1_000_000;

    /** Throws a 400 naming the fields when neither or both are given. */
    void requireOne() {
        if (lastDays == null && lastDecisions == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                    "give lastDays or lastDecisions", List.of(
                    new Problems.FieldError("lastDays", "give lastDays or lastDecisions"),
                    new Problems.FieldError("lastDecisions", "give lastDays or lastDecisions")));
        }
        if (lastDays != null && lastDecisions != null) {
            throw PathValues.invalid("lastDecisions", "give lastDays or lastDecisions, not both");
        }
    }

    String kind() {
        return lastDays != null ? "LAST_DAYS" : "LAST_DECISIONS";
    }

    int size() {
        return lastDays != null ? lastDays : lastDecisions;
    }
}
