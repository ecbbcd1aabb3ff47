package app.baton.cdshooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A CDS Hooks call as the EHR sends it. Fields Baton does not read (extensions, {@code fhirAuthorization.patient})
 * are ignored, as the spec lets a client add them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HookRequest(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
                   JsonNode context, Map<String, JsonNode> prefetch) {

    /** The OAuth 2.0 access token the EHR lends for reading from {@code fhirServer}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FhirAuthorization(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                             @JsonProperty("expires_in") Integer expiresIn, String scope, String subject) {
    }

    /** A text field of {@code context}, or null. */
    String contextText(String field) {
        JsonNode value = context == null ? null : context.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
