package app.baton.engine.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
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
    private final LocalDate birthDate;
    private final OffsetDateTime dischargeAt;
    private final Integer chronicConditions;
    private final OffsetDateTime previousTcmDischargeAt;
    private final boolean inHospice;
    private final boolean deceased;
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
        this(null, new CaseInput.CarePlan(null, program, null, complexity, null, null, null, null, null, null, null,
                dischargeSetting, dischargeDestination, null, null, null), asOf);
    }

    /** The plan a patient's intake asks for, with every plan-level fact the plan template may read. */
    public PlanCase(CaseInput.Patient patient, CaseInput.CarePlan carePlan, ZonedDateTime asOf) {
        this.program = carePlan.program();
        this.complexity = carePlan.complexity();
        this.dischargeSetting = carePlan.dischargeSetting();
        this.dischargeDestination = carePlan.dischargeDestination();
        this.dischargeAt = carePlan.dischargeAt();
        this.chronicConditions = carePlan.chronicConditions();
        this.previousTcmDischargeAt = carePlan.previousTcmDischargeAt();
        this.birthDate = patient == null ? null : patient.birthDate();
        this.inHospice = patient != null && Boolean.TRUE.equals(patient.inHospice());
        this.deceased = patient != null && patient.deceasedAt() != null && !patient.deceasedAt().toInstant().isAfter(asOf.toInstant());
        this.asOf = asOf;
    }

    // ---- inputs, as the rules see them

    public String getProgram() { return program.name(); }
    public String getComplexity() { return complexity == null ? null : complexity.name(); }
    public String getDischargeSetting() { return dischargeSetting == null ? null : dischargeSetting.name(); }
    public String getDischargeDestination() { return dischargeDestination == null ? null : dischargeDestination.name(); }

    /**
     * Whole years of age on the discharge date (HEDIS: "as of the date of discharge"; the as-of date without a discharge),
     * or {@link TaskCase#NEVER} without a birth date, so that "under N" never matches an unknown age.
     */
    public int getAgeAtDischarge() {
        if (birthDate == null) {
            return TaskCase.NEVER;
        }
        LocalDate on = dischargeAt == null ? asOf.toLocalDate() : dischargeAt.atZoneSameInstant(asOf.getZone()).toLocalDate();
        return Period.between(birthDate, on).getYears();
    }

    /**
     * How many chronic conditions expected to last at least 12 months (or until death) the patient has, as the
     * practice recorded them (carePlan.chronicConditions), or {@link TaskCase#NEVER} when not given.
     */
    public int getChronicConditions() { return chronicConditions == null ? TaskCase.NEVER : chronicConditions; }

    /**
     * Calendar days from the discharge date of the patient's previous TCM service period (carePlan.previousTcmDischargeAt)
     * to this discharge's date, or {@link TaskCase#NEVER} without one (or without this discharge).
     */
    public int getDaysSincePreviousTcmDischarge() {
        if (previousTcmDischargeAt == null || dischargeAt == null) {
            return TaskCase.NEVER;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(previousTcmDischargeAt.atZoneSameInstant(asOf.getZone()).toLocalDate(),
                dischargeAt.atZoneSameInstant(asOf.getZone()).toLocalDate());
        return days < 0 ? TaskCase.NEVER : (int) days;
    }

    /** Whether the patient is in hospice or has used hospice services (patient.inHospice). */
    public boolean isInHospice() { return inHospice; }

    /** Whether the patient has died (patient.deceasedAt at or before the as-of instant). */
    public boolean isDeceased() { return deceased; }

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
            steps.set(last, new PlanStep(step.taskType(), TaskType.valueOf(taskType.trim()), step.rule(), step.monthly()));
        }
    }

    /**
     * Plan template, "Repeats" column: {@code MONTHLY} makes the row's task come back each month (CCM's monthly review):
     * when the month's task is closed, the tracker makes the next month's.
     */
    public void repeats(String every) {
        if (!"MONTHLY".equals(every.trim())) {
            throw new IllegalArgumentException("rule " + firingRule + ": a task repeats MONTHLY, not " + every.trim());
        }
        int last = steps.size() - 1;
        if (last >= 0 && steps.get(last).rule().equals(firingRule)) {
            PlanStep step = steps.get(last);
            steps.set(last, new PlanStep(step.taskType(), step.after(), step.rule(), true));
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
