package app.baton.tracker;

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
 * The diagnosis code is kept the same way: the intake checked its ICD-10-CM shape. Stored as JSON on the intake and the plan.
 */
record CaseFacts(String patientId, String payer, boolean memberIdOnFile, String language, String location,
                 Boolean consentOnFile, Program program, Complexity complexity, Priority priority,
                 OffsetDateTime dischargeAt, LocalDate periodStart, Integer minutesThisPeriod, OffsetDateTime faceToFaceAt,
                 boolean referralReasonOnFile, boolean referringProviderOnFile, LineOfBusiness lineOfBusiness,
                 Boolean ccmConsentOnFile, ItemKind itemKind, DischargeSetting dischargeSetting,
                 DischargeDestination dischargeDestination, boolean diagnosisCodeOnFile, ReferralUrgency referralUrgency,
                 Specialty receivingSpecialty) {

    /** Stands in for a value the rules only test for presence. */
    private static final String ON_FILE = "on file";
    /** Stands in for a diagnosis code on file (the rules test its presence); a valid ICD-10-CM shape. */
    private static final String DIAGNOSIS_ON_FILE = "R69";

    Priority priorityOrRoutine() {
        return priority == null ? Priority.ROUTINE : priority;
    }

    CaseInput.Patient patient() {
        return new CaseInput.Patient(patientId, payer, memberIdOnFile ? ON_FILE : null, language, location, consentOnFile,
                lineOfBusiness, ccmConsentOnFile);
    }

    CaseInput.CarePlan carePlan(String planId, app.baton.engine.model.Stage stage) {
        return new CaseInput.CarePlan(planId, program, stage, complexity, dischargeAt, periodStart, minutesThisPeriod, faceToFaceAt,
                referralReasonOnFile ? ON_FILE : null, referringProviderOnFile ? ON_FILE : null, itemKind, dischargeSetting,
                dischargeDestination, diagnosisCodeOnFile ? DIAGNOSIS_ON_FILE : null, referralUrgency, receivingSpecialty);
    }

    /** These facts with the non-null values of {@code more} laid over them. */
    CaseFacts with(FieldsUpdate more) {
        return new CaseFacts(patientId, or(more.payer(), payer), memberIdOnFile || present(more.memberId()),
                or(more.language(), language), location, or(more.consentOnFile(), consentOnFile), program,
                or(more.complexity(), complexity), or(more.priority(), priority), or(more.dischargeAt(), dischargeAt),
                or(more.periodStart(), periodStart), or(more.minutesThisPeriod(), minutesThisPeriod),
                or(more.faceToFaceAt(), faceToFaceAt), referralReasonOnFile || present(more.referralReason()),
                referringProviderOnFile || present(more.referringProvider()), or(more.lineOfBusiness(), lineOfBusiness),
                or(more.ccmConsentOnFile(), ccmConsentOnFile), or(more.itemKind(), itemKind),
                or(more.dischargeSetting(), dischargeSetting), or(more.dischargeDestination(), dischargeDestination),
                diagnosisCodeOnFile || present(more.diagnosisCode()), or(more.referralUrgency(), referralUrgency),
                or(more.receivingSpecialty(), receivingSpecialty));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
