package app.baton.fhir;

import app.baton.decision.DecisionRequests;
import app.baton.engine.model.TaskStatus;
import app.baton.queue.TaskSearch;
import app.baton.queue.Worklists;
import app.baton.security.PermissionMatrix;
import app.baton.task.TaskDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Baton's tasks as FHIR R4 Tasks: read, search, and $decide (docs/fhir.md). */
@RestController
@RequestMapping(path = "/fhir/r4/Task", produces = {FhirResponses.FHIR_JSON, "application/json"})
@Tag(name = "FHIR R4", description = "Task, CarePlan, Task/$decide and intake by Encounter, Bundle or ServiceRequest (application/fhir+json)")
class FhirTaskController {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;
    private static final Set<String> PARAMETERS = Set.of("patient", "status", "owner", "_lastUpdated", "_count", "_getpagesoffset", "_format");

    private final Worklists worklists;
    private final TaskDesk taskDesk;
    private final TaskResources tasks;
    private final FhirResponses responses;
    private final TaskDecide decide;

    FhirTaskController(Worklists worklists, TaskDesk taskDesk, TaskResources tasks, FhirResponses responses, TaskDecide decide) {
        this.worklists = worklists;
        this.taskDesk = taskDesk;
        this.tasks = tasks;
        this.responses = responses;
        this.decide = decide;
    }

    @GetMapping("/" + PermissionMatrix.FHIR_ID)
    @Operation(summary = "Read a task as a FHIR Task", description = "As GET /api/v1/tasks/{id}: another location's task is a 404; the read is audited.")
    ResponseEntity<String> read(@PathVariable String id) {
        return responses.ok(tasks.of(taskDesk.task(id)));
    }

    @GetMapping
    @Operation(summary = "Search tasks", description = "patient, status (FHIR or Baton code, comma for or), owner (queue or user), "
            + "_lastUpdated (ge, gt, le, lt, eq; repeatable), _count (1-100, default 20); a searchset Bundle with next/previous links.")
    ResponseEntity<String> search(@RequestParam MultiValueMap<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw FhirProblem.invalid(400, OperationOutcome.IssueType.NOTSUPPORTED, name, "search parameter '" + name
                        + "' is not supported for Task; supported: patient, status, owner, _lastUpdated, _count");
            }
        }
        int count = integer(params.getFirst("_count"), "_count", DEFAULT_COUNT);
        if (count < 1 || count > MAX_COUNT) {
            throw FhirProblem.invalid(400, OperationOutcome.IssueType.VALUE, "_count", "_count must be between 1 and " + MAX_COUNT);
        }
        int offset = integer(params.getFirst("_getpagesoffset"), "_getpagesoffset", 0);
        if (offset < 0) {
            throw FhirProblem.invalid(400, OperationOutcome.IssueType.VALUE, "_getpagesoffset", "_getpagesoffset must be 0 or more");
        }
        OffsetDateTime from = null;
        OffsetDateTime before = null;
        for (String value : params.getOrDefault("_lastUpdated", List.of())) {
            OffsetDateTime[] range = lastUpdated(value);
            from = range[0] != null ? range[0] : from;
            before = range[1] != null ? range[1] : before;
        }
        String patient = params.getFirst("patient");
        if (patient != null && patient.startsWith("Patient/")) {
            patient = patient.substring("Patient/".length());
        }
        TaskSearch search = new TaskSearch(patient, statuses(params.getFirst("status")), params.getFirst("owner"), from, before, count, offset);
        TaskSearch.Page page = worklists.search(search);

        UriComponentsBuilder self = ServletUriComponentsBuilder.fromCurrentRequest();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/r4/Task/").toUriString();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(self.toUriString());
        if (page.more()) {
            bundle.addLink().setRelation("next").setUrl(self.cloneBuilder().replaceQueryParam("_getpagesoffset", offset + count).toUriString());
        }
        if (offset > 0) {
            bundle.addLink().setRelation("previous").setUrl(self.cloneBuilder()
                    .replaceQueryParam("_getpagesoffset", Math.max(0, offset - count)).toUriString());
        }
        if (!page.more()) {
            bundle.setTotal(offset + page.tasks().size());
        }
        page.tasks().forEach(view -> bundle.addEntry().setFullUrl(base + view.id()).setResource(tasks.of(view))
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        return responses.ok(bundle);
    }

    @PostMapping(path = "/$decide", consumes = {FhirResponses.FHIR_JSON, "application/json"})
    @Operation(summary = "Decide a FHIR Task", description = "A Task, or a Bundle with one Task and the Patient, Coverage, Encounter or "
            + "CarePlan it refers to. Answers a collection Bundle: the same Task with Baton's decision filled in, and a Provenance "
            + "naming the rule set version and rows. Idempotent on Task.identifier.")
    ResponseEntity<String> decide(@RequestBody(required = false) String body) {
        TaskDecide.Decided decided = decide.decide(body);
        return ResponseEntity.ok().contentType(FhirResponses.FHIR_JSON_UTF8)
                .header("Idempotent-Replayed", String.valueOf(decided.replayed())).body(responses.encode(decided.bundle()));
    }

    private static int integer(String value, String name, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw FhirProblem.invalid(400, OperationOutcome.IssueType.VALUE, name, name + " must be a whole number");
        }
    }

    /** Baton's statuses that a status parameter asks for: FHIR codes (each standing for the Baton statuses mapped to it) or Baton's. */
    private static Set<TaskStatus> statuses(String value) {
        if (value == null) {
            return null;
        }
        EnumSet<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        for (String code : value.split(",")) {
            String bare = code.contains("|") ? code.substring(code.indexOf('|') + 1) : code;
            Task.TaskStatus fhir = fhirStatus(bare);
            if (fhir != null) {
                BatonFhir.STATUS.forEach((baton, mapped) -> {
                    if (mapped == fhir) {
                        statuses.add(baton);
                    }
                });
            } else {
                try {
                    statuses.add(TaskStatus.valueOf(bare));
                } catch (IllegalArgumentException e) {
                    throw FhirProblem.invalid(400, OperationOutcome.IssueType.CODEINVALID, "status", "'" + bare
                            + "' is neither a FHIR task status nor a Baton status");
                }
            }
        }
        return statuses; // empty: a FHIR status no Baton status maps to (draft, say): matches nothing
    }

    private static Task.TaskStatus fhirStatus(String code) {
        try {
            return Task.TaskStatus.fromCode(code);
        } catch (Exception e) {
            return null;
        }
    }

    /** [from inclusive, before exclusive] of one _lastUpdated value; instants only (with a zone), as FHIR's prefixes read them. */
    private static OffsetDateTime[] lastUpdated(String value) {
        String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
        String time = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(2) : value;
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw FhirProblem.invalid(400, OperationOutcome.IssueType.VALUE, "_lastUpdated", "_lastUpdated takes an instant with a zone, "
                    + "such as ge2026-01-01T00:00:00Z, after an optional prefix ge, gt, le, lt or eq");
        }
        OffsetDateTime next = at.plusNanos(1000);
        return switch (prefix) {
            case "ge" -> new OffsetDateTime[] {at, null};
            case "gt" -> new OffsetDateTime[] {next, null};
            case "le" -> new OffsetDateTime[] {null, next};
            case "lt" -> new OffsetDateTime[] {null, at};
            case "eq" -> new OffsetDateTime[] {at, next};
            default -> throw FhirProblem.invalid(400, OperationOutcome.IssueType.VALUE, "_lastUpdated", "prefix '" + prefix
                    + "' is not supported; use ge, gt, le, lt or eq");
        };
    }

}
