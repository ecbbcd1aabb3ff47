package app.baton.decision;

import app.baton.engine.model.CaseInput;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The inputs kept with a decision: the identifiers, and the fields the deciding rule set reads,
 * no more (minimum necessary). A plan template's answer has no task section. Fields the rules only test for presence (member ID, referral
 * reason, referring provider) are kept as present/absent, never as values.
 */
final class MinimizedInputs {

    private final Set<String> read;
    private final Map<String, Object> out = new LinkedHashMap<>();

    private MinimizedInputs(Set<String> read) {
        this.read = read;
    }

    static Map<String, Object> of(CaseInput input, Set<String> read) {
        return new MinimizedInputs(read).collect(input);
    }

    private Map<String, Object> collect(CaseInput input) {
        if (input.practice() != null) {
            Map<String, Object> practice = section("practice");
            always(practice, "timeZone", input.practice().timeZone());
            always(practice, "calendar", input.practice().calendar());
            if (input.practice().closures() != null && !input.practice().closures().isEmpty()) {
                // closure dates are the practice's, not the patient's: kept so a replay counts the same days
                practice.put("closures", input.practice().closures().stream().map(Object::toString).toList());
            }
        }
        CaseInput.Patient p = input.patient();
        if (p != null) {
            Map<String, Object> patient = section("patient");
            always(patient, "id", p.id());
            keep(patient, "patient.payer", "payer", p.payer());
            presence(patient, "patient.memberId", "memberIdPresent", p.memberId());
            keep(patient, "patient.language", "language", p.language());
            keep(patient, "patient.location", "location", p.location());
            keep(patient, "patient.consentOnFile", "consentOnFile", p.consentOnFile());
            keep(patient, "patient.lineOfBusiness", "lineOfBusiness", p.lineOfBusiness());
            keep(patient, "patient.ccmConsentOnFile", "ccmConsentOnFile", p.ccmConsentOnFile());
            keep(patient, "patient.birthDate", "birthDate", p.birthDate());
            keep(patient, "patient.deceasedAt", "deceasedAt", p.deceasedAt());
            keep(patient, "patient.inHospice", "inHospice", p.inHospice());
            keep(patient, "patient.ccmConsentRevokedAt", "ccmConsentRevokedAt", p.ccmConsentRevokedAt());
        }
        CaseInput.CarePlan c = input.carePlan();
        Map<String, Object> plan = section("carePlan");
        always(plan, "id", c.id());
        always(plan, "program", c.program());
        keep(plan, "carePlan.stage", "stage", c.stage());
        keep(plan, "carePlan.complexity", "complexity", c.complexity());
        keep(plan, "carePlan.dischargeAt", "dischargeAt", c.dischargeAt());
        keep(plan, "carePlan.periodStart", "periodStart", c.periodStart());
        keep(plan, "carePlan.minutesThisPeriod", "minutesThisPeriod", c.minutesThisPeriod());
        keep(plan, "carePlan.faceToFaceAt", "faceToFaceAt", c.faceToFaceAt());
        presence(plan, "carePlan.referralReason", "referralReasonPresent", c.referralReason());
        presence(plan, "carePlan.referringProvider", "referringProviderPresent", c.referringProvider());
        keep(plan, "carePlan.itemKind", "itemKind", c.itemKind());
        keep(plan, "carePlan.dischargeSetting", "dischargeSetting", c.dischargeSetting());
        keep(plan, "carePlan.dischargeDestination", "dischargeDestination", c.dischargeDestination());
        presence(plan, "carePlan.diagnosisCode", "diagnosisCodePresent", c.diagnosisCode());
        keep(plan, "carePlan.referralUrgency", "referralUrgency", c.referralUrgency());
        keep(plan, "carePlan.receivingSpecialty", "receivingSpecialty", c.receivingSpecialty());
        keep(plan, "carePlan.readmittedAt", "readmittedAt", c.readmittedAt());
        keep(plan, "carePlan.visitDoneAt", "visitDoneAt", c.visitDoneAt());
        keep(plan, "carePlan.chronicConditions", "chronicConditions", c.chronicConditions());
        keep(plan, "carePlan.previousTcmDischargeAt", "previousTcmDischargeAt", c.previousTcmDischargeAt());
        CaseInput.Task t = input.task();
        if (t == null) {
            // a plan template's answer: asked about a care plan, before (or instead of) any task
            return out;
        }
        Map<String, Object> task = section("task");
        always(task, "id", t.id());
        always(task, "type", t.type());
        keep(task, "task.status", "status", t.status());
        keep(task, "task.priority", "priority", t.priority());
        keep(task, "task.createdAt", "createdAt", t.createdAt());
        keep(task, "task.statusSince", "statusSince", t.statusSince());
        keep(task, "task.attempts", "attempts", t.attempts());
        keep(task, "task.submittedAt", "submittedAt", t.submittedAt());
        return out;
    }

    private Map<String, Object> section(String name) {
        Map<String, Object> section = new LinkedHashMap<>();
        out.put(name, section);
        return section;
    }

    private void keep(Map<String, Object> section, String path, String key, Object value) {
        if (read.contains(path)) {
            always(section, key, value);
        }
    }

    private void presence(Map<String, Object> section, String path, String key, String value) {
        if (read.contains(path)) {
            section.put(key, value != null && !value.isBlank());
        }
    }

    private static void always(Map<String, Object> section, String key, Object value) {
        if (value != null) {
            section.put(key, value instanceof Enum<?> e ? e.name()
                    : value instanceof OffsetDateTime time ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                    : value instanceof Boolean || value instanceof Number ? value : value.toString());
        }
    }
}
