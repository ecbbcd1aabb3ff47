package app.baton.engine.internal;

import app.baton.engine.RuleSource;

import java.util.Map;
import java.util.NavigableMap;

/** One sheet of a decision table rendered as DRL, with the table row of every generated rule. */
public record TranslatedTable(String file, String sheet, String drl, Map<String, RuleSource> sources,
                              NavigableMap<Integer, String> ruleByLine) {
}
