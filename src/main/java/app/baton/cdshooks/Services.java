package app.baton.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Baton's CDS Hooks services as discovery lists them. The prefetch templates ask for what the rules read: the patient
 * (language), the active coverage (payer, member ID) and, at discharge, the encounter (discharge time and disposition).
 */
final class Services {

    static final String PATIENT_VIEW = "patient-view";
    static final String ENCOUNTER_DISCHARGE = "encounter-discharge";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Service(String hook, String id, String title, String description, Map<String, String> prefetch) {
    }

    record Discovery(List<Service> services) {
    }

    private static final Map<String, String> PATIENT = prefetch(false);
    private static final Map<String, String> DISCHARGE = prefetch(true);

    static final Discovery DISCOVERY = new Discovery(List.of(
            new Service(PATIENT_VIEW, PATIENT_VIEW, "Baton: open care-plan work",
                    "The patient's open care-plan tasks in Baton: what to do next, what is overdue and what is missing, "
                            + "each decided by the active rule set and naming its table row.", PATIENT),
            new Service(ENCOUNTER_DISCHARGE, ENCOUNTER_DISCHARGE, "Baton: what follows this discharge",
                    "The care plan Baton's rules start for this discharge: its tasks, their queues and due dates, and the "
                            + "information still missing.", DISCHARGE)));

    private Services() {
    }

    static Optional<Service> find(String id) {
        return DISCOVERY.services().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static Map<String, String> prefetch(boolean encounter) {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("patient", "Patient/{{context.patientId}}");
        templates.put("coverage", "Coverage?patient={{context.patientId}}&status=active");
        if (encounter) {
            templates.put("encounter", "Encounter/{{context.encounterId}}");
        }
        return Map.copyOf(templates);
    }
}
