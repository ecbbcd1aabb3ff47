package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import app.baton.engine.model.SlaTerm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every due term a table writes ({@code $t.due("...")}) against the term grammar when the
 * rule set compiles, so a typo in a cell is a compile error on its row rather than a failure
 * the first time the row fires.
 */
public final class DueTermCheck {

    private static final Pattern DUE = Pattern.compile("\\.due\\(\"([^\"]*)\"\\)");

    private DueTermCheck() {
    }

    public static List<CompileProblem> check(TranslatedTable table) {
        List<CompileProblem> problems = new ArrayList<>();
        String[] lines = table.drl().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DUE.matcher(lines[i]);
            while (m.find()) {
                if (SlaTerm.parse(m.group(1)).isEmpty()) {
                    Map.Entry<Integer, String> rule = table.ruleByLine().floorEntry(i + 1);
                    String cell = rule == null ? null : "row " + table.sources().get(rule.getValue()).row();
                    problems.add(new CompileProblem(table.file(), table.sheet(), cell, null, "'" + m.group(1)
                            + "' is not a due term; write e.g. '2 business days after discharge' (see docs/clinical-lead-guide.md)"));
                }
            }
        }
        return problems;
    }
}
