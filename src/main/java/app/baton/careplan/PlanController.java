package app.baton.careplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One care plan: read it, change its facts, close it, reopen it. */
@RestController
@RequestMapping(path = "/api/v1/plans", produces = "application/json")
@Tag(name = "Care plans", description = "Plans built from templates, their closure checklist, lock and reopening")
class PlanController {

    private final TrackerAccess access;
    private final PlanWork work;
    private final CarePlanDesk desk;

    PlanController(TrackerAccess access, PlanWork work, CarePlanDesk desk) {
        this.access = access;
        this.work = work;
        this.desk = desk;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a care plan", description = "Its facts (as far as your roles need them), tasks, the template rows "
            + "that made them and the closure checklist as of now. Another location's plan is a 404.")
    PlanView read(@PathVariable String id) {
        return desk.plan(id);
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change a plan's facts", description = "For example the scheduled face-to-face visit (faceToFaceAt), "
            + "which medication reconciliation is due by. Send the plan's version; its open tasks are decided again.")
    PlanView patch(@PathVariable String id, @Valid @RequestBody PlanRequests.PlanPatch patch) {
        return desk.updatePlanFacts(id, patch.fields(), patch.version());
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close a plan", description = "Only when its closure checklist is met (a 409 lists what is not). "
            + "A closed plan is locked: its tasks refuse writes until it is reopened.")
    PlanView close(@PathVariable String id) {
        return desk.closePlan(id);
    }

    @PostMapping(path = "/{id}/reopening", consumes = "application/json")
    @Operation(summary = "Reopen a closed plan", description = "With a reason code (audited) and an optional note.")
    PlanView reopen(@PathVariable String id, @Valid @RequestBody PlanRequests.Reopening reopening) {
        Plans.PlanRow plan = access.plan(id);
        work.reopen(plan.id(), reopening.reason(), reopening.note());
        return view(access.plan(id));
    }

    private PlanView view(Plans.PlanRow plan) {
        return desk.planView(plan);
    }
}
