package app.baton.scenario;

/** A scenario file that cannot be read: names the file and, where known, the scenario and field. */
public class ScenarioFormatException extends RuntimeException {

    private final String file;

    public ScenarioFormatException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
