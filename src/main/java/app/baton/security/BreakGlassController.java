package app.baton.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * HIPAA's emergency access procedure: a clinical user states why and gets time-limited access to
 * one patient outside their locations. Every grant is flagged in the audit trail for review.
 */
@RestController
@Tag(name = "Emergency access", description = "Break the glass for one patient, with a stated reason")
class BreakGlassController {

    private final BreakGlassGrants grants;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration duration;

    BreakGlassController(BreakGlassGrants grants, ApplicationEventPublisher events, Clock clock,
                         @Value("${baton.security.break-glass.duration:60m}") Duration duration) {
        this.grants = grants;
        this.events = events;
        this.clock = clock;
        this.duration = duration;
    }

    /** @param patientId one patient's identifier: letters, digits and . _ : - (no wildcards, no spaces) */
    record BreakGlassRequest(@NotBlank @Pattern(regexp = PATIENT_ID, message = "one patient's identifier: 1 to 64 of A-Z, a-z, 0-9 and . _ : - "
                                     + "(starting with a letter or digit)") String patientId,
                             @NotBlank @Size(min = 10, max = 500) String reason) {
    }

    static final String PATIENT_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    record BreakGlassResponse(String grantId, String patientId, Instant expiresAt) {
    }

    @PostMapping(path = "/api/v1/break-glass", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Break the glass", description = "Emergency access to one patient's records for a limited time "
            + "(60 minutes by default). The reason is kept with the grant; the access is flagged for compliance review.")
    BreakGlassResponse breakGlass(@Valid @RequestBody BreakGlassRequest request) {
        Identity identity = CurrentIdentity.required();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(duration);
        grants.insert(id, identity, request.patientId(), request.reason(), now, expires);
        events.publishEvent(new BreakGlassGranted(id, request.patientId(), request.reason().strip(), expires));
        return new BreakGlassResponse(id.toString(), request.patientId(), expires);
    }
}
