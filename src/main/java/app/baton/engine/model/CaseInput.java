package app.baton.engine.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What a decision is made on: one task in the context of its care plan and patient. */
public record CaseInput(@Valid Practice practice, @Valid Patient patient,
                        @NotNull @Valid CarePlan carePlan, @NotNull @Valid Task task) {

    /**
     * @param closures the practice's own closure dates for this decision, added to the configured ones: they shift
     *                 working-day terms and business hours (work), never a business-day term (a regulatory deadline)
     */
    public record Practice(@Size(max = 64) String timeZone, @Size(max = 32) String calendar,
                           @Size(max = 366) List<LocalDate> closures) {

        /** A practice as the first edition of the API described one (no closures of its own). */
        public Practice(String timeZone, String calendar) {
            this(timeZone, calendar, null);
        }
    }

    public record Patient(@Size(max = 64) String id, @Size(max = 64) String payer,
                          @Size(max = 64) String memberId, @Size(max = 16) String language,
                          @Size(max = 64) String location, Boolean consentOnFile,
                          LineOfBusiness lineOfBusiness, Boolean ccmConsentOnFile, LocalDate birthDate,
                          OffsetDateTime deceasedAt, Boolean inHospice, OffsetDateTime ccmConsentRevokedAt) {

        /** A patient as the first edition of the API described one (no line of business, no CCM consent). */
        public Patient(String id, String payer, String memberId, String language, String location, Boolean consentOnFile) {
            this(id, payer, memberId, language, location, consentOnFile, null, null);
        }

        /** A patient as the second edition described one (no birth date, death, hospice or CCM revocation). */
        public Patient(String id, String payer, String memberId, String language, String location, Boolean consentOnFile,
                       LineOfBusiness lineOfBusiness, Boolean ccmConsentOnFile) {
            this(id, payer, memberId, language, location, consentOnFile, lineOfBusiness, ccmConsentOnFile, null, null, null, null);
        }
    }

    /** An ICD-10-CM code as written: a letter, a digit, a digit or letter, then optionally a dot and 1 to 4 digits or letters. */
    public static final String ICD10CM = "^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$";

    public record CarePlan(@Size(max = 64) String id, @NotNull Program program, Stage stage,
                           Complexity complexity, OffsetDateTime dischargeAt, LocalDate periodStart,
                           @PositiveOrZero Integer minutesThisPeriod, OffsetDateTime faceToFaceAt,
                           @Size(max = 200) String referralReason, @Size(max = 64) String referringProvider,
                           ItemKind itemKind, DischargeSetting dischargeSetting, DischargeDestination dischargeDestination,
                           @Pattern(regexp = ICD10CM, message = "must be an ICD-10-CM code such as E11.9")
                           @Size(max = 8) String diagnosisCode,
                           ReferralUrgency referralUrgency, Specialty receivingSpecialty,
                           OffsetDateTime readmittedAt, OffsetDateTime visitDoneAt,
                           @PositiveOrZero @Max(99) Integer chronicConditions, OffsetDateTime previousTcmDischargeAt) {

        /** A care plan as the second edition's referral details left it (no readmission, visit done, conditions or earlier TCM). */
        public CarePlan(String id, Program program, Stage stage, Complexity complexity, OffsetDateTime dischargeAt,
                        LocalDate periodStart, Integer minutesThisPeriod, OffsetDateTime faceToFaceAt, String referralReason,
                        String referringProvider, ItemKind itemKind, DischargeSetting dischargeSetting,
                        DischargeDestination dischargeDestination, String diagnosisCode, ReferralUrgency referralUrgency,
                        Specialty receivingSpecialty) {
            this(id, program, stage, complexity, dischargeAt, periodStart, minutesThisPeriod, faceToFaceAt, referralReason,
                    referringProvider, itemKind, dischargeSetting, dischargeDestination, diagnosisCode, referralUrgency,
                    receivingSpecialty, null, null, null, null);
        }

        /** A care plan as the first edition of the API described one (no item kind). */
        public CarePlan(String id, Program program, Stage stage, Complexity complexity, OffsetDateTime dischargeAt,
                        LocalDate periodStart, Integer minutesThisPeriod, OffsetDateTime faceToFaceAt, String referralReason,
                        String referringProvider) {
            this(id, program, stage, complexity, dischargeAt, periodStart, minutesThisPeriod, faceToFaceAt, referralReason,
                    referringProvider, null);
        }

        /** A care plan as the second edition described one (no discharge setting or destination, no referral details). */
        public CarePlan(String id, Program program, Stage stage, Complexity complexity, OffsetDateTime dischargeAt,
                        LocalDate periodStart, Integer minutesThisPeriod, OffsetDateTime faceToFaceAt, String referralReason,
                        String referringProvider, ItemKind itemKind) {
            this(id, program, stage, complexity, dischargeAt, periodStart, minutesThisPeriod, faceToFaceAt, referralReason,
                    referringProvider, itemKind, null, null, null, null, null);
        }
    }

    public record Task(@NotBlank @Size(max = 64) String id, @NotNull TaskType type, @NotNull TaskStatus status,
                       Priority priority, OffsetDateTime createdAt, OffsetDateTime statusSince,
                       @PositiveOrZero Integer attempts, OffsetDateTime submittedAt) {
    }
}
