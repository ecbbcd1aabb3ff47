package app.baton.notification;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Query parameters of the lists (page from 0, size up to {@value #MAX_SIZE}) a bad one is a 400 naming it; an id in a path that is not a UUID is a 404. */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final int MAX_PAGE = 100_000;

    static Paging of(String page, String size) {
        List<Problems.FieldError> errors = new ArrayList<>();
        int p = parse("page", page, 0, 0, MAX_PAGE, errors);
        int s = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                    errors.size() + " parameter(s) are not valid", errors);
        }
        return new Paging(p, s);
    }

    int offset() {
        return page * size;
    }

    static UUID id(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            // an id in the path that is not a UUID names nothing (docs/api.md, errors)
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such " + name);
        }
    }

    private static int parse(String name, String value, int fallback, int min, int max, List<Problems.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problems.FieldError(name, "a whole number from " + min + " to " + max));
        return fallback;
    }
}
