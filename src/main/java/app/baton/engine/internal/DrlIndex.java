package app.baton.engine.internal;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds where each rule of a DRL text starts, so a line number can name its rule. */
public final class DrlIndex {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private DrlIndex() {
    }

    /** Rule name by the 1-based line its declaration starts on. */
    public static NavigableMap<Integer, String> ruleStarts(String drl) {
        NavigableMap<Integer, String> starts = new TreeMap<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE.matcher(lines[i]);
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                starts.put(i + 1, name);
            }
        }
        return starts;
    }
}
