package app.baton.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter passes over matrix entries whose literal start the path lacks; its answers must stay those of
 * matching the path against every entry. Checked for a concrete path of every matrix pattern, its near misses and
 * escaped forms.
 */
class WrongMethodFilterTests {

    private final WrongMethodFilter filter = new WrongMethodFilter(PermissionMatrix.PERMISSIONS, null);

    @Test
    void answersAsMatchingEveryEntryForEveryPathOfTheMatrix() {
        List<String> paths = new ArrayList<>();
        for (PermissionMatrix.Permission permission : PermissionMatrix.PERMISSIONS) {
            String path = permission.pattern().replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "x1").replace("**", "a/b")
                    .replace("*", "x2");
            paths.add(path);
            paths.add(permission.pattern().replaceAll("/\\*\\*$", "").replaceAll("/\\{\\*[^}]*}$", ""));
            paths.add(path + "/more");
            paths.add(path.substring(0, Math.max(1, path.length() - 1)));
            paths.add(path.replaceFirst("^/a", "/%61"));
        }
        paths.add("/api/v1/decisions/batch");
        paths.add("/api/v1/decisions/3f0e1c52-5b7e-4c1e-9d1a-2b7f1b1c0d9e");
        paths.add("/nowhere");
        int answered = 0;
        for (String path : paths) {
            Optional<Set<String>> expected = everyEntry(path);
            assertThat(filter.allowed(path)).as(path).isEqualTo(expected);
            // a literal path's answer is kept after the first call: the kept answer is the same
            assertThat(filter.allowed(path)).as(path + ", asked again").isEqualTo(expected);
            answered += expected.isPresent() ? 1 : 0;
        }
        assertThat(answered).as("paths with a known resource").isGreaterThan(PermissionMatrix.PERMISSIONS.size() / 2);
    }

    @Test
    void aKnownPathListsItsMethods() {
        assertThat(filter.allowed("/api/v1/decisions/batch")).contains(Set.of("POST"));
        assertThat(filter.allowed("/api/v1/decisions")).hasValueSatisfying(methods -> assertThat(methods).contains("GET", "POST"));
    }

    /** The answer without any shortcut: every entry's pattern tried, the most specific matching one chosen. */
    private static Optional<Set<String>> everyEntry(String path) {
        PathContainer container = PathContainer.parsePath(path);
        List<PermissionMatrix.Permission> matching = PermissionMatrix.PERMISSIONS.stream()
                .filter(p -> PathPatternParser.defaultInstance.parse(p.pattern()).matches(container)).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        PathPattern resource = matching.stream().map(p -> PathPatternParser.defaultInstance.parse(p.pattern()))
                .min(PathPattern.SPECIFICITY_COMPARATOR).orElseThrow();
        Set<String> methods = new TreeSet<>();
        for (PermissionMatrix.Permission p : matching) {
            if (p.pattern().equals(resource.getPatternString())) {
                if (p.method() == null) {
                    return Optional.empty();
                }
                methods.add(p.method().name());
            }
        }
        return Optional.of(methods);
    }
}
