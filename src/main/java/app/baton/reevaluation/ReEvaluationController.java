package app.baton.reevaluation;

import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Re-evaluating open work with the active rule set version, explicitly. */
@RestController
@RequestMapping(path = "/api/v1/tracker/re-evaluations", produces = "application/json")
@Tag(name = "Re-evaluation", description = "Open tasks keep their dates under a new rule set version until this is applied")
class ReEvaluationController {

    private final ReEvaluations reEvaluations;
    private final ReEvaluationRuns runs;

    ReEvaluationController(ReEvaluations reEvaluations, ReEvaluationRuns runs) {
        this.reEvaluations = reEvaluations;
        this.runs = runs;
    }

    @GetMapping
    @Operation(summary = "Applied re-evaluations, newest first, with their progress", description = "The last 20 applied "
            + "re-evaluations: status (RUNNING, COMPLETED), processed of total open tasks with a percent, and what each changed so far. "
            + "Counts only, no patient data.")
    List<ReEvaluationRuns.Run> runs() {
        return runs.recent(20);
    }

    @Schema(description = "preview (default true): count what would change without changing it")
    record Request(Boolean preview) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Re-evaluate open tasks with the active version", description = "preview=true (the default) answers how "
            + "many open tasks' due dates and queues would change, with up to 20 examples, and in report the open-task part of an impact "
            + "analysis of the active version (every change by kind); preview=false applies it. Only the open tasks "
            + "at the caller's locations (all of them for a caller with every location). Audited.")
    ReEvaluations.Report run(@RequestBody(required = false) Request request) {
        boolean preview = request == null || request.preview() == null || request.preview();
        Identity caller = CurrentIdentity.find().orElseThrow(() -> new IllegalStateException("no caller on an authenticated path"));
        return reEvaluations.run(!preview, caller.locations().contains(Identity.ALL_LOCATIONS) ? null : caller.locations());
    }
}
