package app.baton.reevaluation;

import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Re-evaluating open work with the active rule set version, explicitly. */
@RestController
@RequestMapping(path = "/api/v1/tracker/re-evaluations", produces = "application/json")
@Tag(name = "Re-evaluation", description = "Open tasks keep their dates under a new rule set version until this is applied")
class ReEvaluationController {

    static final String PATH = "/api/v1/tracker/re-evaluations";

    private final ReEvaluations reEvaluations;
    private final ReEvaluationRuns runs;

    ReEvaluationController(ReEvaluations reEvaluations, ReEvaluationRuns runs) {
        this.reEvaluations = reEvaluations;
        this.runs = runs;
    }

    @GetMapping
    @Operation(summary = "Applied re-evaluations, newest first, with their progress", description = "The last 20 applied "
            + "re-evaluations: status (RUNNING, COMPLETED, FAILED), processed of total open tasks with a percent, and what each "
            + "changed so far. Counts only, no patient data and no examples (read one run for those).")
    List<ReEvaluationRuns.Run> runs() {
        return runs.recent(20);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One applied re-evaluation", description = "Status (RUNNING, COMPLETED, FAILED with its failure), "
            + "processed of total with a percent, what it changed so far and up to 20 examples. Only a run of the caller's "
            + "locations (any run for a caller with every location); another answers 404.")
    ReEvaluationRuns.Run run(@PathVariable String id) {
        Set<String> mine = locations(caller());
        return parse(id).flatMap(runs::find)
                .filter(run -> mine == null || (run.locations() != null && mine.containsAll(run.locations())))
                .orElseThrow(ReEvaluationController::notFound);
    }

    @Schema(description = "preview (default true): count what would change without changing it")
    record Request(Boolean preview) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Preview, or start applying, a re-evaluation of open tasks with the active version", description =
            "preview=true (the default) answers 200 with how many open tasks' due dates and queues would change, with up to 20 "
            + "examples, and in report the open-task part of an impact analysis of the active version (every change by kind). "
            + "preview=false starts applying it and answers 202 at once with the run (RUNNING) and its Location, "
            + "GET /api/v1/tracker/re-evaluations/{id}, where its progress and result are read. Only the open tasks "
            + "at the caller's locations (all of them for a caller with every location). Audited.")
    ResponseEntity<?> run(@RequestBody(required = false) Request request) {
        boolean preview = request == null || request.preview() == null || request.preview();
        Set<String> locations = locations(caller());
        if (preview) {
            return ResponseEntity.ok(reEvaluations.preview(locations));
        }
        ReEvaluationRuns.Run started = reEvaluations.start(locations);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + started.id())).body(started);
    }

    private static Identity caller() {
        return CurrentIdentity.find().orElseThrow(() -> new IllegalStateException("no caller on an authenticated path"));
    }

    /** The caller's locations; null for a caller with every location. */
    private static Set<String> locations(Identity caller) {
        return caller.locations().contains(Identity.ALL_LOCATIONS) ? null : caller.locations();
    }

    /** An id that is not a UUID names no run. */
    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "re-evaluation-not-found", "No such re-evaluation",
                "no applied re-evaluation with that id at your locations");
    }
}
