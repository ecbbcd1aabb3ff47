package app.baton.review;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.engine.model.TaskType;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.Function;

/**
 * Rebuilds the case a decision was made on from its minimized inputs. A field kept only as present
 * or absent ({@code memberIdPresent}) becomes a placeholder when it was present, null when not:
 * the rules only test its presence, so the placeholder decides as the value did.
 */
final class RecordedInputs {

    /** Stands in for a value the record kept only as "present". */
    static final String PRESENT = "(present)";

    /** Kept with every decision whatever the rules read (MinimizedInputs in the decision module). */
    static final Set<String> ALWAYS_KEPT = Set.of("patient.id", "carePlan.id", "carePlan.program", "task.id", "task.type");

    private RecordedInputs() {
    }

    static CaseInput caseInput(JsonNode inputs) {
        JsonNode practice = inputs.path("practice");
        JsonNode patient = inputs.path("patient");
        JsonNode plan = inputs.path("carePlan");
        JsonNode task = inputs.path("task");
        return new CaseInput(
                practice.isMissingNode() ? null : new CaseInput.Practice(text(practice, "timeZone"), text(practice, "calendar"),
                        closures(practice.path("closures"))),
                patient.isMissingNode() ? null : new CaseInput.Patient(text(patient, "id"), text(patient, "payer"),
                        presence(patient, "memberIdPresent"), text(patient, "language"), text(patient, "location"),
                        bool(patient, "consentOnFile"), value(patient, "lineOfBusiness", LineOfBusiness::valueOf),
                        bool(patient, "ccmConsentOnFile"), value(patient, "birthDate", LocalDate::parse),
                        value(patient, "deceasedAt", OffsetDateTime::parse), bool(patient, "inHospice"),
                        value(patient, "ccmConsentRevokedAt", OffsetDateTime::parse)),
                new CaseInput.CarePlan(text(plan, "id"), value(plan, "program", Program::valueOf), value(plan, "stage", Stage::valueOf),
                        value(plan, "complexity", Complexity::valueOf), value(plan, "dischargeAt", OffsetDateTime::parse),
                        value(plan, "periodStart", LocalDate::parse), integer(plan, "minutesThisPeriod"),
                        value(plan, "faceToFaceAt", OffsetDateTime::parse), presence(plan, "referralReasonPresent"),
                        presence(plan, "referringProviderPresent"), value(plan, "itemKind", ItemKind::valueOf),
                        value(plan, "dischargeSetting", app.baton.engine.model.DischargeSetting::valueOf),
                        value(plan, "dischargeDestination", app.baton.engine.model.DischargeDestination::valueOf),
                        presence(plan, "diagnosisCodePresent"),
                        value(plan, "referralUrgency", app.baton.engine.model.ReferralUrgency::valueOf),
                        value(plan, "receivingSpecialty", app.baton.engine.model.Specialty::valueOf),
                        value(plan, "readmittedAt", OffsetDateTime::parse), value(plan, "visitDoneAt", OffsetDateTime::parse),
                        integer(plan, "chronicConditions"), value(plan, "previousTcmDischargeAt", OffsetDateTime::parse)),
                new CaseInput.Task(text(task, "id"), value(task, "type", TaskType::valueOf), value(task, "status", TaskStatus::valueOf),
                        value(task, "priority", Priority::valueOf), value(task, "createdAt", OffsetDateTime::parse),
                        value(task, "statusSince", OffsetDateTime::parse), integer(task, "attempts"),
                        value(task, "submittedAt", OffsetDateTime::parse)));
    }

    private static java.util.List<LocalDate> closures(JsonNode dates) {
        if (!dates.isArray() || dates.isEmpty()) {
            return null;
        }
        java.util.List<LocalDate> days = new java.util.ArrayList<>();
        dates.forEach(day -> days.add(LocalDate.parse(day.asText())));
        return days;
    }

    private static String text(JsonNode section, String field) {
        JsonNode node = section.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static <T> T value(JsonNode section, String field, Function<String, T> parse) {
        String text = text(section, field);
        return text == null ? null : parse.apply(text);
    }

    private static Boolean bool(JsonNode section, String field) {
        JsonNode node = section.get(field);
        return node == null || node.isNull() ? null : node.asBoolean();
    }

    private static Integer integer(JsonNode section, String field) {
        JsonNode node = section.get(field);
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static String presence(JsonNode section, String field) {
        return Boolean.TRUE.equals(bool(section, field)) ? PRESENT : null;
    }
}
