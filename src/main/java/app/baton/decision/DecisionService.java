package app.baton.decision;

import app.baton.calendar.PracticeCalendars;
import app.baton.calendar.SlaCalendar;
import app.baton.engine.CompiledRules;
import app.baton.engine.Evaluation;
import app.baton.engine.model.CaseInput;
import app.baton.ruleset.ActiveRuleSet;
import app.baton.system.ApiException;
import app.baton.security.ClientScope;
import app.baton.system.Callers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes decisions with the active rule set and records each one before answering. A repeated
 * idempotency key returns the first decision; the same key with another body is refused.
 */
@Service
class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);
    private static final long RECORD_TIMEOUT_SECONDS = 10;

    private final ActiveRuleSet active;
    private final PracticeCalendars calendars;
    private final DecisionRecorder recorder;
    private final Decisions decisions;
    private final DecisionMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final Callers callers;
    private final ClientScope clientScope;
    private final ApplicationEventPublisher events;

    DecisionService(ActiveRuleSet active, PracticeCalendars calendars, DecisionRecorder recorder, Decisions decisions,
                    DecisionMetrics metrics, ObjectMapper json, Clock clock, Callers callers, ClientScope clientScope,
                    ApplicationEventPublisher events) {
        this.clientScope = clientScope;
        this.events = events;
        this.active = active;
        this.calendars = calendars;
        this.recorder = recorder;
        this.decisions = decisions;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.callers = callers;
    }

    /** A decision, and whether it is the stored answer to an earlier call with the same key. */
    record Outcome(DecisionResponse response, boolean replayed) {
    }

    Outcome decide(DecisionRequest request, String idempotencyKey) {
        String keyField = idempotencyKey != null ? "Idempotency-Key" : "requestId";
        String key = idempotencyKey != null ? idempotencyKey : request.requestId();
        Made made = make(request, key);
        return settle(made, await(recorder.record(made.row())), keyField);
    }

    List<Outcome> decideAll(List<DecisionRequest> requests) {
        List<Made> made = requests.stream().map(r -> make(r, r.requestId())).toList();
        List<CompletableFuture<Boolean>> stored = made.stream().map(m -> recorder.record(m.row())).toList();
        List<Outcome> outcomes = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            outcomes.add(settle(made.get(i), await(stored.get(i)), "requests[" + i + "].requestId"));
        }
        return outcomes;
    }

    private record Made(DecisionResponse response, DecisionRow row) {
    }

    private Made make(DecisionRequest request, String key) {
        CompiledRules rules = active.current();
        CaseInput input = request.toCaseInput();
        SlaCalendar calendar = calendars.calendar(request.practice() == null ? null : request.practice().timeZone(),
                request.practice() == null ? null : request.practice().calendar());
        ZonedDateTime asOf = (request.asOf() != null ? request.asOf().toInstant() : clock.instant()).atZone(calendar.zone());
        long started = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = rules.evaluate(input, asOf, calendar);
        } catch (RuntimeException e) {
            log.error("rule set version {} failed on task type {}", rules.version(), input.task().type(), e);
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "rule-evaluation-failed", "A rule failed",
                    "a rule of version " + rules.version() + " failed while deciding; quote the correlation id");
        }
        long nanos = System.nanoTime() - started;
        metrics.evaluated(rules.version(), nanos, evaluation);
        UUID id = UUID.randomUUID();
        // Idempotency keys are the caller's own: another client's same key is another request.
        String scopedKey = key == null ? null : clientScope.current() + "|" + key;
        String patientId = input.patient() == null ? null : input.patient().id();
        DecisionResponse response = ResponseAssembler.assemble(id, rules, asOf, evaluation);
        DecisionRow row = new DecisionRow(id, scopedKey, RequestFingerprint.of(request), Integer.parseInt(rules.version()),
                asOf.toOffsetDateTime(), input.task().id(), input.carePlan().program().name(), input.task().type().name(),
                write(MinimizedInputs.of(input, rules.inputsRead())), write(response), (int) Math.min(Integer.MAX_VALUE, nanos / 1000),
                patientId, callers.current(patientId), AskedBy.API);
        return new Made(response, row);
    }

    private Outcome settle(Made made, boolean stored, String keyField) {
        if (stored) {
            return new Outcome(made.response(), false);
        }
        Decisions.Stored first = decisions.findByKey(made.row().idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("idempotency conflict without a stored decision"));
        if (!first.requestSha256().equals(made.row().requestSha256())) {
            throw new IdempotencyConflictException(keyField);
        }
        // The stored answer goes back to the client that sent it: still a read of patient data, audited.
        events.publishEvent(new DecisionRead(first.id(), made.row().patientId(), made.row().taskId(), true));
        return new Outcome(read(first.responseJson()), true);
    }

    private static boolean await(CompletableFuture<Boolean> stored) {
        try {
            return stored.get(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new RecorderBusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecorderBusyException();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a decision", e);
        }
    }

    DecisionResponse read(String stored) {
        try {
            return json.readValue(stored, DecisionResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision cannot be read", e);
        }
    }
}
