package app.baton.cdshooks;

import app.baton.engine.model.DischargeDestination;
import app.baton.engine.model.DischargeEncounter;
import app.baton.engine.model.DischargeSetting;
import app.baton.engine.model.Program;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the rules read, taken from the prefetched FHIR R4 resources (plain JSON): the patient's preferred language
 * ({@code Patient.communication}), the payer ({@code Coverage.payor[0].identifier.value}, else its display as a code)
 * and whether a member ID is on file ({@code Coverage.subscriberId} or an identifier), and at discharge the
 * encounter's end, and its program, setting and destination read as the FHIR intake reads them
 * ({@link DischargeEncounter}: a program coding in {@code type}, {@code class}, {@code hospitalization.dischargeDisposition}).
 * A value the resources do not carry is null: the rules then say it is missing.
 */
record FhirFacts(String language, String payer, boolean memberIdOnFile, OffsetDateTime dischargeAt, Program program,
                 DischargeSetting dischargeSetting, DischargeDestination dischargeDestination) {

    static FhirFacts of(Map<String, JsonNode> resources) {
        JsonNode patient = resource(resources.get("patient"), "Patient");
        JsonNode coverage = resource(resources.get("coverage"), "Coverage");
        JsonNode encounter = resource(resources.get("encounter"), "Encounter");
        return new FhirFacts(language(patient), payer(coverage), memberId(coverage), dateTime(encounter.path("period").path("end")),
                program(encounter), DischargeEncounter.setting(text(encounter.path("class").path("code"))), destination(encounter));
    }

    /** The program a {@code type} coding of Baton's program system names; a code that is none is a 400 naming it. */
    private static Program program(JsonNode encounter) {
        JsonNode types = encounter.path("type");
        for (int i = 0; i < types.size(); i++) {
            for (JsonNode coding : types.get(i).path("coding")) {
                if (DischargeEncounter.PROGRAM_SYSTEM.equals(text(coding.path("system")))) {
                    try {
                        return DischargeEncounter.program(text(coding.path("code")));
                    } catch (IllegalArgumentException e) {
                        String field = "prefetch.encounter.type[" + i + "]";
                        throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                                field + " is not a code of " + DischargeEncounter.PROGRAM_SYSTEM,
                                List.of(new Problems.FieldError(field, "not a program code of " + DischargeEncounter.PROGRAM_SYSTEM)));
                    }
                }
            }
        }
        return null;
    }

    /** The first dischargeDisposition coding of HL7's system, read as the FHIR intake reads it. */
    private static DischargeDestination destination(JsonNode encounter) {
        for (JsonNode coding : encounter.path("hospitalization").path("dischargeDisposition").path("coding")) {
            String system = text(coding.path("system"));
            if (DischargeEncounter.DISCHARGE_DISPOSITION_SYSTEM.equals(system)) {
                return DischargeEncounter.destination(system, text(coding.path("code")));
            }
        }
        return null;
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
