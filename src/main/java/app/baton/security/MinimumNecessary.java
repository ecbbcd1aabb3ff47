package app.baton.security;

import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static app.baton.security.PatientDataCategory.APPOINTMENT;
import static app.baton.security.PatientDataCategory.CLINICAL;
import static app.baton.security.PatientDataCategory.CONSENT;
import static app.baton.security.PatientDataCategory.DEMOGRAPHIC;
import static app.baton.security.PatientDataCategory.PAYER;
import static app.baton.security.PatientDataCategory.SERVICE_TIME;

/**
 * HIPAA's minimum necessary standard (45 CFR 164.502(b), 164.514(d)) for Baton's answers: which
 * kinds of patient data each role sees. Front desk and billing see payer, consent and the booked
 * visit (they book and bill it), not clinical detail; leadership works from aggregates and sees identifiers only; clinical roles, compliance
 * reviewers and integrations (which sent the data) see all. A caller with several roles sees the
 * union. docs/security.md lists the same table.
 */
@Component
public class MinimumNecessary {

    static final Map<Role, Set<PatientDataCategory>> VISIBLE = Map.of(
            Role.FRONT_DESK, EnumSet.of(PAYER, DEMOGRAPHIC, CONSENT, APPOINTMENT),
            Role.BILLING, EnumSet.of(PAYER, CONSENT, SERVICE_TIME, APPOINTMENT),
            Role.CLINICAL_STAFF, EnumSet.allOf(PatientDataCategory.class),
            Role.CARE_COORDINATOR, EnumSet.allOf(PatientDataCategory.class),
            Role.CLINICAL_LEAD, EnumSet.allOf(PatientDataCategory.class),
            Role.COMPLIANCE_REVIEWER, EnumSet.allOf(PatientDataCategory.class),
            Role.INTEGRATION, EnumSet.allOf(PatientDataCategory.class),
            Role.LEADERSHIP, EnumSet.noneOf(PatientDataCategory.class),
            Role.ADMIN, EnumSet.noneOf(PatientDataCategory.class));

    /** What the current caller may see; nothing when no one is authenticated. */
    public Set<PatientDataCategory> forCurrentCaller() {
        return CurrentIdentity.find().map(identity -> visibleTo(identity.roles())).orElse(Set.of());
    }

    static Set<PatientDataCategory> visibleTo(Set<Role> roles) {
        EnumSet<PatientDataCategory> visible = EnumSet.noneOf(PatientDataCategory.class);
        roles.forEach(role -> visible.addAll(VISIBLE.getOrDefault(role, Set.of())));
        return visible;
    }
}
