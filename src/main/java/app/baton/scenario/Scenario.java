package app.baton.scenario;

import app.baton.engine.model.CaseInput;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One scenario as a clinical lead writes it: a description, the task as the decision API would
 * receive it ("given"), and what the rules must decide ("expect"). Only the expectations that are
 * written are checked; a written empty list means "none". {@code planSteps} and
 * {@code closureChecklist} check the plan tables for the given care plan and patient (program, complexity, discharge
 * setting and destination, age, chronic conditions, an earlier TCM discharge, hospice, death); {@code notEligible} the reason the plan template gives for making no plan at all;
 * {@code closesTaskAs} the status (DONE, CANCELLED, or {@code none}) the next-best action closes the task with.
 */
public record Scenario(String file, int index, String description, OffsetDateTime asOf, CaseInput given, Expect expect) {

    public record Expect(String queue, String role, OffsetDateTime dueAt, String slaBasis,
                         List<String> missingInfo, List<String> nextBestActions, List<String> escalations,
                         List<String> planSteps, List<String> closureChecklist, String notEligible, String closesTaskAs) {

        /** The status the first next-best action closes the task with; {@value #STAYS_OPEN} when it must stay open. */
        public static final String STAYS_OPEN = "none";

        public Expect(String queue, String role, OffsetDateTime dueAt, String slaBasis, List<String> missingInfo,
                      List<String> nextBestActions, List<String> escalations, List<String> planSteps, List<String> closureChecklist,
                      String notEligible) {
            this(queue, role, dueAt, slaBasis, missingInfo, nextBestActions, escalations, planSteps, closureChecklist, notEligible, null);
        }

        public Expect(String queue, String role, OffsetDateTime dueAt, String slaBasis, List<String> missingInfo,
                      List<String> nextBestActions, List<String> escalations, List<String> planSteps, List<String> closureChecklist) {
            this(queue, role, dueAt, slaBasis, missingInfo, nextBestActions, escalations, planSteps, closureChecklist, null, null);
        }

        boolean checksPlan() {
            return planSteps != null || closureChecklist != null || notEligible != null;
        }
    }
}
