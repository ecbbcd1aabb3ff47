package app.baton.console;

import jakarta.validation.ConstraintViolation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Small helpers for reading forms: comma-separated lists, and violations as messages by field. */
public final class Forms {

    private Forms() {
    }

    /** "MAIN_CLINIC, SATELLITE" as a set; blank parts dropped. */
    public static Set<String> list(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Bean Validation's messages keyed by the form field they belong to ("roles[]" becomes "roles"). */
    public static <T> Problem problem(Set<ConstraintViolation<T>> violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<T> v : violations) {
            String field = v.getPropertyPath().iterator().next().getName();
            fields.merge(field, v.getMessage(), (a, b) -> a + "; " + b);
        }
        return new Problem(400, "Please correct the form", null, fields);
    }
}
