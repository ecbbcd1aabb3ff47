package app.baton.decision;

import app.baton.security.PatientDataCategory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.baton.security.PatientDataCategory.APPOINTMENT;
import static app.baton.security.PatientDataCategory.CLINICAL;
import static app.baton.security.PatientDataCategory.CONSENT;
import static app.baton.security.PatientDataCategory.DEMOGRAPHIC;
import static app.baton.security.PatientDataCategory.PAYER;
import static app.baton.security.PatientDataCategory.SERVICE_TIME;

/**
 * The stored inputs of a decision as one reader may see them: fields of a kind the reader's roles
 * do not need are left out and named in {@code withheld}, so the reader knows they exist.
 */
record InputView(JsonNode inputs, List<String> withheld) {

    /** Every stored input field and its kind; a field not listed here is an identifier everyone sees. */
    static final Map<String, PatientDataCategory> CATEGORIES = Map.ofEntries(
            Map.entry("patient.payer", PAYER),
            Map.entry("patient.memberIdPresent", PAYER),
            Map.entry("patient.language", DEMOGRAPHIC),
            Map.entry("patient.location", DEMOGRAPHIC),
            Map.entry("patient.consentOnFile", CONSENT),
            Map.entry("patient.lineOfBusiness", PAYER),
            Map.entry("patient.ccmConsentOnFile", CONSENT),
            Map.entry("carePlan.itemKind", CLINICAL),
            Map.entry("carePlan.dischargeSetting", CLINICAL),
            Map.entry("carePlan.dischargeDestination", CLINICAL),
            Map.entry("carePlan.diagnosisCodePresent", CLINICAL),
            Map.entry("carePlan.referralUrgency", CLINICAL),
            Map.entry("carePlan.receivingSpecialty", CLINICAL),
            Map.entry("carePlan.stage", CLINICAL),
            Map.entry("carePlan.complexity", CLINICAL),
            Map.entry("carePlan.dischargeAt", CLINICAL),
            Map.entry("carePlan.faceToFaceAt", APPOINTMENT),
            Map.entry("carePlan.referralReasonPresent", CLINICAL),
            Map.entry("carePlan.referringProviderPresent", CLINICAL),
            Map.entry("carePlan.periodStart", SERVICE_TIME),
            Map.entry("carePlan.minutesThisPeriod", SERVICE_TIME),
            Map.entry("patient.birthDate", DEMOGRAPHIC),
            Map.entry("patient.deceasedAt", CLINICAL),
            Map.entry("patient.inHospice", CLINICAL),
            Map.entry("patient.ccmConsentRevokedAt", CONSENT),
            Map.entry("carePlan.readmittedAt", CLINICAL),
            Map.entry("carePlan.visitDoneAt", APPOINTMENT),
            Map.entry("carePlan.chronicConditions", CLINICAL),
            Map.entry("carePlan.previousTcmDischargeAt", CLINICAL));

    static InputView of(JsonNode stored, Set<PatientDataCategory> visible) {
        JsonNode copy = stored.deepCopy();
        List<String> withheld = new ArrayList<>();
        CATEGORIES.forEach((path, category) -> {
            if (visible.contains(category)) {
                return;
            }
            String[] parts = path.split("\\.");
            if (copy.path(parts[0]) instanceof ObjectNode section && section.has(parts[1])) {
                section.remove(parts[1]);
                withheld.add(path);
            }
        });
        withheld.sort(String::compareTo);
        return new InputView(copy, List.copyOf(withheld));
    }
}
