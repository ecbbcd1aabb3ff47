package app.baton.ruleset;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A lifecycle step that the version's state does not allow: says why and what would allow it. */
class LifecycleConflictException extends ApiException {

    LifecycleConflictException(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }

    LifecycleConflictException(String type, String title, String detail, List<Problems.FieldError> errors) {
        super(HttpStatus.CONFLICT, type, title, detail, errors);
    }

    static LifecycleConflictException notADraft(RuleSetVersion version) {
        return new LifecycleConflictException("rule-set-not-a-draft", "Only a draft can be approved",
                "version " + version.version() + " is " + version.status() + "; only a DRAFT can be approved");
    }

    static LifecycleConflictException notApproved(RuleSetVersion version) {
        String detail = switch (version.status()) {
            case RuleSetVersion.ACTIVE -> "version " + version.version() + " is already active";
            case RuleSetVersion.DRAFT -> "version " + version.version()
                    + " is a draft; a clinical lead other than its author must approve it first";
            default -> "version " + version.version() + " is " + version.status() + " and cannot be activated";
        };
        return new LifecycleConflictException("rule-set-not-activatable", "This version cannot be activated", detail);
    }
}
