package app.baton.engine.model;

/**
 * What a FHIR R4 {@code Encounter} of a discharge says in the rules' terms: one reading for every way a discharge arrives
 * as FHIR (the FHIR intake, {@code POST /fhir/r4/Encounter}, and the CDS Hooks {@code encounter-discharge} hook), so the
 * plan template sees the same program, setting and destination whichever way the EHR sends it. Codes only: callers
 * read them from their own form of the resource.
 */
public final class DischargeEncounter {

    /** Baton's program code system: an {@code Encounter.type} coding of it names the program. */
    public static final String PROGRAM_SYSTEM = "https://baton.app/fhir/CodeSystem/program";
    /** HL7's discharge-disposition code system, read from {@code Encounter.hospitalization.dischargeDisposition}. */
    public static final String DISCHARGE_DISPOSITION_SYSTEM = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    /** The program of a discharge whose Encounter names none: a discharge follows TCM unless the sender says otherwise. */
    public static final Program DEFAULT_PROGRAM = Program.TCM;

    private DischargeEncounter() {
    }

    /** The program an {@code Encounter.type} code of {@link #PROGRAM_SYSTEM} names; IllegalArgumentException for any other code. */
    public static Program program(String code) {
        if (code == null) {
            throw new IllegalArgumentException("no code");
        }
        return Program.valueOf(code);
    }

    /** The setting discharged from, by {@code Encounter.class} (v3 ActCode): only the codes that name one setting, else null. */
    public static DischargeSetting setting(String classCode) {
        return switch (String.valueOf(classCode)) {
            case "EMER" -> DischargeSetting.EMERGENCY_DEPARTMENT;
            case "IMP", "ACUTE" -> DischargeSetting.INPATIENT_ACUTE;
            case "OBSENC" -> DischargeSetting.OBSERVATION;
            default -> null;
        };
    }

    /**
     * Where the patient went, by a {@code hospitalization.dischargeDisposition} coding: only codes of
     * {@link #DISCHARGE_DISPOSITION_SYSTEM} that name one destination, else null.
     */
    public static DischargeDestination destination(String system, String code) {
        if (!DISCHARGE_DISPOSITION_SYSTEM.equals(system)) {
            return null;
        }
        return switch (String.valueOf(code)) {
            case "home", "alt-home" -> DischargeDestination.HOME;
            case "snf" -> DischargeDestination.SKILLED_NURSING_FACILITY;
            case "long" -> DischargeDestination.NURSING_FACILITY;
            case "hosp", "psy", "rehab" -> DischargeDestination.HOSPITAL;
            default -> null;
        };
    }
}
