package app.baton.fhir;

import ca.uhn.fhir.context.FhirContext;

import java.util.List;

/**
 * For tests of other modules that produce FHIR R4 (CDS Hooks suggestions): the errors Baton's R4 validator finds in a
 * resource's JSON, each as "location message". One validator for the test JVM, built on first use.
 */
public final class R4OutputCheck {

    private static volatile R4Validation validation;

    private R4OutputCheck() {
    }

    public static List<String> errors(String json) {
        if (validation == null) {
            synchronized (R4OutputCheck.class) {
                if (validation == null) {
                    validation = new R4Validation(FhirContext.forR4Cached());
                }
            }
        }
        return validation.validate(json).stream().filter(FhirInputs::isError)
                .map(m -> m.getLocationString() + " " + m.getMessage()).toList();
    }
}
