package app.baton.decision;

import app.baton.system.ApiException;
import org.springframework.http.HttpStatus;

/** More decisions are waiting to be recorded than the queue holds: shed load rather than lose records. */
class RecorderBusyException extends ApiException {

    RecorderBusyException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Baton is overloaded",
                "too many decisions are waiting to be recorded; retry with the same requestId");
    }
}
