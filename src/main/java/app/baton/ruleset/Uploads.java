package app.baton.ruleset;

import app.baton.engine.CompileProblem;
import app.baton.engine.RuleFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns uploaded files into the files of a new version: one or more tables, DRL files and scenario
 * files replace the files of the same name in the base version (or join it), or a whole bundle
 * (a zip laid out like the repository) replaces everything. Names and sizes are checked here;
 * contents are checked by the compiler and the test gate.
 */
final class Uploads {

    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    static final long MAX_BUNDLE_BYTES = 100L * 1024 * 1024;
    static final int MAX_BUNDLE_ENTRIES = 500;

    private static final String TABLE_DIR = "decision-tables/app/baton/engine/model/";
    private static final String DRL_DIR = "rules/app/baton/engine/model/";
    private static final String SCENARIO_DIR = "test-scenarios/";

    private Uploads() {
    }

    /** Whether the upload is a whole bundle, which starts from nothing rather than from a base version. */
    static boolean isBundle(List<UploadedFile> uploads) {
        return uploads.size() == 1 && lower(uploads.get(0).name()).endsWith(".zip");
    }

    static List<RuleFile> merge(List<UploadedFile> uploads, List<RuleFile> base) {
        List<CompileProblem> problems = new ArrayList<>();
        if (uploads.isEmpty()) {
            problems.add(problem("files", "choose at least one file to upload"));
        }
        if (uploads.size() > 1 && uploads.stream().anyMatch(u -> lower(u.name()).endsWith(".zip"))) {
            problems.add(problem("files", "a bundle (.zip) replaces every file; upload it on its own"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException("the upload was refused; nothing was stored", problems);
        }
        if (isBundle(uploads)) {
            return unzip(uploads.get(0), problems);
        }
        Map<String, RuleFile> files = new LinkedHashMap<>();
        base.forEach(file -> files.put(file.path(), file));
        Map<String, String> seen = new LinkedHashMap<>();
        for (UploadedFile upload : uploads) {
            String name = baseName(upload.name());
            Optional<String> path = pathFor(name, base, problems);
            if (path.isEmpty()) {
                continue;
            }
            if (seen.put(path.get(), name) != null) {
                problems.add(problem(name, "uploaded twice; upload each file once"));
                continue;
            }
            if (checkSize(name, upload.content().length, problems)) {
                files.put(path.get(), new RuleFile(path.get(), upload.content()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException("the upload was refused; nothing was stored", problems);
        }
        return List.copyOf(files.values());
    }

    private static Optional<String> pathFor(String name, List<RuleFile> base, List<CompileProblem> problems) {
        String lower = lower(name);
        if (name.isBlank()) {
            problems.add(problem("files", "a file has no name"));
            return Optional.empty();
        }
        if (lower.endsWith(".xlsm")) {
            problems.add(problem(name, "macro-enabled workbooks (.xlsm) are not accepted; save the table as an "
                    + "Excel workbook (.xlsx) without macros"));
            return Optional.empty();
        }
        for (RuleFile file : base) {
            String existing = baseName(file.path());
            if (existing.equals(name) || (lower.endsWith(".xlsx") && !lower.endsWith(".drl.xlsx")
                    && existing.equals(name.substring(0, name.length() - 5) + ".drl.xlsx"))) {
                return Optional.of(file.path());
            }
        }
        if (lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls")) {
            return Optional.of(TABLE_DIR + name);
        }
        if (lower.endsWith(".drl")) {
            return Optional.of(DRL_DIR + name);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(SCENARIO_DIR + name);
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            problems.add(problem(name, "a new decision table's name must end in .drl.xlsx (for example escalation.drl.xlsx); "
                    + "to change an existing table, upload it under its current name"));
        } else {
            problems.add(problem(name, "not a rule file: upload decision tables (.drl.xlsx), rules (.drl), "
                    + "scenarios (.yaml) or a whole bundle (.zip)"));
        }
        return Optional.empty();
    }

    private static List<RuleFile> unzip(UploadedFile bundle, List<CompileProblem> problems) {
        List<RuleFile> files = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.content()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_BUNDLE_ENTRIES) {
                    problems.add(problem(bundle.name(), "the bundle has more than " + MAX_BUNDLE_ENTRIES + " entries"));
                    break;
                }
                String path = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || ignored(path)) {
                    continue;
                }
                if (path.startsWith("/") || path.contains("../") || path.contains(":")) {
                    problems.add(problem(bundle.name(), "the entry '" + path + "' has an unsafe path"));
                    continue;
                }
                RuleFile probe = new RuleFile(path, new byte[0]);
                if (!probe.isDrl() && !probe.isDecisionTable() && !probe.isScenario()) {
                    problems.add(problem(path, "not part of a rule set bundle: a bundle holds rules/**/*.drl, "
                            + "decision-tables/**/*.drl.xlsx and test-scenarios/*.yaml"));
                    continue;
                }
                byte[] content = readLimited(zip, Math.min(MAX_FILE_BYTES, MAX_BUNDLE_BYTES - total) + 1);
                total += content.length;
                if (content.length > MAX_FILE_BYTES) {
                    problems.add(problem(path, "larger than 20 MB once unpacked"));
                    break;
                }
                if (total > MAX_BUNDLE_BYTES) {
                    problems.add(problem(bundle.name(), "the bundle unpacks to more than 100 MB"));
                    break;
                }
                files.add(new RuleFile(path, content));
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(problem(bundle.name(), "not a readable zip file"));
        }
        if (problems.isEmpty() && files.isEmpty()) {
            problems.add(problem(bundle.name(), "the bundle holds no rule files"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException("the bundle was refused; nothing was stored", problems);
        }
        return files;
    }

    /** Reads at most {@code limit} bytes, so a zip bomb stops as soon as it passes the limit. */
    private static byte[] readLimited(ZipInputStream zip, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (out.size() < limit && (n = zip.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean ignored(String path) {
        String name = baseName(path);
        return path.startsWith("__MACOSX/") || name.startsWith(".") || name.startsWith("~$");
    }

    private static boolean checkSize(String name, long size, List<CompileProblem> problems) {
        if (size > MAX_FILE_BYTES) {
            problems.add(problem(name, "larger than 20 MB; a decision table that large is not supported"));
            return false;
        }
        if (size == 0) {
            problems.add(problem(name, "the file is empty"));
            return false;
        }
        return true;
    }

    static String baseName(String name) {
        String plain = name == null ? "" : name.replace('\\', '/');
        return plain.substring(plain.lastIndexOf('/') + 1).trim();
    }

    private static String lower(String name) {
        return baseName(name).toLowerCase(Locale.ROOT);
    }

    private static CompileProblem problem(String file, String message) {
        return new CompileProblem(file, null, null, null, message);
    }
}
