package app.baton.review;

import app.baton.engine.RuleFile;
import app.baton.review.RuleSetDiff.FileDiff;
import app.baton.review.RuleSetDiff.Side;
import app.baton.ruleset.RuleSetVersion;
import app.baton.ruleset.RuleSets;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the files of two stored rule set versions. */
@Service
public class RuleSetDiffer {

    private final RuleSets ruleSets;

    RuleSetDiffer(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** What changed from {@code from} (the base) to {@code to} (the candidate). */
    public RuleSetDiff diff(int from, int to) {
        RuleSetVersion base = ruleSets.get(from);
        RuleSetVersion candidate = ruleSets.get(to);
        Map<String, RuleFile> old = byPath(ruleSets.files(from));
        Map<String, RuleFile> neu = byPath(ruleSets.files(to));
        Set<String> paths = new LinkedHashSet<>(old.keySet());
        paths.addAll(neu.keySet());
        List<FileDiff> files = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int unchanged = 0;
        for (String path : paths.stream().sorted().toList()) {
            RuleFile a = old.get(path);
            RuleFile b = neu.get(path);
            if (a != null && b != null && Arrays.equals(a.content(), b.content())) {
                unchanged++;
                continue;
            }
            added += a == null ? 1 : 0;
            removed += b == null ? 1 : 0;
            files.add(file(path, a, b));
        }
        return new RuleSetDiff(side(base), side(candidate),
                new RuleSetDiff.Summary(added, removed, files.size() - added - removed, unchanged),
                TableDiffer.ROW_MATCHING, files);
    }

    static FileDiff file(String path, RuleFile a, RuleFile b) {
        RuleFile any = a != null ? a : b;
        String change = a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED";
        if (any.isDecisionTable()) {
            try {
                WorkbookContent before = a == null ? WorkbookContent.EMPTY : WorkbookContent.read(a.content());
                WorkbookContent after = b == null ? WorkbookContent.EMPTY : WorkbookContent.read(b.content());
                var sheets = TableDiffer.diff(before, after);
                if (sheets.isEmpty() && "CHANGED".equals(change)) {
                    return new FileDiff(path, "DECISION_TABLE", "REFORMATTED",
                            "the file differs but no cell value does (formatting, widths or file metadata)", List.of(), null);
                }
                return new FileDiff(path, "DECISION_TABLE", change, null, sheets, null);
            } catch (IOException | RuntimeException e) {
                return new FileDiff(path, "DECISION_TABLE", change, "cannot be read as a workbook, so its cells cannot be compared", null, null);
            }
        }
        if (any.isDrl() || any.isScenario()) {
            return new FileDiff(path, any.isDrl() ? "DRL" : "SCENARIO", change, null, null,
                    TextDiffer.diff(path, text(a), text(b)));
        }
        return new FileDiff(path, "OTHER", change, "not a table, DRL or scenario file: compared as bytes only", null, null);
    }

    private static String text(RuleFile file) {
        return file == null ? "" : new String(file.content(), StandardCharsets.UTF_8);
    }

    private static Map<String, RuleFile> byPath(List<RuleFile> files) {
        Map<String, RuleFile> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        return byPath;
    }

    private static Side side(RuleSetVersion v) {
        return new Side(v.version(), v.status(), v.sha256(), v.author(), v.changeNote());
    }
}
