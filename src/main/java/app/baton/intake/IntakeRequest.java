package app.baton.intake;

import app.baton.careplan.CaseFacts;

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
import app.baton.engine.model.Program;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A referral or a discharge event from another system. {@code sourceSystem} and {@code sourceId}
 * identify the event: the same pair twice is one intake. Which of the other fields are required is
 * the active rule set's missing-info decision, not this shape.
 */
@Schema(description = "A referral or discharge event; sourceSystem + sourceId make it idempotent")
public record IntakeRequest(@NotBlank @Size(max = 64) String sourceSystem, @NotBlank @Size(max = 128) String sourceId,
                     @NotNull @Valid Patient patient,
                     @Schema(description = "discharges: TCM (default) or FUH; referrals: REFERRAL (default), CCM, PRIOR_AUTH or GENERAL")
                     Program program, Complexity complexity, Priority priority, OffsetDateTime dischargeAt, LocalDate periodStart,
                     @Size(max = 200) String referralReason, @Size(max = 64) String referringProvider,
                     @Schema(description = "prior authorization: SERVICE (an item or service) or DRUG; decides the payer's decision clock")
                     ItemKind itemKind,
                     @Schema(description = "discharges: where the patient was discharged from; EMERGENCY_DEPARTMENT is not a TCM discharge")
                     DischargeSetting dischargeSetting,
                     @Schema(description = "discharges: where the patient went (TCM needs a community setting)")
                     DischargeDestination dischargeDestination,
                     @Schema(description = "referrals: the ICD-10-CM code of the referral reason, e.g. M25.561; kept only as on file")
                     @Pattern(regexp = CaseInput.ICD10CM, message = "must be an ICD-10-CM code such as E11.9") @Size(max = 8)
                     String diagnosisCode,
                     @Schema(description = "referrals: ROUTINE or URGENT, as the referring clinician asks")
                     ReferralUrgency referralUrgency,
                     @Schema(description = "referrals: the specialty the patient is referred to, e.g. CARDIOLOGY")
                     Specialty receivingSpecialty,
                     @Schema(description = "discharges: when the patient was admitted again (acute or non-acute inpatient)")
                     OffsetDateTime readmittedAt,
                     @Schema(description = "CCM: chronic conditions expected to last at least 12 months (fewer than 2: no CCM plan)")
                     @PositiveOrZero @Max(99) Integer chronicConditions,
                     @Schema(description = "TCM: the discharge date of the patient's previous TCM service period, if another practice "
                             + "reported it; Baton also looks at its own TCM plans")
                     OffsetDateTime previousTcmDischargeAt) {

    /** An intake as the second edition's referral details left it (no readmission, conditions or earlier TCM). */
    public IntakeRequest(String sourceSystem, String sourceId, Patient patient, Program program, Complexity complexity,
                  Priority priority, OffsetDateTime dischargeAt, LocalDate periodStart, String referralReason,
                  String referringProvider, ItemKind itemKind, DischargeSetting dischargeSetting,
                  DischargeDestination dischargeDestination, String diagnosisCode, ReferralUrgency referralUrgency,
                  Specialty receivingSpecialty) {
        this(sourceSystem, sourceId, patient, program, complexity, priority, dischargeAt, periodStart, referralReason,
                referringProvider, itemKind, dischargeSetting, dischargeDestination, diagnosisCode, referralUrgency,
                receivingSpecialty, null, null, null);
    }

    /** An intake as the second edition described one (no discharge setting or destination, no referral details). */
    IntakeRequest(String sourceSystem, String sourceId, Patient patient, Program program, Complexity complexity,
                  Priority priority, OffsetDateTime dischargeAt, LocalDate periodStart, String referralReason,
                  String referringProvider, ItemKind itemKind) {
        this(sourceSystem, sourceId, patient, program, complexity, priority, dischargeAt, periodStart, referralReason,
                referringProvider, itemKind, null, null, null, null, null);
    }

    /** The patient as the sender knows them; member ID is kept only as "on file". */
    public record Patient(@NotBlank @Size(max = 64) String id, @Size(max = 64) String payer, @Size(max = 64) String memberId,
                   @Size(max = 16) String language, @NotBlank @Size(max = 64) String location, Boolean consentOnFile,
                   @Schema(description = "the payer's line of business, e.g. MEDICARE_ADVANTAGE, MEDICAID, COMMERCIAL, SELF_PAY")
                   LineOfBusiness lineOfBusiness,
                   @Schema(description = "CCM consent (cost sharing, one practitioner a month, the right to stop) documented")
                   Boolean ccmConsentOnFile,
                   @Schema(description = "date of birth (HEDIS FUH counts members 6 and older on the discharge date)")
                   LocalDate birthDate,
                   @Schema(description = "when the patient died, if known")
                   OffsetDateTime deceasedAt,
                   @Schema(description = "in hospice or using hospice services (excluded from HEDIS FUH)")
                   Boolean inHospice) {

        /** A patient as the second edition described one (no birth date, death or hospice). */
        public Patient(String id, String payer, String memberId, String language, String location, Boolean consentOnFile,
                       LineOfBusiness lineOfBusiness, Boolean ccmConsentOnFile) {
            this(id, payer, memberId, language, location, consentOnFile, lineOfBusiness, ccmConsentOnFile, null, null, null);
        }
    }

    CaseFacts facts(Program resolved) {
        return new CaseFacts(patient.id(), patient.payer(), CaseFacts.present(patient.memberId()), patient.language(),
                patient.location(), patient.consentOnFile(), resolved, complexity, priority, dischargeAt, periodStart, null, null,
                CaseFacts.present(referralReason), CaseFacts.present(referringProvider), patient.lineOfBusiness(),
                patient.ccmConsentOnFile(), itemKind, dischargeSetting, dischargeDestination, CaseFacts.present(diagnosisCode),
                referralUrgency, receivingSpecialty, patient.birthDate(), patient.deceasedAt(), patient.inHospice(), null,
                readmittedAt, null, chronicConditions, previousTcmDischargeAt);
    }
}
