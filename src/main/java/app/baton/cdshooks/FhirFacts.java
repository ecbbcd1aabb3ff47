package app.baton.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * What the rules read, taken from the prefetched FHIR R4 resources (plain JSON): the patient's preferred language
 * ({@code Patient.communication}), the payer ({@code Coverage.payor[0].identifier.value}, else its display as a code)
 * and whether a member ID is on file ({@code Coverage.subscriberId} or an identifier), and at discharge the
 * encounter's end and disposition. A value the resources do not carry is null: the rules then say it is missing.
 */
record FhirFacts(String language, String payer, boolean memberIdOnFile, OffsetDateTime dischargeAt, String dischargeDisposition) {

    static FhirFacts of(Map<String, JsonNode> resources) {
        JsonNode patient = resource(resources.get("patient"), "Patient");
        JsonNode coverage = resource(resources.get("coverage"), "Coverage");
        JsonNode encounter = resource(resources.get("encounter"), "Encounter");
        return new FhirFacts(language(patient), payer(coverage), memberId(coverage), dateTime(encounter.path("period").path("end")),
                text(encounter.path("hospitalization").path("dischargeDisposition").path("coding").path(0).path("code")));
    }

    /** The resource of that type: the node itself, or the first entry of a searchset Bundle; a missing node otherwise. */
    private static JsonNode resource(JsonNode node, String type) {
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (type.equals(node.path("resourceType").asText())) {
            return node;
        }
        for (JsonNode entry : node.path("entry")) {
            if (type.equals(entry.path("resource").path("resourceType").asText())) {
                return entry.path("resource");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String language(JsonNode patient) {
        JsonNode chosen = null;
        for (JsonNode communication : patient.path("communication")) {
            if (chosen == null || communication.path("preferred").asBoolean(false)) {
                chosen = communication;
            }
        }
        if (chosen == null) {
            return null;
        }
        String code = text(chosen.path("language").path("coding").path(0).path("code"));
        // "es-MX" is Spanish to the rules, which read the language, not the region
        return code == null ? null : code.split("-")[0].toLowerCase(Locale.ROOT);
    }

    private static String payer(JsonNode coverage) {
        JsonNode payor = coverage.path("payor").path(0);
        String identifier = text(payor.path("identifier").path("value"));
        if (identifier != null) {
            return identifier;
        }
        String display = text(payor.path("display"));
        return display == null ? null : display.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    private static boolean memberId(JsonNode coverage) {
        return text(coverage.path("subscriberId")) != null || text(coverage.path("identifier").path(0).path("value")) != null;
    }

    private static OffsetDateTime dateTime(JsonNode node) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
