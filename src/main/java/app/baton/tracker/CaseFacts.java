package app.baton.tracker;

import app.baton.engine.model.CaseInput;
import app.baton.engine.model.Complexity;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import app.baton.engine.model.Program;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the tracker keeps about a patient and plan for the rules, minimized: member ID, referral
 * reason and referring provider only as "on file" (the rules test their presence, nothing more).
 * Stored as JSON on the intake and the plan.
 */
record CaseFacts(String patientId, String payer, boolean memberIdOnFile, String language, String location,
                 Boolean consentOnFile, Program program, Complexity complexity, Priority priority,
                 OffsetDateTime dischargeAt, LocalDate periodStart, Integer minutesThisPeriod, OffsetDateTime faceToFaceAt,
                 boolean referralReasonOnFile, boolean referringProviderOnFile, LineOfBusiness lineOfBusiness,
                 Boolean ccmConsentOnFile, ItemKind itemKind) {

    /** Stands in for a value the rules only test for presence. */
    private static final String ON_FILE = "on file";

    Priority priorityOrRoutine() {
        return priority == null ? Priority.ROUTINE : priority;
    }

    CaseInput.Patient patient() {
        return new CaseInput.Patient(patientId, payer, memberIdOnFile ? ON_FILE : null, language, location, consentOnFile,
                lineOfBusiness, ccmConsentOnFile);
    }

    CaseInput.CarePlan carePlan(String planId, app.baton.engine.model.Stage stage) {
        return new CaseInput.CarePlan(planId, program, stage, complexity, dischargeAt, periodStart, minutesThisPeriod, faceToFaceAt,
                referralReasonOnFile ? ON_FILE : null, referringProviderOnFile ? ON_FILE : null, itemKind);
    }

    /** These facts with the non-null values of {@code more} laid over them. */
    CaseFacts with(FieldsUpdate more) {
        return new CaseFacts(patientId, or(more.payer(), payer), memberIdOnFile || present(more.memberId()),
                or(more.language(), language), location, or(more.consentOnFile(), consentOnFile), program,
                or(more.complexity(), complexity), or(more.priority(), priority), or(more.dischargeAt(), dischargeAt),
                or(more.periodStart(), periodStart), or(more.minutesThisPeriod(), minutesThisPeriod),
                or(more.faceToFaceAt(), faceToFaceAt), referralReasonOnFile || present(more.referralReason()),
                referringProviderOnFile || present(more.referringProvider()), or(more.lineOfBusiness(), lineOfBusiness),
                or(more.ccmConsentOnFile(), ccmConsentOnFile), or(more.itemKind(), itemKind));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
