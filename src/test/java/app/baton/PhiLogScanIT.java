package app.baton;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test (Maven Failsafe, in the verify phase) and reads the log of the
 * whole test run: no line may hold the patient data the tests sent (member ID, name, birth date,
 * free-text note, referring provider).
 */
class PhiLogScanIT {

    private static final Path RUN_LOG = Path.of("target/test-logs/test-run.log");

    @Test
    void noPatientDataInTheLogsOfTheWholeTestRun() throws IOException {
        List<String> lines = Files.readAllLines(RUN_LOG);

        assertThat(lines).as("the test run's log is there and has content").hasSizeGreaterThan(100);
        assertThat(lines).anyMatch(line -> line.contains("Started "));
        for (String value : PhiValues.ALL) {
            assertThat(lines).as("log lines holding '%s'", value).noneMatch(line -> line.contains(value));
        }
    }
}
