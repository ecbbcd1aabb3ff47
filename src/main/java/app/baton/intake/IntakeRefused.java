package app.baton.intake;

/**
 * An intake was refused before anything was stored: at a location that is not the caller's, or under a
 * source system reserved to other API keys. For the audit trail (outcome DENIED); ids and codes only.
 *
 * @param field     the field the refusal names: {@code patient.location} or {@code sourceSystem}
 * @param patientId the patient the request named
 */
public record IntakeRefused(String field, String patientId) {
}
