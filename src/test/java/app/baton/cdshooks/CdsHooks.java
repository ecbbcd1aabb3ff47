package app.baton.cdshooks;

import app.baton.HttpJson;

/** Calls of the CDS Hooks tests: a fresh demo EHR token for each (a jti is good once), and hook request bodies. */
final class CdsHooks {

    private CdsHooks() {
    }

    /** The EHR's client for one call. */
    static HttpJson ehr(HttpJson integration) {
        HttpJson.Response minted = integration.post("/api/v1/demo/ehr-token", "");
        if (minted.status() != 200) {
            throw new IllegalStateException("no demo EHR token: " + minted.status() + " " + minted.text());
        }
        return integration.withBearer(minted.json().path("token").asText());
    }

    static final String PATIENT = """
            {"resourceType": "Patient", "id": "%s",
             "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en-US"}]}, "preferred": true}]}""";

    static final String COVERAGE = """
            {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "Coverage", "status": "active",
             "subscriberId": "1EG4-TE5-MK72", "beneficiary": {"reference": "Patient/%s"},
             "payor": [{"identifier": {"value": "MEDICARE"}, "display": "Medicare"}]}}]}""";

    static String patientView(String patientId) {
        return """
                {"hook": "patient-view", "hookInstance": "%s", "context": {"userId": "Practitioner/1", "patientId": "%s"},
                 "prefetch": {"patient": %s, "coverage": %s}}
                """.formatted(java.util.UUID.randomUUID(), patientId, PATIENT.formatted(patientId), COVERAGE.formatted(patientId));
    }

    static String encounterDischarge(String patientId, String encounterEnd) {
        return encounterDischarge(patientId, encounterEnd, "IMP", "", "home");
    }

    /**
     * A discharge's Encounter: its class (v3 ActCode), its program codings ({@code type}: "" for none, else the JSON of
     * the array's items) and its HL7 discharge disposition code.
     */
    static String encounterDischarge(String patientId, String encounterEnd, String classCode, String types, String disposition) {
        String encounter = """
                {"resourceType": "Encounter", "id": "enc-1", "status": "finished", "class": {"code": "%s"}, "type": [%s],
                 "subject": {"reference": "Patient/%s"}, "period": {"start": "2026-03-05T10:00:00-05:00", "end": "%s"},
                 "hospitalization": {"dischargeDisposition": {"coding": [
                   {"system": "http://terminology.hl7.org/CodeSystem/discharge-disposition", "code": "%s"}]}}}"""
                .formatted(classCode, types, patientId, encounterEnd, disposition);
        return """
                {"hook": "encounter-discharge", "hookInstance": "%s",
                 "context": {"userId": "Practitioner/1", "patientId": "%s", "encounterId": "enc-1"},
                 "prefetch": {"patient": %s, "coverage": %s, "encounter": %s}}
                """.formatted(java.util.UUID.randomUUID(), patientId, PATIENT.formatted(patientId), COVERAGE.formatted(patientId), encounter);
    }
}
