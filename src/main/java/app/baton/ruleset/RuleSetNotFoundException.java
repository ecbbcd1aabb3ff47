package app.baton.ruleset;

import app.baton.system.ApiException;
import org.springframework.http.HttpStatus;

/** The caller named a rule set version that does not exist. */
public class RuleSetNotFoundException extends ApiException {

    public RuleSetNotFoundException(int version) {
        super(HttpStatus.NOT_FOUND, "rule-set-not-found", "No such rule set version",
                "rule set version " + version + " does not exist");
    }
}
