package app.baton.review;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads version numbers and ids from paths and query strings, answering a 400 that names the field. */
final class PathValues {

    private PathValues() {
    }

    static int version(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "required: a rule set version number");
        }
        try {
            int version = Integer.parseInt(value);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(field, "not a rule set version number (1, 2, ...)");
    }

    /** A version in the path: one that is not a number names nothing, so it is a 404 like an unknown one. */
    static int pathVersion(String value) {
        try {
            int version = Integer.parseInt(value);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "rule-set-not-found", "No such rule set version", "no rule set version with that number");
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "field '" + field + "' is not valid", List.of(new Problems.FieldError(field, message)));
    }

    /** An id that is not a UUID names nothing, so it is simply not found. */
    static Optional<UUID> id(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
