package app.baton.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Names the input fields a request lacks, as the missing-info table spells them. */
public final class AbsentFields {

    private record Field(String name, Function<CaseInput, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("patient.id", in -> in.patient() == null ? null : in.patient().id()),
            new Field("patient.payer", in -> in.patient() == null ? null : in.patient().payer()),
            new Field("patient.memberId", in -> in.patient() == null ? null : in.patient().memberId()),
            new Field("patient.language", in -> in.patient() == null ? null : in.patient().language()),
            new Field("patient.location", in -> in.patient() == null ? null : in.patient().location()),
            new Field("patient.consentOnFile", in -> in.patient() == null || !Boolean.TRUE.equals(in.patient().consentOnFile()) ? null : true),
            new Field("patient.lineOfBusiness", in -> in.patient() == null ? null : in.patient().lineOfBusiness()),
            new Field("patient.ccmConsentOnFile", in -> in.patient() == null || !Boolean.TRUE.equals(in.patient().ccmConsentOnFile()) ? null : true),
            new Field("patient.birthDate", in -> in.patient() == null ? null : in.patient().birthDate()),
            new Field("carePlan.stage", in -> in.carePlan().stage()),
            new Field("carePlan.complexity", in -> in.carePlan().complexity()),
            new Field("carePlan.dischargeAt", in -> in.carePlan().dischargeAt()),
            new Field("carePlan.periodStart", in -> in.carePlan().periodStart()),
            new Field("carePlan.faceToFaceAt", in -> in.carePlan().faceToFaceAt()),
            new Field("carePlan.referralReason", in -> in.carePlan().referralReason()),
            new Field("carePlan.referringProvider", in -> in.carePlan().referringProvider()),
            new Field("carePlan.itemKind", in -> in.carePlan().itemKind()),
            new Field("carePlan.dischargeSetting", in -> in.carePlan().dischargeSetting()),
            new Field("carePlan.dischargeDestination", in -> in.carePlan().dischargeDestination()),
            new Field("carePlan.diagnosisCode", in -> in.carePlan().diagnosisCode()),
            new Field("carePlan.referralUrgency", in -> in.carePlan().referralUrgency()),
            new Field("carePlan.receivingSpecialty", in -> in.carePlan().receivingSpecialty()),
            new Field("carePlan.chronicConditions", in -> in.carePlan().chronicConditions()),
            new Field("task.priority", in -> in.task().priority()),
            new Field("task.createdAt", in -> in.task().createdAt()),
            new Field("task.statusSince", in -> in.task().statusSince()),
            new Field("task.submittedAt", in -> in.task().submittedAt()));

    /** Every field name a missing-info rule may require. */
    public static final List<String> NAMES = FIELDS.stream().map(Field::name).toList();

    private AbsentFields() {
    }

    public static List<AbsentField> of(CaseInput input) {
        List<AbsentField> absent = new ArrayList<>();
        for (Field field : FIELDS) {
            Object value = field.value().apply(input);
            if (value == null || value instanceof String s && s.isBlank()) {
                absent.add(new AbsentField(field.name()));
            }
        }
        return absent;
    }
}
