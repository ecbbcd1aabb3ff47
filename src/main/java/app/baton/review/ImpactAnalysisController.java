package app.baton.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Impact analyses: what a candidate rule set version would have decided on recorded decisions. */
@RestController
@RequestMapping(path = "/api/v1/rule-sets/{version}/impact-analyses", produces = "application/json")
@Tag(name = "Rule set review")
class ImpactAnalysisController {

    private final ImpactAnalysisService service;

    ImpactAnalysisController(ImpactAnalysisService service) {
        this.service = service;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Start an impact analysis", description = "Replays the recorded decisions of the last N days, or the "
            + "last N decisions, against this version in the background. Answers 202 at once with the analysis and its "
            + "Location; read it there for progress and, when COMPLETED, the report.")
    ResponseEntity<ImpactAnalysis> start(@PathVariable String version, @Valid @RequestBody ImpactAnalysisRequest request) {
        int v = PathValues.pathVersion(version);
        ImpactAnalysis started = service.start(v, request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/rule-sets/" + v + "/impact-analyses/" + started.id()))
                .body(started);
    }

    @GetMapping
    @Operation(summary = "The impact analyses of a version", description = "Newest first, without their reports.")
    List<ImpactAnalysis> list(@PathVariable String version) {
        return service.list(PathValues.pathVersion(version));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An impact analysis", description = "Status (RUNNING, COMPLETED, CANCELLED, FAILED), progress, "
            + "and the report once COMPLETED (the part done when CANCELLED).")
    ImpactAnalysis get(@PathVariable String version, @PathVariable String id) {
        return service.get(PathValues.pathVersion(version), id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a running impact analysis", description = "The analysis stays on record as CANCELLED with "
            + "what it had replayed; a finished analysis cannot be cancelled (409).")
    ImpactAnalysis cancel(@PathVariable String version, @PathVariable String id) {
        return service.cancel(PathValues.pathVersion(version), id);
    }
}
