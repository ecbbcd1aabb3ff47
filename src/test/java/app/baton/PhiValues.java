package app.baton;

import java.util.List;

/** Patient data the tests send on purpose, so that PhiLogScanIT can prove none of it reached a log. */
public final class PhiValues {

    public static final String MEMBER_ID = "1EG4-TE5-MK72";
    public static final String PATIENT_NAME = "Johnathan Q Publicworth";
    public static final String BIRTH_DATE = "1950-02-03";
    public static final String NOTE = "fell at home and hit head on the radiator";
    public static final String PROVIDER = "Dr. Janeth Roeberts";

    public static final List<String> ALL = List.of(MEMBER_ID, PATIENT_NAME, BIRTH_DATE, NOTE, PROVIDER);

    private PhiValues() {
    }
}
