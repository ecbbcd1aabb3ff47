package app.baton.engine;

import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The starter pack with one table changed, and the problems a bundle does not compile with. */
final class Bundles {

    static final String MODEL = "decision-tables/app/baton/engine/model/";
    static final String ROUTING = MODEL + "routing.drl.xlsx";
    static final String SLA = MODEL + "sla.drl.xlsx";
    static final String NEXT_ACTION = MODEL + "next-best-action.drl.xlsx";
    static final String ESCALATION = MODEL + "escalation.drl.xlsx";
    static final String MISSING_INFO = MODEL + "missing-info.drl.xlsx";

    private Bundles() {
    }

    static List<RuleFile> starterWith(String path, Consumer<Workbook> change) {
        return replacing(StarterFiles.load(), path, change);
    }

    static List<RuleFile> replacing(List<RuleFile> files, String path, Consumer<Workbook> change) {
        List<RuleFile> changed = new ArrayList<>();
        for (RuleFile file : files) {
            changed.add(file.path().equals(path) ? new RuleFile(path, Workbooks.edit(file.content(), change)) : file);
        }
        return changed;
    }

    static List<RuleFile> starterWithFile(String path, byte[] content) {
        List<RuleFile> files = new ArrayList<>(StarterFiles.load().stream().filter(f -> !f.path().equals(path)).toList());
        files.add(new RuleFile(path, content));
        return files;
    }

    /** Every problem the bundle is refused with; fails when it compiles. */
    static List<CompileProblem> problems(List<RuleFile> files) {
        return problems(new RuleCompiler(), files);
    }

    /**
     * The same, with the bundle's rule files taken as shipped, as a release compiles its own: for
     * tests of what the compiler says about DRL that a developer writes.
     */
    static List<CompileProblem> problemsAsShipped(List<RuleFile> files) {
        return problems(new RuleCompiler(ShippedRules.of(files)), files);
    }

    private static List<CompileProblem> problems(RuleCompiler compiler, List<RuleFile> files) {
        try {
            compiler.compile("candidate", files).close();
        } catch (RuleCompilationException e) {
            return e.problems();
        }
        throw new AssertionError("the rule set compiled");
    }
}
