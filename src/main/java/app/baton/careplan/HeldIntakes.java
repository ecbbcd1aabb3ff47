package app.baton.careplan;

import java.util.Optional;
import java.util.UUID;

/**
 * What the care plan needs of an intake that is held for missing fields: its task is decided on the intake's kept
 * facts (there is no plan yet), and a write to that task takes the intake's row lock. The intake module keeps the
 * intakes and implements this; the care plan never reads the intake table.
 */
public interface HeldIntakes {

    /** The kept facts of the intake, if it exists. */
    Optional<CaseFacts> facts(UUID intakeId);

    /** Takes the intake's row lock in the caller's transaction; false when there is no such intake. */
    boolean lock(UUID intakeId);
}
