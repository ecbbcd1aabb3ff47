package app.baton.decision;

import app.baton.security.MinimumNecessary;
import app.baton.security.PatientAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Reads a recorded decision back for the current caller: object-level access (another location's
 * patient answers as if the decision did not exist), the read audited, and the inputs cut to what
 * the caller's roles need (minimum necessary). The API and the console read through this one path.
 */
@Service
public class DecisionLookup {

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
        try {
            JsonNode inputs = json.readTree(recorded.inputsJson());
            // Another location's patient answers as if the decision did not exist (no probing by id).
            if (!patientAccess.canSee(text(inputs.path("patient").path("id")), text(inputs.path("patient").path("location")))) {
                events.publishEvent(new DecisionReadDenied(recorded.id(), text(inputs.path("patient").path("id"))));
                throw new DecisionNotFoundException();
            }
            // Reads of patient data are audited; a read that cannot be audited is not answered.
            events.publishEvent(new DecisionRead(recorded.id(), text(inputs.path("patient").path("id")),
                    text(inputs.path("task").path("id")), false));
            InputView view = InputView.of(inputs, minimumNecessary.forCurrentCaller());
            return new RecordedDecision(recorded.id().toString(), String.valueOf(recorded.ruleSetVersion()), recorded.recordedAt(),
                    recorded.evaluationMicros(), view.inputs(), view.withheld(), service.read(recorded.responseJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision cannot be read", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
