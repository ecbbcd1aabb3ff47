package app.baton.cdshooks;

import app.baton.decision.PlanDecisions;
import app.baton.decision.TaskDecisions;
import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One hook call: the request checked against the spec, the prefetch resolved, the cards made from decisions, and the
 * decisions and cards stored in one transaction (the decisions audited as every decision is) before the answer goes out.
 */
@Service
class HookCalls {

    private final Prefetch prefetch;
    private final PatientView patientView;
    private final EncounterDischarge encounterDischarge;
    private final TaskDecisions decisions;
    private final PlanDecisions plans;
    private final IssuedCards issued;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    HookCalls(Prefetch prefetch, PatientView patientView, EncounterDischarge encounterDischarge, TaskDecisions decisions,
              PlanDecisions plans, IssuedCards issued, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.plans = plans;
        this.events = events;
        this.prefetch = prefetch;
        this.patientView = patientView;
        this.encounterDischarge = encounterDischarge;
        this.decisions = decisions;
        this.issued = issued;
        this.transaction = transaction;
    }

    Card.Response call(String serviceId, HookRequest request) {
        Services.Service service = Services.find(serviceId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such CDS service"));
        checked(service, request);
        Identity ehr = CurrentIdentity.find().orElseThrow(() -> new IllegalStateException("a hook call without its EHR"));
        Map<String, JsonNode> resources = prefetch.resolve(service, request, ehrName(ehr));
        FhirFacts fhir = FhirFacts.of(resources);
        if (!decisions.ready()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready", "no rule set is loaded yet; try again shortly");
        }
        String patientId = request.contextText("patientId");
        CardMaker.Answer answer = service.id().equals(Services.PATIENT_VIEW)
                ? patientView.answer(patientId, fhir, ehr)
                : encounterDischarge.answer(patientId, request.contextText("encounterId"), request.hookInstance(), fhir, ehr);
        transaction.executeWithoutResult(status -> {
            decisions.record(answer.decisions());
            plans.record(answer.plans());
            issued.insertAll(service.id(), answer.cards(), decisions.now().toOffsetDateTime());
            events.publishEvent(new HookCalled(service.id(), request.hookInstance(), patientId, answer.decided(),
                    answer.cards().size()));
        });
        return new Card.Response(answer.cards().stream().map(CardMaker.Made::card).toList());
    }

    /** The spec's rules for a call, each broken one named: a 400 before anything is read or decided. */
    static void checked(Services.Service service, HookRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (!service.hook().equals(request.hook())) {
            errors.add(new Problems.FieldError("hook", "must be " + service.hook() + " for this service"));
        }
        if (request.hookInstance() == null || request.hookInstance().isBlank()) {
            errors.add(new Problems.FieldError("hookInstance", "is required"));
        }
        if (request.fhirServer() != null && !absoluteHttp(request.fhirServer())) {
            errors.add(new Problems.FieldError("fhirServer", "must be an absolute http or https URL"));
        }
        HookRequest.FhirAuthorization auth = request.fhirAuthorization();
        if (auth != null) {
            if (request.fhirServer() == null) {
                errors.add(new Problems.FieldError("fhirAuthorization", "is only allowed with a fhirServer"));
            }
            if (blank(auth.accessToken())) {
                errors.add(new Problems.FieldError("fhirAuthorization.access_token", "is required"));
            }
            if (!"Bearer".equals(auth.tokenType())) {
                errors.add(new Problems.FieldError("fhirAuthorization.token_type", "must be Bearer"));
            }
            if (auth.expiresIn() == null) {
                errors.add(new Problems.FieldError("fhirAuthorization.expires_in", "is required"));
            }
            if (blank(auth.scope())) {
                errors.add(new Problems.FieldError("fhirAuthorization.scope", "is required"));
            }
            if (blank(auth.subject())) {
                errors.add(new Problems.FieldError("fhirAuthorization.subject", "is required"));
            }
        }
        if (request.contextText("patientId") == null) {
            errors.add(new Problems.FieldError("context.patientId", "is required"));
        }
        if (service.id().equals(Services.ENCOUNTER_DISCHARGE) && request.contextText("encounterId") == null) {
            errors.add(new Problems.FieldError("context.encounterId", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                    "the hook call breaks " + errors.size() + " rule(s) of CDS Hooks 2.0", errors);
        }
    }

    /** The EHR's name as configured: its identity is {@code ehr:<name>}. */
    static String ehrName(Identity ehr) {
        return ehr.name().startsWith("ehr:") ? ehr.name().substring(4) : ehr.name();
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
