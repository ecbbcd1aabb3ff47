package app.baton.ruleset;

import app.baton.system.ApiException;
import org.springframework.http.HttpStatus;

/** The author of a version tried to approve it: a second clinical lead must. */
class FourEyesException extends ApiException {

    FourEyesException(RuleSetVersion version) {
        super(HttpStatus.FORBIDDEN, "four-eyes", "The author cannot approve their own version",
                "version " + version.version() + " was uploaded by you; a clinical lead other than its author must approve it");
    }
}
