package app.baton.decision;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.List;

/** The idempotency key was used before with a different body. */
class IdempotencyConflictException extends ApiException {

    IdempotencyConflictException(String field) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "The idempotency key was used for another request",
                "this key already answered a request with a different body; use a new key for a new request",
                List.of(new Problems.FieldError(field, "already used with a different body")));
    }
}
