package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import app.baton.engine.internal.ColumnRules.ColumnRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the rows of one table with each other. A table with an ACTIVATION-GROUP column means
 * "first match wins": rows fire top to bottom and one decides, so a row that an earlier row covers
 * entirely can never fire. A table without one fires every matching row, so two rows that can
 * match the same task give it two answers, unless they differ in a key column (an escalation's
 * Level: one step per level; a plan template's task type or reason it is not eligible; a closure checklist's task). Only what can be proved is reported; a condition Baton cannot read
 * makes a pair undecided, not a problem.
 */
final class RowOverlaps {

    /** What one row asks (by constrained property), its cell texts by column, and whether it is already known dead. */
    record Row(int number, Map<String, Constraint> asks, Map<Integer, String> values, boolean dead) {
    }

    // notEligible: the first refusal wins (PlanCase), so two refusal rows with different reasons are not two answers
    private static final Set<String> KEY_ACTIONS = Set.of("escalationLevel", "step", "requireDone", "notEligible");

    private RowOverlaps() {
    }

    static void check(String file, String sheet, TableLayout table, List<ColumnRule> columns, List<Row> rows, List<CompileProblem> problems) {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(rows.stream().flatMap(r -> r.asks().keySet().stream()).toList()));
        Constraint[][] asks = new Constraint[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            asks[i] = new Constraint[keys.size()];
            for (int k = 0; k < keys.size(); k++) {
                asks[i][k] = rows.get(i).asks().get(keys.get(k));
            }
        }
        TableLayout.Column group = columns.stream().map(ColumnRule::column).filter(c -> c.is("ACTIVATION-GROUP")).findFirst().orElse(null);
        if (group != null) {
            firstMatch(file, sheet, group, rows, asks, problems);
        } else {
            everyMatch(file, sheet, columns, rows, keys, asks, problems);
        }
    }

    private static void firstMatch(String file, String sheet, TableLayout.Column group, List<Row> rows, Constraint[][] asks,
                                   List<CompileProblem> problems) {
        String word = rows.stream().map(r -> r.values().get(group.index())).filter(v -> v != null).findFirst().orElse(null);
        boolean[] grouped = new boolean[rows.size()];
        for (int j = 0; j < rows.size(); j++) {
            Row row = rows.get(j);
            String value = row.values().get(group.index());
            String address = SheetCells.address(row.number() - 1, group.index());
            if (value == null) {
                problems.add(new CompileProblem(file, sheet, address, null, group.title() + " is blank on row " + row.number()
                        + ": the row would fire as well as the first matching row; write '" + word + "' as on the other rows"));
            } else if (!value.equals(word)) {
                problems.add(new CompileProblem(file, sheet, address, null, group.title() + " says '" + value + "' here but '" + word
                        + "' above: a first-match table uses one group word on every row"));
            } else {
                grouped[j] = !row.dead();
            }
        }
        for (int j = 0; j < rows.size(); j++) {
            for (int i = 0; grouped[j] && i < j; i++) {
                if (grouped[i] && covers(asks[i], asks[j])) {
                    int earlier = rows.get(i).number();
                    int later = rows.get(j).number();
                    String why = covers(asks[j], asks[i]) ? "it has the same conditions as row " + earlier + ", which comes first"
                            : "row " + earlier + " comes first and matches every task row " + later + " matches";
                    problems.add(new CompileProblem(file, sheet, "row " + later, null, "row " + later + " can never fire: " + why
                            + " (first match wins): move it above row " + earlier + ", or delete it"));
                    break;
                }
            }
        }
    }

    private static void everyMatch(String file, String sheet, List<ColumnRule> columns, List<Row> rows, List<String> keys,
                                   Constraint[][] asks, List<CompileProblem> problems) {
        List<Integer> keyColumns = columns.stream().filter(c -> c.key() != null && KEY_ACTIONS.contains(c.key())).map(c -> c.column().index()).toList();
        String twice = columns.stream().map(ColumnRule::key).filter(k -> k != null).map(RowOverlaps::answer)
                .filter(a -> a != null).findFirst().orElse("two results where the table means one");
        for (int j = 0; j < rows.size(); j++) {
            for (int i = 0; !rows.get(j).dead() && i < j; i++) {
                Row a = rows.get(i);
                Row b = rows.get(j);
                if (a.dead() || keyColumns.stream().anyMatch(c -> !String.valueOf(a.values().get(c)).equals(String.valueOf(b.values().get(c))))) {
                    continue;
                }
                Constraint[] both = overlap(asks[i], asks[j]);
                if (both == null) {
                    continue;
                }
                String message = covers(asks[i], asks[j]) && covers(asks[j], asks[i])
                        ? "row " + b.number() + " has the same conditions as row " + a.number() + ", and every matching row fires: a task would get " + twice
                        : "rows " + a.number() + " and " + b.number() + " can both match the same task (" + example(keys, both)
                        + "), and every matching row fires: it would get " + twice + "; make their conditions exclude each other";
                problems.add(new CompileProblem(file, sheet, "row " + b.number(), null, message));
                break;
            }
        }
    }

    private static String answer(String action) {
        return switch (action) {
            case "routeTo", "ownedBy" -> "two queues";
            case "due" -> "two due dates";
            case "suggest", "prompt" -> "two next actions";
            case "flagMissing" -> "the same missing-field flag twice";
            case "escalate", "escalationLevel" -> "two escalation steps at the same level";
            default -> null;
        };
    }

    /** Whether every task row {@code b} matches, row {@code a} matches too. */
    static boolean covers(Constraint[] a, Constraint[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] != null && (b[k] == null || !a[k].covers(b[k]))) {
                return false;
            }
        }
        return true;
    }

    /** What a task matching both rows looks like, or null when no task can, or when it cannot be told. */
    static Constraint[] overlap(Constraint[] a, Constraint[] b) {
        Constraint[] both = new Constraint[a.length];
        for (int k = 0; k < a.length; k++) {
            both[k] = a[k] == null ? b[k] : b[k] == null ? a[k] : a[k].and(b[k]);
            if (a[k] != null && b[k] != null && (both[k] == null || both[k] == Constraint.NONE)) {
                return null;
            }
        }
        return both;
    }

    private static String example(List<String> keys, Constraint[] both) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < both.length; k++) {
            String name = keys.get(k).substring(keys.get(k).indexOf('.') + 1);
            if (both[k] instanceof Constraint.Text t) {
                parts.add(name + " " + t.value());
            } else if (both[k] instanceof Constraint.Range r && name.equals("as-of date")) {
                parts.add("as-of date " + (r.low() == Long.MIN_VALUE ? "before " + LocalDate.ofEpochDay(r.high() + 1)
                        : "from " + LocalDate.ofEpochDay(r.low())));
            } else if (both[k] instanceof Constraint.Range r) {
                parts.add(name + " " + (r.low() == Long.MIN_VALUE ? "up to " + r.high() : r.high() == Long.MAX_VALUE ? r.low() + " or more" : r.low() + " to " + r.high()));
            }
        }
        return parts.isEmpty() ? "any task" : "e.g. " + String.join(", ", parts);
    }
}
