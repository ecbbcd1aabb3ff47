package app.baton.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The starter rule pack as it lies in the repository, for tests that run without Spring. */
public final class StarterFiles {

    private StarterFiles() {
    }

    public static List<RuleFile> load() {
        return Stream.of("rules", "decision-tables", "test-scenarios")
                .flatMap(StarterFiles::walk)
                .sorted()
                .map(StarterFiles::read)
                .toList();
    }

    private static Stream<Path> walk(String root) {
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleFile read(Path path) {
        try {
            return new RuleFile(path.toString().replace('\\', '/'), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
