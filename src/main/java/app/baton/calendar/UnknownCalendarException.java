package app.baton.calendar;

/** The request named a holiday calendar or time zone that Baton does not know. */
public class UnknownCalendarException extends RuntimeException {

    private final String field;

    public UnknownCalendarException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
