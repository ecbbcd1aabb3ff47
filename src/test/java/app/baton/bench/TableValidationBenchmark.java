package app.baton.bench;

import app.baton.engine.CompileProblem;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import app.baton.engine.StarterFiles;
import app.baton.engine.internal.GeneratedCode;
import app.baton.engine.internal.TableTranslator;
import app.baton.engine.internal.TranslatedTable;
import app.baton.engine.model.Program;
import app.baton.engine.model.Queue;
import app.baton.engine.model.TaskType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost of validating and compiling one large routing table (generated: every row a distinct
 * location, so every row is valid and none shadows another), as a clinical lead's upload would
 * pay it: time to check the rows, time for the whole compile, and the heap the compiled version
 * keeps; and, apart, the bytecode check of the build's classes that the compile includes. Not a
 * JMH benchmark: one upload is one cold-ish compile, which is what the targets are about. Run with
 * src/test/bench/tables.sh [rows ...].
 */
public final class TableValidationBenchmark {

    private TableValidationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        new RuleCompiler().compile("warm-up", StarterFiles.load()).close();
        System.out.printf(Locale.ROOT, "%8s %10s %12s %14s %16s   %s%n", "rows", "file KB", "validate s", "compile s", "heap kept MB",
                "code check: first s, best s, classes");
        for (int rows : sizes) {
            byte[] table = routingTable(rows);
            RuleFile file = new RuleFile("decision-tables/app/baton/engine/model/routing.drl.xlsx", table);
            List<CompileProblem> problems = new ArrayList<>();
            long t0 = System.nanoTime();
            List<TranslatedTable> translated = TableTranslator.translate(file.path(), table, problems);
            double validate = (System.nanoTime() - t0) / 1e9;
            if (!problems.isEmpty() || translated.size() != 1) {
                throw new IllegalStateException("generated table is not valid: " + problems.get(0));
            }
            long before = usedHeap();
            long t1 = System.nanoTime();
            try (CompiledRules rules = new RuleCompiler().compile("bench-" + rows, List.of(file))) {
                double compile = (System.nanoTime() - t1) / 1e9;
                long kept = usedHeap() - before;
                System.out.printf(Locale.ROOT, "%8d %10d %12.2f %14.2f %16.1f   %s%n", rows, table.length / 1024, validate, compile,
                        kept / (1024.0 * 1024), codeCheck(translated.get(0)));
            }
        }
    }

    /**
     * The bytecode check alone, on the classes the table's build writes (built once more here,
     * untimed): wall-clock seconds of the first run, then the best of two more, and the CPU time of
     * that best run, which a busy machine does not inflate.
     */
    private static String codeCheck(TranslatedTable table) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write("src/main/resources/app/baton/engine/model/bench.drl", table.drl());
        ReleaseId releaseId = ks.newReleaseId("app.baton.bench", "code-check-" + System.nanoTime(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double first = 0;
        double best = Double.MAX_VALUE;
        double cpu = 0;
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            List<String> forbidden = GeneratedCode.forbiddenReferences(builder.getKieModule());
            double seconds = (System.nanoTime() - t) / 1e9;
            if (!forbidden.isEmpty()) {
                throw new IllegalStateException("the generated table uses what rules may not: " + forbidden.get(0));
            }
            if (run == 0) {
                first = seconds;
            } else if (seconds < best) {
                best = seconds;
                cpu = (threads.getCurrentThreadCpuTime() - c) / 1e9;
            }
        }
        long classes = ((InternalKieModule) builder.getKieModule()).getFileNames().stream().filter(n -> n.endsWith(".class")).count();
        ks.getRepository().removeKieModule(releaseId);
        return String.format(Locale.ROOT, "%.3f, %.3f (CPU %.3f), %d classes", first, best, cpu, classes);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** A valid routing table of {@code rows} distinct rows. */
    public static byte[] routingTable(int rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Routing");
            row(sheet, 0, "RuleSet", "app.baton.engine.model");
            row(sheet, 1, "Unit", "TaskDecisionUnit");
            row(sheet, 3, "RuleTable TaskRouting");
            row(sheet, 4, "CONDITION", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTIVATION-GROUP");
            row(sheet, 5, "$t: /tasks", "", "", "", "", "");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A6:C6"));
            row(sheet, 6, "program == \"$param\"", "taskType == \"$param\"", "location == \"$param\"",
                    "$t.routeTo(\"$param\");", "$t.ownedBy(\"$param\");", "");
            row(sheet, 7, "Program", "Task type", "Location", "Queue", "Role", "First match wins");
            Program[] programs = Program.values();
            TaskType[] types = TaskType.values();
            Queue[] queues = Queue.values();
            for (int i = 0; i < rows; i++) {
                row(sheet, 8 + i, programs[i % programs.length].name(), types[i % types.length].name(), "LOCATION_" + i,
                        queues[i % queues.length].name(), "CARE_COORDINATOR", "routing");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Writes the cells, blank ones too: the cells inside a merged range must exist for Drools. */
    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }
}
