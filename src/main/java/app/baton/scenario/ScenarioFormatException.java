package app.baton.scenario;

/** A scenario file that cannot be read: names the file and, where known, the line, the scenario and the field. */
public class ScenarioFormatException extends RuntimeException {

    private final String file;
    private final Integer line;

    public ScenarioFormatException(String file, String message, Throwable cause) {
        this(file, null, message, cause);
    }

    public ScenarioFormatException(String file, Integer line, String message, Throwable cause) {
        super(file + ": " + (line == null ? "" : "line " + line + ": ") + message, cause);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The line of the file at fault (1-based), or null when the problem is not on one line. */
    public Integer line() {
        return line;
    }
}
