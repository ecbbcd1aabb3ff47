package app.baton.fhir;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a FHIR address Baton does not serve is told in words: the resource type or operation, never the rest of the address. */
class FhirNotServedTests {

    private static final String SERVED = "(Task, CarePlan, Encounter, ServiceRequest)";

    @Test
    void aResourceTypeTheCapabilityStatementDoesNotListIsNamed() {
        assertThat(FhirNotServed.why("GET", "/fhir/r4/Patient/pt-1"))
                .isEqualTo("Baton serves no Patient resources; GET /fhir/r4/metadata lists what Baton serves " + SERVED);
        assertThat(FhirNotServed.why("GET", "/fhir/r4/Observation")).startsWith("Baton serves no Observation resources;");
    }

    @Test
    void anOperationIsNamedAtTheSystemTypeAndInstanceLevel() {
        assertThat(FhirNotServed.why("POST", "/fhir/r4/$everything")).startsWith("Baton serves no system operation $everything;");
        assertThat(FhirNotServed.why("POST", "/fhir/r4/Task/1/$validate")).startsWith("Baton serves no operation $validate on Task;");
        assertThat(FhirNotServed.why("GET", "/fhir/r4/CarePlan/$expand")).startsWith("Baton serves no operation $expand on CarePlan;");
    }

    @Test
    void anotherInteractionOfAServedTypeSaysWhichTypeAndMethod() {
        assertThat(FhirNotServed.why("GET", "/fhir/r4/Task/1/_history/2")).startsWith("Baton serves no such Task interaction (GET);");
        assertThat(FhirNotServed.why("POST", "/fhir/r4")).startsWith("Baton serves no interaction at the FHIR base");
        assertThat(FhirNotServed.why("POST", "/fhir/r4/")).startsWith("Baton serves no interaction at the FHIR base");
    }

    @Test
    void whatIsNotAPlainWordIsNotEchoed() {
        assertThat(FhirNotServed.why("GET", "/fhir/r4/%3Cscript%3E/1")).startsWith("Baton serves no such resource type;")
                .doesNotContain("%3C");
        assertThat(FhirNotServed.why("GET", "/fhir/r4/$%3Cx%3E")).startsWith("Baton serves no system operation of that name;");
        assertThat(FhirNotServed.why("GET", "/fhir/r4/" + "A".repeat(100))).doesNotContain("A".repeat(100));
        assertThat(FhirNotServed.why("BREW<x>", "/fhir/r4/Task/1/x")).doesNotContain("BREW").startsWith("Baton serves no such Task interaction;");
    }
}
