package app.baton.careplan;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.Collection;
import java.util.List;

/** The tracker's problem details (types documented in docs/tracker.md). None carries patient data. */
public final class TrackerProblems {

    private TrackerProblems() {
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no " + what + " with this id");
    }

    public static ApiException stale(int sent, int current) {
        return new ApiException(HttpStatus.CONFLICT, "stale-version", "Someone changed this first",
                "you sent version " + sent + " but the task is at version " + current + "; read it again and retry your change",
                List.of(new Problems.FieldError("version", "stale: current version is " + current)));
    }

    public static ApiException illegalTransition(String from, String to, Collection<?> allowed, String why) {
        String list = allowed.isEmpty() ? "none (" + from + " is final)" : String.join(", ", allowed.stream().map(Object::toString).toList());
        return new ApiException(HttpStatus.CONFLICT, "illegal-transition", "This status change is not allowed",
                "a " + from + " task cannot become " + to + (why == null ? "" : " (" + why + ")") + "; allowed: " + list,
                List.of(new Problems.FieldError("status", "allowed from " + from + ": " + list)));
    }

    static ApiException planLocked() {
        return new ApiException(HttpStatus.CONFLICT, "plan-closed", "The care plan is closed",
                "the care plan is closed and locked: nothing on it can change; reopen it (POST /api/v1/plans/{id}/reopening) with a reason first");
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "field '" + field + "' is not valid",
                List.of(new Problems.FieldError(field, message)));
    }
}
