package app.baton.engine;

import app.baton.engine.internal.Digests;
import app.baton.engine.internal.DrlIndex;
import app.baton.engine.internal.EngineBuild;
import app.baton.engine.internal.GeneratedCode;
import app.baton.engine.internal.InputsRead;
import app.baton.engine.internal.TableTranslator;
import app.baton.engine.internal.TranslatedTable;
import app.baton.engine.model.TaskDecisionUnit;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.ruleunits.api.RuleUnit;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Compiles a rule set bundle (DRL files and Excel decision tables) into the {@link TaskDecisionUnit}
 * rule unit through the KIE API and the executable model. Tables are first rendered as DRL so
 * that every generated rule keeps its sheet and row.
 *
 * <p>What a version may contain is code that Baton ships, whoever uploaded it and however it
 * reached the database: rule files only as the release ships them ({@link ShippedRules}), table code
 * cells only from the templates Baton ships, and generated classes that reference only what rules
 * may use ({@code GeneratedCode}), checked on their bytecode before anything of the build is loaded.
 * Every path that compiles a version (upload, test gate, approval, activation, impact analysis, the
 * active version at start-up) goes through here.
 */
public final class RuleCompiler {

    private static final String UNIT_PATH = "src/main/resources/" + TaskDecisionUnit.class.getPackageName().replace('.', '/') + "/";
    /** Bytecode references named in one refusal; more add nothing a reader can use. */
    private static final int MAX_REFERENCES = 10;

    private final ShippedRules shipped;

    /** A compiler that accepts the rule files of the running release. */
    public RuleCompiler() {
        this(ShippedRules.release());
    }

    /** A compiler that accepts the rule files of {@code shipped}: for tests and tools with rule files of their own. */
    public RuleCompiler(ShippedRules shipped) {
        this.shipped = shipped;
    }

    public CompiledRules compile(String version, List<RuleFile> files) {
        return pinned(() -> build(version, files));
    }

    /**
     * What a compiled form of {@code files} depends on, as one SHA-256: the files (paths and contents, in
     * path order), the rule files this release ships, the Drools and Java versions, and Baton's engine
     * code. A form is loaded only under the fingerprint the running build computes for the version's files.
     */
    public String fingerprint(List<RuleFile> files) {
        MessageDigest sha = Digests.sha256();
        update(sha, "baton compiled form\nengine " + EngineBuild.digest() + "\nshipped " + shipped.digest() + "\n");
        files.stream().sorted(Comparator.comparing(RuleFile::path)).forEach(file ->
                update(sha, file.path() + " " + Digests.sha256(file.content()) + "\n"));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The Drools version this build compiles and loads with, for logs and docs. */
    public static String droolsVersion() {
        return EngineBuild.droolsVersion();
    }

    /** {@code rules}, compiled from {@code files}, as bytes that {@link #load} turns back into the same rules. */
    public CompiledForm compiledForm(CompiledRules rules, List<RuleFile> files) {
        return CompiledForm.write(rules, fingerprint(files));
    }

    /**
     * The version from its stored compiled form, without compiling: refused ({@link CompiledFormRefused})
     * unless the form's fingerprint is the one of {@code files} under this build, its bytes are the ones
     * hashed when it was written, its generated classes pass the same bytecode check as a fresh build
     * (before any of them is loaded), and the engine loads exactly the rules the form names.
     */
    public CompiledRules load(String version, CompiledForm form, List<RuleFile> files) {
        CompiledForm.Contents contents = form.read(fingerprint(files));
        return pinned(() -> loadModule(version, contents));
    }

    private static <T> T pinned(Supplier<T> work) {
        // A KIE build on a thread whose context class loader is not the application's breaks
        // later builds for the life of the JVM (measured with Drools 10.1): pin it for the build.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleCompiler.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static CompiledRules loadModule(String version, CompiledForm.Contents contents) {
        KieServices ks = KieServices.Factory.get();
        MemoryFileSystem files = new MemoryFileSystem();
        contents.module().forEach((name, bytes) -> files.write(name, bytes, true));
        // A release id of its own: the one the form was built under names its model files, and a build
        // in this JVM never takes it (builds name theirs at random).
        ReleaseId releaseId = ks.newReleaseId(contents.group(), contents.artifact(), contents.version());
        KieModuleModel model = ks.newKieModuleModel();
        KieBuilderImpl.setDefaultsforEmptyKieModule(model);
        InternalKieModule module;
        try {
            module = InternalKieModuleProvider.Factory.get().createKieModule(releaseId, model, files);
        } catch (RuntimeException | LinkageError e) {
            throw new CompiledFormRefused("Drools cannot read its module (" + e.getClass().getSimpleName() + ")", e);
        }
        List<String> forbidden = GeneratedCode.forbiddenReferences(module);
        if (!forbidden.isEmpty()) {
            throw new CompiledFormRefused("its classes use what no rule may use (" + forbidden.size() + " references, first: "
                    + forbidden.get(0) + ")");
        }
        KieContainer container;
        ks.getRepository().addKieModule(module);
        try {
            container = ks.newKieContainer(releaseId);
        } catch (RuntimeException | LinkageError e) {
            // A class that does not link is as unusable as one that is missing: never half a version.
            throw new CompiledFormRefused("Drools cannot load it (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        int loaded;
        RuleUnit<TaskDecisionUnit> unit;
        try {
            loaded = countRules(container);
            unit = loaded == contents.sources().size() ? findUnit(container) : null;
        } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
            disposeQuietly(container);
            throw new CompiledFormRefused("its rules cannot be loaded (" + e.getClass().getSimpleName() + ")", e);
        }
        if (unit == null) {
            disposeQuietly(container);
            throw new CompiledFormRefused("it names " + contents.sources().size() + " rules, the engine loaded " + loaded);
        }
        return new CompiledRules(version, unit, container, module, contents.sources(), contents.inputsRead());
    }

    private static void disposeQuietly(KieContainer container) {
        try {
            container.dispose();
        } catch (RuntimeException e) {
            // findUnit disposed it already
        }
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private CompiledRules build(String version, List<RuleFile> files) {
        List<CompileProblem> problems = new ArrayList<>();
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        Map<String, Origin> origins = new HashMap<>();
        List<String> drlTexts = new ArrayList<>();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (RuleFile file : files) {
            if (file.isDrl()) {
                Optional<String> refusal = shipped.refusal(file);
                if (refusal.isPresent()) {
                    problems.add(new CompileProblem(file.path(), null, null, null, refusal.get()));
                    continue;
                }
                String drl = new String(file.content(), StandardCharsets.UTF_8);
                String target = UNIT_PATH + flatten(file.path());
                kfs.write(target, drl);
                drlTexts.add(drl);
                DrlIndex.ruleStarts(drl).forEach((line, rule) -> sources.put(rule, new RuleSource(file.path(), null, line)));
                origins.put(target, new Origin(file.path(), null, null));
            } else if (file.isDecisionTable()) {
                for (TranslatedTable table : TableTranslator.translate(file.path(), file.content(), problems)) {
                    String target = UNIT_PATH + flatten(file.path() + "-" + table.sheet()) + ".drl";
                    kfs.write(target, table.drl());
                    drlTexts.add(table.drl());
                    sources.putAll(table.sources());
                    origins.put(target, new Origin(file.path(), table.sheet(), table));
                }
            } else if (!file.isScenario()) {
                problems.add(new CompileProblem(file.path(), null, null, null, unknownFile(file.path())));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        // Unique across JVMs, so that a compiled form built elsewhere and loaded here never meets a build of this JVM.
        ReleaseId releaseId = ks.newReleaseId("app.baton.rules", "ruleset-" + UUID.randomUUID(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(place(message, origins));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<String> forbidden = GeneratedCode.forbiddenReferences(module);
        if (!forbidden.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(List.of(new CompileProblem("(rule set)", null, null, null,
                    "the compiled rules use what no rule may use, so nothing of this version is loaded: "
                            + String.join("; ", forbidden.subList(0, Math.min(MAX_REFERENCES, forbidden.size())))
                            + (forbidden.size() > MAX_REFERENCES ? "; and " + (forbidden.size() - MAX_REFERENCES) + " more" : ""))));
        }
        KieContainer container = ks.newKieContainer(releaseId);
        ks.getRepository().removeKieModule(releaseId);
        int loaded = countRules(container);
        if (loaded != sources.size()) {
            container.dispose();
            throw new RuleCompilationException(List.of(new CompileProblem("(rule set)", null, null, null,
                    "expected " + sources.size() + " rules from the files, the engine loaded " + loaded)));
        }
        return new CompiledRules(version, findUnit(container), container, module, sources, InputsRead.of(drlTexts));
    }

    private static int countRules(KieContainer container) {
        int count = 0;
        for (KiePackage pkg : container.getKieBase().getKiePackages()) {
            count += pkg.getRules().size();
        }
        return count;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RuleUnit<TaskDecisionUnit> findUnit(KieContainer container) {
        for (RuleUnit unit : ServiceLoader.load(RuleUnit.class, container.getClassLoader())) {
            if (unit.getClass().getName().startsWith(TaskDecisionUnit.class.getName())) {
                return unit;
            }
        }
        container.dispose();
        throw new RuleCompilationException(List.of(new CompileProblem("(rule set)", null, null, null,
                "the build produced no " + TaskDecisionUnit.class.getSimpleName() + " rule unit")));
    }

    private static CompileProblem place(Message message, Map<String, Origin> origins) {
        // Messages name the resource either by its KieFileSystem path or relative to the resources root.
        Origin origin = message.getPath() == null ? null
                : origins.getOrDefault(message.getPath(), origins.get("src/main/resources/" + message.getPath()));
        String text = message.getText().replace('\n', ' ').trim();
        if (origin == null) {
            return new CompileProblem(message.getPath() == null ? "(rule set)" : message.getPath(), null, null, null, text);
        }
        if (origin.table() == null) {
            return new CompileProblem(origin.file(), null, null, message.getLine() > 0 ? message.getLine() : null, text);
        }
        Map.Entry<Integer, String> rule = origin.table().ruleByLine().floorEntry(Math.max(1, message.getLine()));
        String cell = rule == null ? null : "row " + origin.table().sources().get(rule.getValue()).row();
        return new CompileProblem(origin.file(), origin.sheet(), cell, null,
                (rule == null ? "" : "rule " + rule.getValue() + ": ") + text);
    }

    /** A file the compiler does not read would be dropped without a word; say so instead. */
    private static String unknownFile(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsm")) {
            return "macro workbooks (.xlsm) are not accepted: save the table as an Excel Workbook (.xlsx) named *.drl.xlsx";
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv") || lower.endsWith(".ods")) {
            return "a decision table must be an Excel workbook under decision-tables/ whose name ends in .drl.xlsx"
                    + " (for example decision-tables/app/baton/engine/model/routing.drl.xlsx); this file would be ignored";
        }
        return "Baton reads rules/**/*.drl, decision-tables/**/*.drl.xlsx and test-scenarios/**/*.yaml; this file would be ignored";
    }

    private static String flatten(String path) {
        return path.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private record Origin(String file, String sheet, TranslatedTable table) {
    }
}
