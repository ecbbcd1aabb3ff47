package app.baton.intake;

import app.baton.careplan.CaseFacts;
import app.baton.careplan.HeldIntakes;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The care plan's view of a held intake: its kept facts and its row lock, read from the intake table. */
@Component
class IntakeFacts implements HeldIntakes {

    private final Intakes intakes;

    IntakeFacts(Intakes intakes) {
        this.intakes = intakes;
    }

    @Override
    public Optional<CaseFacts> facts(UUID intakeId) {
        return intakes.find(intakeId).map(Intakes.IntakeRow::facts);
    }

    @Override
    public boolean lock(UUID intakeId) {
        return intakes.lock(intakeId).isPresent();
    }
}
