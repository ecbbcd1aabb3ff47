package app.baton.console;

import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Queue;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import app.baton.security.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code of the console's fixed vocabularies has a plain label (a new enum value without one fails here). */
class LabelsTests {

    private final Labels labels = new Labels();

    @Test
    void everyFixedCodeHasALabel() {
        List<String> missing = new ArrayList<>();
        check("taskType", TaskType.values(), missing);
        check("status", TaskStatus.values(), missing);
        check("queue", Queue.values(), missing);
        check("role", Role.values(), missing);
        check("program", Program.values(), missing);
        check("stage", Stage.values(), missing);
        check("priority", Priority.values(), missing);
        check("move", TaskStatus.values(), missing);
        assertThat(missing).isEmpty();
        assertThat(labels.of("move", "BLOCKED_MISSING_INFO")).isEqualTo("Mark blocked: missing information");
        assertThat(labels.of("queue", "NOT_A_QUEUE")).as("a code without a label shows as it is").isEqualTo("NOT_A_QUEUE");
    }

    private void check(String kind, Enum<?>[] codes, List<String> missing) {
        for (Enum<?> code : codes) {
            if (!labels.has(kind, code.name())) {
                missing.add(kind + "." + code.name());
            }
        }
    }
}
