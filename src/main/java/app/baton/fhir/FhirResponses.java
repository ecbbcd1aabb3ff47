package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Every FHIR answer: the resource in R4 JSON as {@code application/fhir+json}. */
@Component
class FhirResponses {

    static final String FHIR_JSON = "application/fhir+json";
    static final MediaType FHIR_JSON_UTF8 = MediaType.parseMediaType(FHIR_JSON + ";charset=UTF-8");

    private final FhirContext context;

    FhirResponses(FhirContext context) {
        this.context = context;
    }

    ResponseEntity<String> ok(IBaseResource resource) {
        return status(200, resource);
    }

    ResponseEntity<String> status(int status, IBaseResource resource) {
        return ResponseEntity.status(status).contentType(FHIR_JSON_UTF8).body(encode(resource));
    }

    String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }
}
