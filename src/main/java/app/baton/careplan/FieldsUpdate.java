package app.baton.careplan;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.ReferralUrgency;
import app.baton.engine.model.Specialty;
import jakarta.validation.constraints.Pattern;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Fields that complete an intake or change a plan's facts; every one optional, absent ones keep
 * their value. Member ID, referral reason, referring provider and diagnosis code are taken as "on file", not kept.
 */
@Schema(description = "Fields to add; absent fields keep their value")
public record FieldsUpdate(@Size(max = 64) String payer, @Size(max = 64) String memberId, @Size(max = 16) String language,
                    Boolean consentOnFile, Complexity complexity, Priority priority, OffsetDateTime dischargeAt,
                    LocalDate periodStart, @PositiveOrZero Integer minutesThisPeriod, OffsetDateTime faceToFaceAt,
                    @Size(max = 200) String referralReason, @Size(max = 64) String referringProvider,
                    LineOfBusiness lineOfBusiness, Boolean ccmConsentOnFile, ItemKind itemKind,
                    DischargeSetting dischargeSetting, DischargeDestination dischargeDestination,
                    @Pattern(regexp = CaseInput.ICD10CM, message = "must be an ICD-10-CM code such as E11.9") @Size(max = 8)
                    String diagnosisCode, ReferralUrgency referralUrgency, Specialty receivingSpecialty,
                    @Schema(description = "the patient's date of birth (FUH counts members 6 and older on the discharge date)")
                    LocalDate birthDate,
                    @Schema(description = "when the patient died: the rules close the plan's open tasks")
                    OffsetDateTime deceasedAt,
                    @Schema(description = "the patient is in hospice or used hospice services (excluded from HEDIS FUH)")
                    Boolean inHospice,
                    @Schema(description = "when the patient revoked CCM consent: CCM stops")
                    OffsetDateTime ccmConsentRevokedAt,
                    @Schema(description = "when the patient was admitted again (acute or non-acute inpatient)")
                    OffsetDateTime readmittedAt,
                    @Schema(description = "when the follow-up (FUH) or face-to-face (TCM) visit took place")
                    OffsetDateTime visitDoneAt,
                    @Schema(description = "CCM: chronic conditions expected to last at least 12 months")
                    @PositiveOrZero @jakarta.validation.constraints.Max(99) Integer chronicConditions) {

    /** An update as the second edition's referral details left it (none of the third edition's fields). */
    public FieldsUpdate(String payer, String memberId, String language, Boolean consentOnFile, Complexity complexity,
                        Priority priority, OffsetDateTime dischargeAt, LocalDate periodStart, Integer minutesThisPeriod,
                        OffsetDateTime faceToFaceAt, String referralReason, String referringProvider,
                        LineOfBusiness lineOfBusiness, Boolean ccmConsentOnFile, ItemKind itemKind,
                        DischargeSetting dischargeSetting, DischargeDestination dischargeDestination, String diagnosisCode,
                        ReferralUrgency referralUrgency, Specialty receivingSpecialty) {
        this(payer, memberId, language, consentOnFile, complexity, priority, dischargeAt, periodStart, minutesThisPeriod,
                faceToFaceAt, referralReason, referringProvider, lineOfBusiness, ccmConsentOnFile, itemKind, dischargeSetting,
                dischargeDestination, diagnosisCode, referralUrgency, receivingSpecialty, null, null, null, null, null, null, null);
    }

    /** An update as the second edition described one (no discharge setting or destination, no referral details). */
    public FieldsUpdate(String payer, String memberId, String language, Boolean consentOnFile, Complexity complexity,
                        Priority priority, OffsetDateTime dischargeAt, LocalDate periodStart, Integer minutesThisPeriod,
                        OffsetDateTime faceToFaceAt, String referralReason, String referringProvider,
                        LineOfBusiness lineOfBusiness, Boolean ccmConsentOnFile, ItemKind itemKind) {
        this(payer, memberId, language, consentOnFile, complexity, priority, dischargeAt, periodStart, minutesThisPeriod,
                faceToFaceAt, referralReason, referringProvider, lineOfBusiness, ccmConsentOnFile, itemKind, null, null, null,
                null, (Specialty) null);
    }
}
