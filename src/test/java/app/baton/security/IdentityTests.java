package app.baton.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTests {

    private static Identity at(String... locations) {
        return new Identity("1", "nurse", Identity.Kind.USER, Set.of(Role.CLINICAL_STAFF), Set.of(locations));
    }

    @Test
    void seesTheLocationsItIsGiven() {
        assertThat(at("MAIN_CLINIC").seesLocation("MAIN_CLINIC")).isTrue();
        assertThat(at("MAIN_CLINIC").seesLocation("NORTH_CLINIC")).isFalse();
        assertThat(at().seesLocation("MAIN_CLINIC")).isFalse();
    }

    @Test
    void starSeesEveryLocation() {
        assertThat(at(Identity.ALL_LOCATIONS).seesLocation("NORTH_CLINIC")).isTrue();
    }
}
