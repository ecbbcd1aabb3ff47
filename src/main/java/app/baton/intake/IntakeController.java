package app.baton.intake;

import app.baton.careplan.FieldsUpdate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Intake of referrals and discharge events (stage 1 of the care-plan process). */
@RestController
@RequestMapping(path = "/api/v1/intake", produces = "application/json")
@Tag(name = "Intake", description = "Referrals and discharges in; a care plan out, or a held intake with what is missing")
class IntakeController {

    private final IntakeReceiver receiver;
    private final IntakeDesk desk;

    IntakeController(IntakeReceiver receiver, IntakeDesk desk) {
        this.receiver = receiver;
        this.desk = desk;
    }

    @PostMapping(path = "/referrals", consumes = "application/json")
    @Operation(summary = "Take in a referral", description = "Idempotent by sourceSystem + sourceId: the same event again answers "
            + "200 with the first answer and Idempotent-Replayed: true; the same ids with another body are a 422. Only at the "
            + "caller's locations (403 naming patient.location) and under a source system the caller may send (403 naming sourceSystem). A complete "
            + "referral answers 201 RELEASED with its planId; an incomplete one 201 HELD with missingInfo and heldTaskId.")
    ResponseEntity<IntakeView> referral(@Valid @RequestBody IntakeRequest request) {
        return answer(receiver.referral(request));
    }

    @PostMapping(path = "/discharges", consumes = "application/json")
    @Operation(summary = "Take in a discharge event", description = "As referrals; program TCM (default) or FUH, anchored on dischargeAt.")
    ResponseEntity<IntakeView> discharge(@Valid @RequestBody IntakeRequest request) {
        return answer(receiver.discharge(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an intake", description = "Its status, plan, held task and missing fields.")
    IntakeView read(@PathVariable String id) {
        return desk.intake(id);
    }

    @PostMapping(path = "/{id}/fields", consumes = "application/json")
    @Operation(summary = "Complete a held intake's fields", description = "Absent fields keep their value. When nothing is "
            + "missing any more, the intake is RELEASED: its plan is built and the held task is done.")
    IntakeView fields(@PathVariable String id, @Valid @RequestBody FieldsUpdate fields) {
        return desk.completeIntake(id, fields);
    }

    private static ResponseEntity<IntakeView> answer(IntakeReceiver.Receipt outcome) {
        ResponseEntity.BodyBuilder builder = outcome.replayed() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/v1/intake/" + outcome.view().id()));
        return builder.header("Idempotent-Replayed", String.valueOf(outcome.replayed())).body(outcome.view());
    }
}
