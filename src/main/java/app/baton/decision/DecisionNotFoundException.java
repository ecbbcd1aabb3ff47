package app.baton.decision;

import app.baton.system.ApiException;
import org.springframework.http.HttpStatus;

class DecisionNotFoundException extends ApiException {

    DecisionNotFoundException() {
        super(HttpStatus.NOT_FOUND, "decision-not-found", "No such decision", "no decision has this id");
    }
}
