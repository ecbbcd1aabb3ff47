package app.baton.scenario;

import java.util.List;

/** The outcome of one scenario: which file and which entry, and every expectation it missed. */
public record ScenarioResult(String file, int index, String description, List<String> failures, List<String> firedRules) {

    public boolean passed() {
        return failures.isEmpty();
    }

    public String name() {
        return file + " #" + index + " (" + description + ")";
    }
}
