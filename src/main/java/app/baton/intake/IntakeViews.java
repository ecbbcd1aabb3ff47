package app.baton.intake;

import app.baton.careplan.JsonColumns;
import app.baton.careplan.Plans;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import org.springframework.stereotype.Component;

import java.util.List;

/** Builds an intake's view from what is stored: its status, plan, and the held task's missing fields. */
@Component
public class IntakeViews {

    private final Tasks tasks;
    private final Plans plans;
    private final JsonColumns json;

    IntakeViews(Tasks tasks, Plans plans, JsonColumns json) {
        this.tasks = tasks;
        this.plans = plans;
        this.json = json;
    }

    public IntakeView of(Intakes.IntakeRow intake) {
        TaskRow held = tasks.holdingIntake(intake.id()).stream().reduce((first, second) -> second).orElse(null);
        boolean isHeld = intake.status() == Intakes.Status.HELD || held != null && held.status().isOpen();
        return new IntakeView(intake.id(), intake.sourceSystem(), intake.sourceId(), intake.kind().name(), intake.status().name(),
                intake.facts().program().name(), intake.patientId(), intake.planId(), held == null ? null : held.id(),
                isHeld && held != null ? held.missingInfo() : List.of(), version(intake, held),
                intake.receivedAt(), intake.releasedAt());
    }

    private int version(Intakes.IntakeRow intake, TaskRow held) {
        if (intake.planId() != null) {
            return plans.find(intake.planId()).map(Plans.PlanRow::ruleSetVersion).orElse(0);
        }
        return held == null ? 0 : held.ruleSetVersion();
    }

    String json(IntakeView view) {
        return json.write(view);
    }

    IntakeView read(String stored) {
        return json.read(stored, IntakeView.class);
    }
}
