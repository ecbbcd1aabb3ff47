package app.baton.intake;

import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.security.SourceSystems;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may take in an intake, before anything is looked up or stored: a client creates intakes only
 * at its own locations (a grant to break the glass reads one patient; it does not create intakes
 * elsewhere), and only under a source system it may send ({@link SourceSystems}: one bound to API
 * keys is theirs alone). Each refusal is a 403 naming the field, so it reveals nothing about what
 * is stored under that source id, and is audited (DENIED): an attempt at another clinic's patients or
 * at a hospital feed's source ids is what a compliance review looks for.
 */
@Component
class IntakeSenders {

    private final SourceSystems sourceSystems;
    private final ApplicationEventPublisher events;

    IntakeSenders(SourceSystems sourceSystems, ApplicationEventPublisher events) {
        this.sourceSystems = sourceSystems;
        this.events = events;
    }

    void check(IntakeRequest request) {
        Identity caller = CurrentIdentity.find().orElseThrow(() -> new IllegalStateException("no caller on an authenticated path"));
        if (!caller.seesLocation(request.patient().location())) {
            events.publishEvent(new IntakeRefused("patient.location", request.patient().id()));
            throw new ApiException(HttpStatus.FORBIDDEN, "location-not-allowed", "Not one of your locations",
                    "you may take in intakes only at your own locations",
                    List.of(new Problems.FieldError("patient.location", "not one of your locations")));
        }
        if (!sourceSystems.currentCallerMaySend(request.sourceSystem())) {
            events.publishEvent(new IntakeRefused("sourceSystem", request.patient().id()));
            throw new ApiException(HttpStatus.FORBIDDEN, "source-system-not-allowed", "Not your source system",
                    "this source system is reserved to the API keys of the system that sends it",
                    List.of(new Problems.FieldError("sourceSystem", "reserved to the API keys bound to it")));
        }
    }
}
