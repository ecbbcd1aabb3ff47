package app.baton.decision;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.engine.CompiledRules;
import app.baton.engine.model.CaseInput;
import app.baton.ruleset.ActiveRuleSet;
import app.baton.security.ClientScope;
import app.baton.system.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The decision API's side of the one path: evaluates through {@link TaskDecisions} (the request's calendar, its
 * idempotency key) and records each decision through the group-commit {@link DecisionRecorder} before answering. A repeated
 * idempotency key returns the first decision; the same key with another body is refused.
 */
@Service
class DecisionService {

    private final ActiveRuleSet active;
    private final PracticeCalendars calendars;
    private final DecisionRecorder recorder;
    private final Decisions decisions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClientScope clientScope;
    private final ApplicationEventPublisher events;
    private final TaskDecisions taskDecisions;
    private final ReplayLookups lookups;

    DecisionService(ActiveRuleSet active, PracticeCalendars calendars, DecisionRecorder recorder, Decisions decisions,
                    ObjectMapper json, Clock clock, ClientScope clientScope, ApplicationEventPublisher events,
                    TaskDecisions taskDecisions, ReplayLookups lookups) {
        this.taskDecisions = taskDecisions;
        this.lookups = lookups;
        this.clientScope = clientScope;
        this.events = events;
        this.active = active;
        this.calendars = calendars;
        this.recorder = recorder;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A decision, and whether it is the stored answer to an earlier call with the same key. {@code json} is the response
     * as stored (written once, by the same mapper the HTTP converter writes with), for a decision made by this call; null
     * for a replay, whose stored text PostgreSQL's jsonb has put in its own key order.
     */
    record Outcome(DecisionResponse response, boolean replayed, String json) {
    }

    Outcome decide(DecisionRequest request, String idempotencyKey) {
        String keyField = idempotencyKey != null ? "Idempotency-Key" : "requestId";
        String key = idempotencyKey != null ? idempotencyKey : request.requestId();
        java.util.Optional<Outcome> replayed = replay(request, key, keyField);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Made made = make(request, key);
        return settle(made, DecisionRecorder.await(recorder.record(made.row())), keyField);
    }

    List<Outcome> decideAll(List<DecisionRequest> requests) {
        // A request whose requestId has an answer already is answered from it; only the others are evaluated and stored.
        // Their keys are looked up together, in one statement.
        String scope = clientScope.current() + "|";
        java.util.Map<String, Decisions.Stored> stored = decisions.findByKeys(requests.stream()
                .map(DecisionRequest::requestId).filter(java.util.Objects::nonNull).map(id -> scope + id).toList());
        List<java.util.Optional<Outcome>> replayed = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            DecisionRequest request = requests.get(i);
            replayed.add(request.requestId() == null ? java.util.Optional.empty()
                    : replay(request, java.util.Optional.ofNullable(stored.get(scope + request.requestId())), "requests[" + i + "].requestId"));
        }
        // Every request is evaluated before any is handed to the recorder: a request refused half-way through the batch
        // leaves none of the others recorded.
        List<Made> made = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            made.add(replayed.get(i).isPresent() ? null : makeInBatch(requests.get(i), i));
        }
        List<CompletableFuture<Boolean>> recording = new ArrayList<>(requests.size());
        for (Made m : made) {
            recording.add(m == null ? null : recorder.record(m.row()));
        }
        List<Outcome> outcomes = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            outcomes.add(made.get(i) == null ? replayed.get(i).get()
                    : settle(made.get(i), DecisionRecorder.await(recording.get(i)), "requests[" + i + "].requestId"));
        }
        return outcomes;
    }

    /**
     * A replay is answered from the stored decision before anything is evaluated: the key's first decision, if the body
     * is the same (else 422 naming the key's field). Empty when the key is new (or there is none). Two first calls racing
     * with one key both evaluate; the recorder stores one, and {@link #settle} answers the other from it.
     */
    private java.util.Optional<Outcome> replay(DecisionRequest request, String key, String keyField) {
        if (key == null) {
            return java.util.Optional.empty();
        }
        return replay(request, lookups.find(clientScope.current() + "|" + key), keyField);
    }

    private java.util.Optional<Outcome> replay(DecisionRequest request, java.util.Optional<Decisions.Stored> stored, String keyField) {
        return stored.map(first -> answer(first, RequestFingerprint.of(request),
                request.patient() == null ? null : request.patient().id(), request.task() == null ? null : request.task().id(), keyField));
    }

    private record Made(DecisionResponse response, DecisionRow row) {
    }

    /** A batch's request decided; a refusal of it names its fields under {@code requests[i]}. */
    private Made makeInBatch(DecisionRequest request, int i) {
        try {
            return make(request, request.requestId());
        } catch (ApiException refused) {
            throw refused.under("requests[" + i + "]");
        }
    }

    private Made make(DecisionRequest request, String key) {
        CompiledRules rules = active.current();
        CaseInput input = request.toCaseInput();
        SlaCalendar calendar = calendars.calendar(request.practice() == null ? null : request.practice().timeZone(),
                request.practice() == null ? null : request.practice().calendar(),
                request.practice() == null ? null : request.practice().closures());
        ZonedDateTime asOf = (request.asOf() != null ? request.asOf().toInstant() : clock.instant()).atZone(calendar.zone());
        // Idempotency keys are the caller's own: another client's same key is another request.
        String scopedKey = key == null ? null : clientScope.current() + "|" + key;
        TaskDecision made = taskDecisions.evaluate(rules, input, asOf, calendar, AskedBy.API, scopedKey,
                () -> RequestFingerprint.of(request));
        return new Made(made.response(), made.row());
    }

    private Outcome settle(Made made, boolean stored, String keyField) {
        if (stored) {
            return new Outcome(made.response(), false, made.row().responseJson());
        }
        Decisions.Stored first = decisions.findByKey(made.row().idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("idempotency conflict without a stored decision"));
        return answer(first, made.row().requestSha256(), made.row().patientId(), made.row().taskId(), keyField);
    }

    private Outcome answer(Decisions.Stored first, String requestSha256, String patientId, String taskId, String keyField) {
        if (!first.requestSha256().equals(requestSha256)) {
            throw new IdempotencyConflictException(keyField);
        }
        // The stored answer goes back to the client that sent it: still a read of patient data, audited.
        events.publishEvent(new DecisionRead(first.id(), patientId, taskId, true));
        return new Outcome(read(first.responseJson()), true, null);
    }

    DecisionResponse read(String stored) {
        try {
            return json.readValue(stored, DecisionResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision cannot be read", e);
        }
    }
}
