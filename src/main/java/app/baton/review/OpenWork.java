package app.baton.review;

import app.baton.engine.model.CaseInput;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The open tasks as they stand now, for an impact analysis to evaluate against its candidate version. The module
 * that owns the tasks implements it; the analysis only reads through it, in id order, a page at a time.
 */
public interface OpenWork {

    /** Open tasks at these locations ({@code locations} null: every location). */
    long count(Set<String> locations);

    /** The next {@code size} open tasks after {@code after} (exclusive) in id order, at these locations (null: all). */
    List<OpenTask> page(UUID after, int size, Set<String> locations);

    /**
     * One open task: what it shows now (queue, due date, missing fields, prompt code), the decision that set that,
     * and the input the rules are asked about it (its kept facts and the task itself). Ids and codes only.
     */
    /** One open task as it stands; {@code input} is null when its stored facts cannot be read (tallied as a failure, not fatal). */
    record OpenTask(UUID id, UUID decisionId, String queue, OffsetDateTime dueAt, List<String> missingInfo, String prompt,
                    CaseInput input) {
    }
}
