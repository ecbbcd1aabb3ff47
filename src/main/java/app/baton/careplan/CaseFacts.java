package app.baton.careplan;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.ReferralUrgency;
import app.baton.engine.model.Specialty;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the tracker keeps about a patient and plan for the rules, minimized: member ID, referral
 * reason and referring provider only as "on file" (the rules test their presence, nothing more).
 * The diagnosis code is kept the same way: the intake checked its ICD-10-CM shape. The birth date is kept as sent
 * (the plan template reads the age on the discharge date). Stored as JSON on the intake and the plan.
 */
public record CaseFacts(String patientId, String payer, boolean memberIdOnFile, String language, String location,
                 Boolean consentOnFile, Program program, Complexity complexity, Priority priority,
                 OffsetDateTime dischargeAt, LocalDate periodStart, Integer minutesThisPeriod, OffsetDateTime faceToFaceAt,
                 boolean referralReasonOnFile, boolean referringProviderOnFile, LineOfBusiness lineOfBusiness,
                 Boolean ccmConsentOnFile, ItemKind itemKind, DischargeSetting dischargeSetting,
                 DischargeDestination dischargeDestination, boolean diagnosisCodeOnFile, ReferralUrgency referralUrgency,
                 Specialty receivingSpecialty, LocalDate birthDate, OffsetDateTime deceasedAt, Boolean inHospice,
                 OffsetDateTime ccmConsentRevokedAt, OffsetDateTime readmittedAt, OffsetDateTime visitDoneAt,
                 Integer chronicConditions, OffsetDateTime previousTcmDischargeAt) {

    /** Facts as the second edition kept them (no birth date, death, hospice, revocation, readmission, visit done, conditions). */
    CaseFacts(String patientId, String payer, boolean memberIdOnFile, String language, String location,
              Boolean consentOnFile, Program program, Complexity complexity, Priority priority,
              OffsetDateTime dischargeAt, LocalDate periodStart, Integer minutesThisPeriod, OffsetDateTime faceToFaceAt,
              boolean referralReasonOnFile, boolean referringProviderOnFile, LineOfBusiness lineOfBusiness,
              Boolean ccmConsentOnFile, ItemKind itemKind, DischargeSetting dischargeSetting,
              DischargeDestination dischargeDestination, boolean diagnosisCodeOnFile, ReferralUrgency referralUrgency,
              Specialty receivingSpecialty) {
        this(patientId, payer, memberIdOnFile, language, location, consentOnFile, program, complexity, priority, dischargeAt,
                periodStart, minutesThisPeriod, faceToFaceAt, referralReasonOnFile, referringProviderOnFile, lineOfBusiness,
                ccmConsentOnFile, itemKind, dischargeSetting, dischargeDestination, diagnosisCodeOnFile, referralUrgency,
                receivingSpecialty, null, null, null, null, null, null, null, null);
    }

    /** These facts for a new service month (CCM): the period starts on {@code start}, with no minutes logged yet. */
    public CaseFacts forMonth(LocalDate start) {
        return new CaseFacts(patientId, payer, memberIdOnFile, language, location, consentOnFile, program, complexity, priority,
                dischargeAt, start, 0, faceToFaceAt, referralReasonOnFile, referringProviderOnFile,
                lineOfBusiness, ccmConsentOnFile, itemKind, dischargeSetting, dischargeDestination, diagnosisCodeOnFile,
                referralUrgency, receivingSpecialty, birthDate, deceasedAt, inHospice, ccmConsentRevokedAt, readmittedAt,
                visitDoneAt, chronicConditions, previousTcmDischargeAt);
    }

    /** These facts with the discharge date of the patient's previous TCM service period (the tracker's own plans). */
    public CaseFacts withPreviousTcmDischargeAt(OffsetDateTime at) {
        return new CaseFacts(patientId, payer, memberIdOnFile, language, location, consentOnFile, program, complexity, priority,
                dischargeAt, periodStart, minutesThisPeriod, faceToFaceAt, referralReasonOnFile, referringProviderOnFile,
                lineOfBusiness, ccmConsentOnFile, itemKind, dischargeSetting, dischargeDestination, diagnosisCodeOnFile,
                referralUrgency, receivingSpecialty, birthDate, deceasedAt, inHospice, ccmConsentRevokedAt, readmittedAt,
                visitDoneAt, chronicConditions, at);
    }

    /** Stands in for a value the rules only test for presence. */
    private static final String ON_FILE = "on file";
    /** Stands in for a diagnosis code on file (the rules test its presence); a valid ICD-10-CM shape. */
    private static final String DIAGNOSIS_ON_FILE = "R69";

    public Priority priorityOrRoutine() {
        return priority == null ? Priority.ROUTINE : priority;
    }

    public CaseInput.Patient patient() {
        return new CaseInput.Patient(patientId, payer, memberIdOnFile ? ON_FILE : null, language, location, consentOnFile,
                lineOfBusiness, ccmConsentOnFile, birthDate, deceasedAt, inHospice, ccmConsentRevokedAt);
    }

    public CaseInput.CarePlan carePlan(String planId, app.baton.engine.model.Stage stage) {
        return new CaseInput.CarePlan(planId, program, stage, complexity, dischargeAt, periodStart, minutesThisPeriod, faceToFaceAt,
                referralReasonOnFile ? ON_FILE : null, referringProviderOnFile ? ON_FILE : null, itemKind, dischargeSetting,
                dischargeDestination, diagnosisCodeOnFile ? DIAGNOSIS_ON_FILE : null, referralUrgency, receivingSpecialty,
                readmittedAt, visitDoneAt, chronicConditions, previousTcmDischargeAt);
    }

    /** These facts with the non-null values of {@code more} laid over them. */
    public CaseFacts with(FieldsUpdate more) {
        return new CaseFacts(patientId, or(more.payer(), payer), memberIdOnFile || present(more.memberId()),
                or(more.language(), language), location, or(more.consentOnFile(), consentOnFile), program,
                or(more.complexity(), complexity), or(more.priority(), priority), or(more.dischargeAt(), dischargeAt),
                or(more.periodStart(), periodStart), or(more.minutesThisPeriod(), minutesThisPeriod),
                or(more.faceToFaceAt(), faceToFaceAt), referralReasonOnFile || present(more.referralReason()),
                referringProviderOnFile || present(more.referringProvider()), or(more.lineOfBusiness(), lineOfBusiness),
                or(more.ccmConsentOnFile(), ccmConsentOnFile), or(more.itemKind(), itemKind),
                or(more.dischargeSetting(), dischargeSetting), or(more.dischargeDestination(), dischargeDestination),
                diagnosisCodeOnFile || present(more.diagnosisCode()), or(more.referralUrgency(), referralUrgency),
                or(more.receivingSpecialty(), receivingSpecialty), or(more.birthDate(), birthDate),
                or(more.deceasedAt(), deceasedAt), or(more.inHospice(), inHospice),
                or(more.ccmConsentRevokedAt(), ccmConsentRevokedAt), or(more.readmittedAt(), readmittedAt),
                or(more.visitDoneAt(), visitDoneAt), or(more.chronicConditions(), chronicConditions), previousTcmDischargeAt);
    }

    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
