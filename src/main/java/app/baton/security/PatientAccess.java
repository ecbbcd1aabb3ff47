package app.baton.security;

import app.baton.system.Actor;
import app.baton.system.AuditActor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Clock;

/**
 * Object-level access to patient data: a caller sees a patient of one of its locations, or one it
 * broke the glass for while the grant lasts. Also tells the audit trail who acts and whether
 * through emergency access.
 */
@Component
public class PatientAccess implements AuditActor {

    private final BreakGlassGrants grants;
    private final Clock clock;

    PatientAccess(BreakGlassGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /** Whether the current caller may see this patient, who belongs to {@code location} (may be null). */
    public boolean canSee(String patientId, String location) {
        Identity identity = CurrentIdentity.find().orElse(null);
        if (identity == null) {
            return false;
        }
        boolean ownLocation = identity.locations().contains(Identity.ALL_LOCATIONS)
                || (location != null && identity.seesLocation(location));
        return ownLocation || emergencyAccess(patientId);
    }

    @Override
    public boolean emergencyAccess(String patientId) {
        return patientId != null && CurrentIdentity.find()
                .filter(identity -> !identity.locations().contains(Identity.ALL_LOCATIONS))
                .map(identity -> grants.active(identity.id(), patientId, clock.instant()))
                .orElse(false);
    }

    @Override
    public Actor current() {
        return CurrentIdentity.find()
                .map(identity -> new Actor(identity.name(), actorType(identity.kind())))
                .orElse(RequestContextHolder.getRequestAttributes() != null ? Actor.ANONYMOUS : Actor.SYSTEM);
    }

    /** An EHR's token is a JWT to the audit trail; its name ("ehr:" and the EHR's) tells it from the identity provider's. */
    private static Actor.Type actorType(Identity.Kind kind) {
        return kind == Identity.Kind.EHR ? Actor.Type.JWT : Actor.Type.valueOf(kind.name());
    }
}
