package app.baton.security;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands out a token of the {@link DemoEhr}, so that the CDS Hooks calls of the docs run with curl; it exists only
 * with the demo accounts (the demo and test profiles), and a token is good for one call within five minutes.
 */
@RestController
@ConditionalOnProperty(name = "baton.security.demo.enabled", havingValue = "true")
class DemoEhrController {

    private final DemoEhr ehr;

    DemoEhrController(DemoEhr ehr) {
        this.ehr = ehr;
    }

    record DemoToken(String token, String issuer, long expiresIn) {
    }

    @Operation(summary = "Demo profile only: a token signed by the demo EHR, for one CDS Hooks call")
    @PostMapping("/api/v1/demo/ehr-token")
    DemoToken token() {
        return new DemoToken(ehr.token(), DemoEhr.ISSUER, DemoEhr.LIFETIME.toSeconds());
    }
}
