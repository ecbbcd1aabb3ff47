package app.baton;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold (no cycles, no reach into another module's internals); writes docs/modules. */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");
    private static final Path WRITTEN = Path.of("target/modules");

    private final ApplicationModules modules = ApplicationModules.of(BatonApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * Writes the diagrams and canvases to target/, then copies to docs/modules only the files whose content changed.
     * Spring Modulith lists a module's events and beans in no fixed order, so a file that holds the same lines in
     * another order is left as it is: a run with nothing changed leaves docs/modules untouched.
     */
    @Test
    void writesTheModuleDiagram() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(DOCS);
        try (Stream<Path> written = Files.list(WRITTEN)) {
            List<Path> files = written.filter(Files::isRegularFile).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                Path doc = DOCS.resolve(file.getFileName().toString());
                if (!Files.exists(doc) || !sameLines(file, doc)) {
                    Files.copy(file, doc, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean sameLines(Path a, Path b) {
        return lines(a).equals(lines(b));
    }

    /**
     * A file's lines with each table cell's items in sorted order. In a canvas a line starting with {@code |} opens a
     * cell (and its first item, if it is a list), and the lines after it up to the next cell are the rest of its list:
     * the same items in another order are the same cell, an item moved to another cell is a change.
     */
    private static List<String> lines(Path file) {
        try {
            List<String> normalized = new ArrayList<>();
            List<String> cell = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("|")) {
                    closeCell(normalized, cell);
                    normalized.add("|");
                    line = line.substring(1);
                }
                cell.add(line);
            }
            closeCell(normalized, cell);
            return normalized;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeCell(List<String> normalized, List<String> cell) {
        cell.sort(null);
        normalized.addAll(cell);
        cell.clear();
    }
}
