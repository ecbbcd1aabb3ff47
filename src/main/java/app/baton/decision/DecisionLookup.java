package app.baton.decision;

import app.baton.security.MinimumNecessary;
import app.baton.security.PatientAccess;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a recorded decision back for the current caller: object-level access (another location's
 * patient answers as if the decision did not exist), the read audited, and the inputs cut to what
 * the caller's roles need (minimum necessary). The API and the console read through this one path, for one decision
 * and for a task's history.
 */
@Service
public class DecisionLookup {

    private static final int MAX_TASK_ID = 128;
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final Decisions decisions;
    private final DecisionService service;
    private final PatientAccess patientAccess;
    private final MinimumNecessary minimumNecessary;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    DecisionLookup(Decisions decisions, DecisionService service, PatientAccess patientAccess, MinimumNecessary minimumNecessary,
                   ApplicationEventPublisher events, ObjectMapper json) {
        this.decisions = decisions;
        this.service = service;
        this.patientAccess = patientAccess;
        this.minimumNecessary = minimumNecessary;
        this.events = events;
        this.json = json;
    }

    /** The decision with this id as the current caller may see it; a 404 problem when there is none for them. */
    public RecordedDecision read(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DecisionNotFoundException();
        }
        Decisions.Recorded recorded = decisions.findById(uuid).orElseThrow(DecisionNotFoundException::new);
        return visible(recorded).orElseThrow(DecisionNotFoundException::new);
    }

    /**
     * One task's decisions, newest first, a page at a time ({@code cursor}: the previous page's {@code nextCursor}),
     * each read checked, audited and cut to minimum necessary exactly as {@link #read} does.
     */
    public DecisionHistory history(String taskId, Integer limit, String cursor) {
        if (taskId == null || taskId.isBlank() || taskId.length() > MAX_TASK_ID) {
            throw invalid("taskId", "required: the task's id, at most " + MAX_TASK_ID + " characters");
        }
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw invalid("limit", "between 1 and " + MAX_PAGE);
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw invalid("cursor", "the nextCursor of the previous page");
            }
        }
        List<Decisions.Listed> rows = decisions.ofTask(taskId, before, size + 1);
        boolean more = rows.size() > size;
        List<Decisions.Listed> page = more ? rows.subList(0, size) : rows;
        List<RecordedDecision> shown = page.stream().map(row -> visible(row.recorded())).flatMap(Optional::stream).toList();
        String next = more ? String.valueOf(page.get(page.size() - 1).seq()) : null;
        return new DecisionHistory(taskId, shown, next, size);
    }

    /** The decision as the current caller may see it, its read audited; empty (and the denial audited) when they may not. */
    private Optional<RecordedDecision> visible(Decisions.Recorded recorded) {
        try {
            JsonNode inputs = json.readTree(recorded.inputsJson());
            // Another location's patient answers as if the decision did not exist (no probing by id).
            if (!patientAccess.canSee(text(inputs.path("patient").path("id")), text(inputs.path("patient").path("location")))) {
                events.publishEvent(new DecisionReadDenied(recorded.id(), text(inputs.path("patient").path("id"))));
                return Optional.empty();
            }
            // Reads of patient data are audited; a read that cannot be audited is not answered.
            events.publishEvent(new DecisionRead(recorded.id(), text(inputs.path("patient").path("id")),
                    text(inputs.path("task").path("id")), false));
            InputView view = InputView.of(inputs, minimumNecessary.forCurrentCaller());
            return Optional.of(new RecordedDecision(recorded.id().toString(), String.valueOf(recorded.ruleSetVersion()),
                    recorded.recordedAt(), recorded.evaluationMicros(), view.inputs(), view.withheld(),
                    service.read(recorded.responseJson()), recorded.askedBy(), recorded.actor(), recorded.subject()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision cannot be read", e);
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "field '" + field + "' is not valid",
                List.of(new Problems.FieldError(field, message)));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
