package app.baton.careplan;

import app.baton.security.PatientDataCategory;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static app.baton.security.PatientDataCategory.APPOINTMENT;
import static app.baton.security.PatientDataCategory.CLINICAL;
import static app.baton.security.PatientDataCategory.CONSENT;
import static app.baton.security.PatientDataCategory.DEMOGRAPHIC;
import static app.baton.security.PatientDataCategory.PAYER;
import static app.baton.security.PatientDataCategory.SERVICE_TIME;

/**
 * A role writes a plan's fact only if it reads it back (minimum necessary both ways): each writable field
 * and the kind of patient data it is. Front desk books the visit (APPOINTMENT) and reads its time back;
 * it cannot change the complexity it may not read. {@code priority} is an identifier-level code every role sees.
 */
public final class PlanFactWriters {

    static final Map<String, Kind> FIELDS = fields();

    record Kind(PatientDataCategory category, Function<FieldsUpdate, Object> value) {
    }

    private PlanFactWriters() {
    }

    /**
     * Refuses (403 {@code field-not-allowed}, naming each field) a change of facts the caller may not read;
     * {@code refusal} hears the refused field names first, so the refusal is audited.
     */
    public static void check(FieldsUpdate fields, Set<PatientDataCategory> sees, java.util.function.Consumer<List<String>> refusal) {
        List<Problems.FieldError> refused = new ArrayList<>();
        FIELDS.forEach((name, kind) -> {
            if (kind.value().apply(fields) != null && !sees.contains(kind.category())) {
                refused.add(new Problems.FieldError("fields." + name, "your roles do not read this kind of patient data ("
                        + kind.category() + "), so they may not change it"));
            }
        });
        if (!refused.isEmpty()) {
            refusal.accept(refused.stream().map(Problems.FieldError::field).toList());
            throw new ApiException(HttpStatus.FORBIDDEN, "field-not-allowed", "Not a field your roles may change",
                    "a role changes only the facts it may read back (minimum necessary); nothing was changed", refused);
        }
    }

    private static Map<String, Kind> fields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("payer", new Kind(PAYER, FieldsUpdate::payer));
        fields.put("memberId", new Kind(PAYER, FieldsUpdate::memberId));
        fields.put("language", new Kind(DEMOGRAPHIC, FieldsUpdate::language));
        fields.put("consentOnFile", new Kind(CONSENT, FieldsUpdate::consentOnFile));
        fields.put("complexity", new Kind(CLINICAL, FieldsUpdate::complexity));
        fields.put("dischargeAt", new Kind(CLINICAL, FieldsUpdate::dischargeAt));
        fields.put("faceToFaceAt", new Kind(APPOINTMENT, FieldsUpdate::faceToFaceAt));
        fields.put("referralReason", new Kind(CLINICAL, FieldsUpdate::referralReason));
        fields.put("referringProvider", new Kind(CLINICAL, FieldsUpdate::referringProvider));
        fields.put("periodStart", new Kind(SERVICE_TIME, FieldsUpdate::periodStart));
        fields.put("minutesThisPeriod", new Kind(SERVICE_TIME, FieldsUpdate::minutesThisPeriod));
        return java.util.Collections.unmodifiableMap(fields);
    }
}
