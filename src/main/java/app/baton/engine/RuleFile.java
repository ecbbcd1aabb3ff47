package app.baton.engine;

import java.util.Arrays;

/**
 * One file of a rule set bundle, by its path in the repository layout:
 * {@code rules/...drl}, {@code decision-tables/...drl.xlsx} or {@code test-scenarios/...yaml}.
 */
public record RuleFile(String path, byte[] content) {

    public boolean isDrl() {
        return path.startsWith("rules/") && path.endsWith(".drl");
    }

    public boolean isDecisionTable() {
        return path.startsWith("decision-tables/") && (path.endsWith(".drl.xlsx") || path.endsWith(".drl.xls"));
    }

    public boolean isScenario() {
        return path.startsWith("test-scenarios/") && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleFile f && f.path.equals(path) && Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "RuleFile[" + path + ", " + content.length + " bytes]";
    }
}
