package app.baton.intake;

import app.baton.PhiValues;

import java.util.UUID;

/** Intake bodies for the tracker's tests. */
public final class Intake {

    private Intake() {
    }

    /** A complete TCM discharge (high complexity) of Monday 9 March 2026, 08:00 New York time. */
    public static String tcmDischarge(String sourceId, String location) {
        return """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "memberId": "%s", "language": "en", "location": "%s",
                             "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(sourceId, sourceId, PhiValues.MEMBER_ID, location);
    }

    /** A TCM discharge like {@link #tcmDischarge} but without member ID or language: the rules flag both, never hold the plan. */
    public static String tcmDischargeWithoutMemberIdOrLanguage(String sourceId) {
        return """
                {"sourceSystem": "EHR-ADT", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICARE", "location": "MAIN_CLINIC", "consentOnFile": true},
                 "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}
                """.formatted(sourceId, sourceId);
    }

    /** A referral without a member ID, so the rules hold it. */
    public static String referralWithoutMemberId(String sourceId) {
        return """
                {"sourceSystem": "REFERRALS", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICAID", "language": "en", "location": "MAIN_CLINIC", "consentOnFile": true},
                 "program": "REFERRAL", "referralReason": "knee pain", "referringProvider": "%s",
                 "diagnosisCode": "M25.561", "referralUrgency": "ROUTINE", "receivingSpecialty": "ORTHOPEDICS"}
                """.formatted(sourceId, sourceId, PhiValues.PROVIDER);
    }

    /** A complete referral: its plan's scheduling task waits for the referral intake task. */
    public static String referral(String sourceId) {
        return """
                {"sourceSystem": "REFERRALS", "sourceId": "%s",
                 "patient": {"id": "pt-%s", "payer": "MEDICAID", "memberId": "%s", "language": "en", "location": "MAIN_CLINIC",
                             "consentOnFile": true},
                 "program": "REFERRAL", "referralReason": "knee pain", "referringProvider": "%s",
                 "diagnosisCode": "M25.561", "referralUrgency": "ROUTINE", "receivingSpecialty": "ORTHOPEDICS"}
                """.formatted(sourceId, sourceId, PhiValues.MEMBER_ID, PhiValues.PROVIDER);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
