package app.baton.ruleset;

import app.baton.scenario.ScenarioResult;

import java.util.List;

/** The JSON shapes of the rule set API. */
final class RuleSetViews {

    private RuleSetViews() {
    }

    /**
     * A version with its files, its test gate and its history.
     *
     * @param inputsRead the request fields the version's rules and tables read: what its decision records keep
     */
    record Details(RuleSetVersion version, List<FileView> files, Gate gate, List<String> inputsRead, List<RuleSetEvent> history) {
    }

    record FileView(String path, String sha256, int bytes, String download) {
    }

    /**
     * The test gate's verdict. {@code passed} is null for a version stored before the gate existed
     * (the starter pack is checked by the build's own gate instead).
     */
    record Gate(Boolean passed, int scenarios, int failed, List<ScenarioView> failures, List<UnexercisedRule> unexercised) {
    }

    record ScenarioView(String file, int index, String description, boolean passed, List<String> failures,
                        List<String> firedRules) {

        static ScenarioView of(ScenarioResult result) {
            return new ScenarioView(result.file(), result.index(), result.description(), result.passed(),
                    result.failures(), result.firedRules());
        }
    }

    /** The note a clinical lead gives when approving, activating or rolling back. */
    record NoteRequest(String note) {
    }
}
