package app.baton.ruleset;

import app.baton.system.ApiException;
import org.springframework.http.HttpStatus;

/** No rule set version is loaded yet (startup) or the active one could not be compiled. */
public class NoActiveRuleSetException extends ApiException {

    public NoActiveRuleSetException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "no-active-rule-set", "No rule set is active",
                "Baton is starting or its active rule set failed to load; retry shortly");
    }
}
