package app.baton.cdshooks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The FHIR server list of an EHR compares base URLs: spelling may differ, the address may not. */
class CdsHooksSettingsTests {

    private final CdsHooksSettings settings = new CdsHooksSettings("", List.of(
            new CdsHooksSettings.Ehr("main-ehr", List.of("https://fhir.example.org/r4/")),
            new CdsHooksSettings.Ehr("other-ehr", List.of("http://other.example.org:8080/fhir"))));

    @Test
    void theSameBaseUrlInAnotherSpellingIsOnTheList() {
        assertThat(settings.allowsFhirServer("main-ehr", "https://fhir.example.org/r4")).isTrue();
        assertThat(settings.allowsFhirServer("main-ehr", "HTTPS://FHIR.example.org:443/r4/")).isTrue();
    }

    @Test
    void anotherAddressOrAnotherEhrsServerIsNot() {
        assertThat(settings.allowsFhirServer("main-ehr", "http://fhir.example.org/r4")).as("scheme").isFalse();
        assertThat(settings.allowsFhirServer("main-ehr", "https://fhir.example.org:8443/r4")).as("port").isFalse();
        assertThat(settings.allowsFhirServer("main-ehr", "https://fhir.example.org/r4/Patient")).as("path").isFalse();
        assertThat(settings.allowsFhirServer("main-ehr", "https://fhir.example.org.attacker.test/r4")).as("host").isFalse();
        assertThat(settings.allowsFhirServer("main-ehr", "https://me@fhir.example.org/r4")).as("user info").isFalse();
        assertThat(settings.allowsFhirServer("main-ehr", "https://fhir.example.org/r4?x=1")).as("query").isFalse();
        assertThat(settings.allowsFhirServer("main-ehr", "http://other.example.org:8080/fhir")).as("another EHR's").isFalse();
        assertThat(settings.allowsFhirServer("demo-ehr", "https://fhir.example.org/r4")).as("an EHR without a list").isFalse();
        assertThat(settings.allowsFhirServer("main-ehr", "not a url")).isFalse();
    }

    @Test
    void aListedValueThatIsNotABaseUrlStopsTheStart() {
        assertThatThrownBy(() -> new CdsHooksSettings.Ehr("main-ehr", List.of("ftp://fhir.example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fhir-servers");
    }
}
