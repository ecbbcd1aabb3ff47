package app.baton.review;

import app.baton.review.RuleSetDiff.Hunk;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level differences of DRL and scenario files as unified-diff hunks with three lines of context. */
final class TextDiffer {

    private static final int CONTEXT = 3;
    private static final Pattern HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private TextDiffer() {
    }

    static List<Hunk> diff(String path, String from, String to) {
        List<String> before = lines(from);
        List<String> after = lines(to);
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path, path, before, patch, CONTEXT);
        List<Hunk> hunks = new ArrayList<>();
        String header = null;
        List<String> lines = new ArrayList<>();
        for (String line : unified) {
            if (line.startsWith("@@")) {
                if (header != null) {
                    hunks.add(hunk(header, lines));
                }
                header = line;
                lines = new ArrayList<>();
            } else if (header != null) {
                lines.add(line);
            }
        }
        if (header != null) {
            hunks.add(hunk(header, lines));
        }
        return hunks;
    }

    private static Hunk hunk(String header, List<String> lines) {
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new IllegalStateException("not a unified diff hunk header: " + header);
        }
        return new Hunk(header, Integer.parseInt(m.group(1)), count(m.group(2)), Integer.parseInt(m.group(3)), count(m.group(4)), List.copyOf(lines));
    }

    private static int count(String group) {
        return group == null ? 1 : Integer.parseInt(group);
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}
