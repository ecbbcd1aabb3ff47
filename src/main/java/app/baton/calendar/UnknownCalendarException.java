package app.baton.calendar;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.List;

/** The request named a holiday calendar or time zone that Baton does not know. */
public class UnknownCalendarException extends ApiException {

    private final String field;

    public UnknownCalendarException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", message,
                List.of(new Problems.FieldError(field, message)));
        this.field = field;
    }

    /** The request field at fault: practice.calendar or practice.timeZone. */
    public String field() {
        return field;
    }
}
