package app.baton.intake;

import app.baton.careplan.FieldsUpdate;
import app.baton.careplan.TrackerAccess;
import org.springframework.stereotype.Service;

/**
 * An intake's reads and completion as one in-process service, for the HTTP API, FHIR and the console alike: another
 * location's intake is "not found" (the refusal audited), and every read is audited as a read of patient data.
 */
@Service
public class IntakeDesk {

    private final TrackerAccess access;
    private final Intakes intakes;
    private final IntakeService service;
    private final IntakeViews views;

    IntakeDesk(TrackerAccess access, Intakes intakes, IntakeService service, IntakeViews views) {
        this.access = access;
        this.intakes = intakes;
        this.service = service;
        this.views = views;
    }

    /** One intake: held (with what is missing) or released, audited as a read of patient data. */
    public IntakeView intake(String id) {
        Intakes.IntakeRow intake = checked(id);
        access.read("intake", intake.id(), intake.patientId());
        return views.of(intake);
    }

    /** Completes a held intake's fields; when nothing is missing any more it is released and its plan built. */
    public IntakeView completeIntake(String id, FieldsUpdate fields) {
        return service.complete(checked(id).id(), fields);
    }

    private Intakes.IntakeRow checked(String id) {
        return access.checked(id, "intake", "intake", intakes::find, Intakes.IntakeRow::patientId, Intakes.IntakeRow::location);
    }
}
