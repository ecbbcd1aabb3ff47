package app.baton.engine.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list of code a decision table may hold. The cells of a table's pattern row (row 8 in
 * the starter tables) and code row (row 9) are Java that the rule engine compiles and runs, so a
 * table may only use, for its kind, the patterns, CONDITION templates and ACTION templates of the
 * starter table Baton ships for that kind, cell for cell. A clinical lead chooses which of these
 * columns a table has, in which order, and fills in its rows: that chooses among the decisions Baton
 * knows how to make, and never adds code. The same goes for the column kinds (row 7) and the rows
 * above a table, which Drools would otherwise read as imports, functions, globals, queries, type
 * declarations or rule attributes.
 *
 * <p>How a release adds or changes a template: change the starter table under
 * {@code decision-tables/} and this list in the same commit, reviewed like any code;
 * {@code TableTemplatesTests} fails while the two differ. A template that a release drops stays here
 * (with the test told why) for as long as versions kept in a database may still use it, or those
 * versions could no longer be activated or replayed.
 */
final class TableTemplates {

    /** One kind of table, named like its starter table: the templates under each pattern, and its actions. */
    record Kind(String name, Map<String, List<String>> conditions, List<String> actions) {

        /** The templates Baton ships for a CONDITION column under {@code pattern}; empty when the kind has no such pattern. */
        List<String> conditionsUnder(String pattern) {
            return conditions.getOrDefault(pattern, List.of());
        }
    }

    static final String TASKS = "$t: /tasks";
    static final String ABSENT_FIELDS = "$f: /absentFields";
    static final String DUE_DATES = "$d: /dueDates";
    static final String PLANS = "$p: /plans";

    static final List<Kind> KINDS = List.of(
            new Kind("routing", Map.of(TASKS, List.of(
                    "program == \"$param\"", "taskType == \"$param\"", "location == \"$param\"",
                    "language == \"$param\"", "payer == \"$param\"", "priority == \"$param\"")),
                    List.of("$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");")),
            new Kind("sla", Map.of(TASKS, List.of(
                    "program == \"$param\"", "taskType == \"$param\"", "complexity == \"$param\"", "priority == \"$param\"",
                    "lineOfBusiness == \"$param\"", "itemKind == \"$param\"")),
                    List.of("dueDates.add($t.due(\"$param\"));")),
            new Kind("missing-info", Map.of(
                    TASKS, List.of("program == \"$param\"", "stage == \"$param\"", "taskType == \"$param\"",
                            "lineOfBusiness != \"$param\""),
                    ABSENT_FIELDS, List.of("name == \"$param\"")),
                    List.of("$t.flagMissing($f, \"$param\");")),
            new Kind("next-best-action", Map.of(TASKS, List.of(
                    "program == \"$param\"", "taskType == \"$param\"", "status == \"$param\"",
                    "attempts >= $param", "attempts <= $param", "businessDaysInStatus >= $param",
                    "priority == \"$param\"", "hoursInStatus >= $param", "daysSinceDischarge >= $param",
                    "deceased == $param", "inHospice == $param", "ccmConsentRevoked == $param", "daysToReadmission <= $param",
                    "visitDay >= $param", "daysToVisit <= $param", "beforeDischarge == $param")),
                    List.of("$t.suggest(\"$param\");", "$t.prompt(\"$param\");", "$t.closeAs(\"$param\");")),
            new Kind("escalation", Map.of(
                    TASKS, List.of("program == \"$param\"", "priority == \"$param\"", "taskType == \"$param\"",
                            "attempts <= $param", "businessDaysSinceDischarge >= $param", "daysSinceDischarge >= $param",
                            "visitBooked == $param", "minutesThisPeriod < $param", "dayOfMonth >= $param"),
                    DUE_DATES, List.of("hoursOverdue >= $param")),
                    List.of("$t.escalationLevel($param);", "$t.escalate(\"$param\", $d);")),
            new Kind("plan-template", Map.of(PLANS, List.of("program == \"$param\"", "complexity == \"$param\"",
                    "dischargeSetting == \"$param\"", "dischargeDestination == \"$param\"", "ageAtDischarge < $param",
                    "chronicConditions < $param", "daysSincePreviousTcmDischarge < $param", "inHospice == $param",
                    "deceased == $param")),
                    List.of("$p.step(\"$param\");", "$p.after(\"$param\");", "$p.notEligible(\"$param\");",
                            "$p.repeats(\"$param\");")),
            new Kind("closure-checklist", Map.of(PLANS, List.of("program == \"$param\"")),
                    List.of("$p.requireDone(\"$param\");", "$p.because(\"$param\");")));

    /**
     * The column kinds (row 7) a table may use. Drools knows more (PRIORITY, TIMER, DESCRIPTION,
     * METADATA, one-letter forms such as C or P ...), several of which take code or put a cell's text
     * into the generated rule unescaped. Baton keeps the dates to itself (SheetRecorder).
     */
    static final Set<String> COLUMN_KINDS = Set.of("CONDITION", "ACTION", "ACTIVATION-GROUP", "NAME",
            SheetRecorder.DATE_EFFECTIVE, SheetRecorder.DATE_EXPIRES);

    /** A row a sheet may hold outside its tables, and the values it may have (none listed: free text). */
    record Setting(String keyword, Set<String> values) {
    }

    /**
     * The rows a sheet may hold outside its tables: Drools reads the first cell of such a row as a
     * keyword. Notes is free text that Drools ignores. Import, Variables, Functions, Queries,
     * Declare, EscapeQuotes and rule-set-wide attributes are refused.
     */
    static final List<Setting> SETTINGS = List.of(
            new Setting("RuleSet", Set.of(SheetStructure.PACKAGE)),
            new Setting("Unit", Set.of(SheetStructure.UNIT)),
            new Setting("Sequential", Set.of("true", "false")),
            new Setting("Notes", Set.of()));

    private TableTemplates() {
    }

    /** The kind whose actions include {@code action}, if any. */
    static Optional<Kind> kindOfAction(String action) {
        return KINDS.stream().filter(kind -> kind.actions().contains(action)).findFirst();
    }

    /** Every pattern some kind of table uses. */
    static Set<String> patterns() {
        Set<String> patterns = new LinkedHashSet<>();
        KINDS.forEach(kind -> patterns.addAll(kind.conditions().keySet()));
        return patterns;
    }
}
