package app.baton.engine.model;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The fact the plan tables decide on: a care plan's program and complexity. The plan template
 * table adds the plan's steps (every matching row, in row order); the closure checklist table adds
 * what must be done before the plan closes.
 */
public final class PlanCase {

    private final Program program;
    private final Complexity complexity;
    private final DischargeSetting dischargeSetting;
    private final DischargeDestination dischargeDestination;
    private String notEligible;
    private String notEligibleRule;
    private final ZonedDateTime asOf;
    private String firingRule;
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<ClosureItem> checklist = new ArrayList<>();

    public PlanCase(Program program, Complexity complexity, ZonedDateTime asOf) {
        this(program, complexity, null, null, asOf);
    }

    public PlanCase(Program program, Complexity complexity, DischargeSetting dischargeSetting,
                    DischargeDestination dischargeDestination, ZonedDateTime asOf) {
        this.program = program;
        this.complexity = complexity;
        this.dischargeSetting = dischargeSetting;
        this.dischargeDestination = dischargeDestination;
        this.asOf = asOf;
    }

    // ---- inputs, as the rules see them

    public String getProgram() { return program.name(); }
    public String getComplexity() { return complexity == null ? null : complexity.name(); }
    public String getDischargeSetting() { return dischargeSetting == null ? null : dischargeSetting.name(); }
    public String getDischargeDestination() { return dischargeDestination == null ? null : dischargeDestination.name(); }

    /** The as-of date as ISO text, for effective-dated rows (as on a task). */
    public String getAsOfDate() { return asOf.toLocalDate().toString(); }

    // ---- results, written by rule consequences

    /** Called by the engine before each rule fires, so every result names its rule. */
    public void firing(String rule) { this.firingRule = rule; }

    /**
     * Plan template, "Not eligible because" column: the care plan must not be made, for this reason (an emergency
     * department visit is not a TCM discharge). The first such row wins; once a row said so, no row adds a step.
     */
    public void notEligible(String reason) {
        if (notEligible == null) {
            notEligible = reason.trim();
            notEligibleRule = firingRule;
            steps.clear();
        }
    }

    /** Plan template, "Task type" column: the plan gets a task of this type (none when a row said it is not eligible). */
    public void step(String taskType) {
        if (notEligible != null) {
            return;
        }
        steps.add(new PlanStep(TaskType.valueOf(taskType.trim()), null, firingRule));
    }

    /** Plan template, "Follows" column: the row's task waits until a task of this type is done. */
    public void after(String taskType) {
        int last = steps.size() - 1;
        if (last >= 0 && steps.get(last).rule().equals(firingRule)) {
            PlanStep step = steps.get(last);
            steps.set(last, new PlanStep(step.taskType(), TaskType.valueOf(taskType.trim()), step.rule()));
        }
    }

    /** Closure checklist, "Must be done" column. */
    public void requireDone(String taskType) {
        checklist.add(new ClosureItem(TaskType.valueOf(taskType.trim()), null, firingRule));
    }

    /** Closure checklist, "Why" column: the reason shown when the item is unmet. */
    public void because(String reason) {
        int last = checklist.size() - 1;
        if (last >= 0 && checklist.get(last).rule().equals(firingRule)) {
            ClosureItem item = checklist.get(last);
            checklist.set(last, new ClosureItem(item.taskType(), reason, item.rule()));
        }
    }

    public List<PlanStep> steps() { return List.copyOf(steps); }
    /** Why the plan must not be made, or null: the reason the plan template gave. */
    public String notEligibleReason() { return notEligible; }
    /** The rule (plan template row) that said the plan must not be made, or null. */
    public String notEligibleRule() { return notEligibleRule; }
    public List<ClosureItem> checklist() { return List.copyOf(checklist); }
}
