package app.baton.ruleset;

import app.baton.engine.CompiledForm;
import app.baton.engine.CompiledFormRefused;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompilationException;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compiled rule set versions kept in memory, so that activating a candidate that was already
 * validated, or rolling back to the version just replaced, needs no recompilation. A version not in
 * memory is loaded from its stored compiled form ({@link CompiledForms}) when one of this build is
 * stored, and compiled (then stored) otherwise. Least recently
 * used versions are dropped when the cache holds too many versions or too many rules, never the
 * one {@link ActiveRuleSet} serves.
 * A dropped version is not disposed: a request in flight may still hold it, and the garbage
 * collector reclaims its class loader once the last reference goes.
 */
@Component
class CompiledVersions {

    private static final Logger log = LoggerFactory.getLogger(CompiledVersions.class);

    private final RuleCompiler compiler = new RuleCompiler();
    private final ActiveRuleSet active;
    private final CompiledForms forms;
    private final boolean storeCompiled;
    private final int capacity;
    private final int maxRules;
    private final Map<Integer, CompiledRules> cache = new LinkedHashMap<>(8, 0.75f, true);
    private final Map<Integer, Checked> checked = new HashMap<>();

    /**
     * What running a version's scenarios on one compiled copy showed: the copy itself (by identity), the
     * SHA-256 of the files the scenarios were read from and run against, and whether every scenario passed.
     */
    private record Checked(CompiledRules copy, String files, boolean passed) {
    }

    /**
     * @param capacity at most this many versions are kept
     * @param maxRules and at most this many rules across them: a compiled rule costs about 70 KB of heap
     *                 (docs/performance.md), so a 10,000-row table alone holds some 700 MB
     * @param storeCompiled whether compiled forms are stored in and loaded from {@link CompiledForms}
     */
    CompiledVersions(ActiveRuleSet active, CompiledForms forms, @Value("${baton.rule-sets.compiled-cache-size:4}") int capacity,
                     @Value("${baton.rule-sets.compiled-cache-max-rules:12000}") int maxRules,
                     @Value("${baton.rule-sets.store-compiled:true}") boolean storeCompiled) {
        this.active = active;
        this.forms = forms;
        this.storeCompiled = storeCompiled;
        this.capacity = Math.max(2, capacity);
        this.maxRules = maxRules;
    }

    /**
     * The compiled version, loaded from its stored compiled form or compiled from {@code files} on first
     * use; a version that does not compile, or holds code no version may hold, is refused (422) wherever
     * it is asked for.
     */
    synchronized CompiledRules get(int version, Supplier<List<RuleFile>> files) {
        CompiledRules rules = cache.get(version);
        if (rules == null) {
            List<RuleFile> source = files.get();
            rules = load(version, source).orElseGet(() -> compile(version, source));
            cache.put(version, rules);
            evict();
        }
        return rules;
    }

    /** Keeps a candidate compiled during validation, so activating it later needs no second build anywhere. */
    synchronized void put(int version, CompiledRules rules, List<RuleFile> files) {
        cache.put(version, rules);
        evict();
        store(version, rules, files);
    }

    private CompiledRules compile(int version, List<RuleFile> files) {
        long started = System.nanoTime();
        CompiledRules rules;
        try {
            rules = compiler.compile(String.valueOf(version), files);
        } catch (RuleCompilationException e) {
            throw RuleSetRejectedException.notRunnable(version, e);
        }
        log.info("rule set version {} compiled in {} ms ({} rules)", version,
                (System.nanoTime() - started) / 1_000_000, rules.rules().size());
        store(version, rules, files);
        return rules;
    }

    /**
     * The version from its stored compiled form, when one of this build and these files is stored and
     * passes every check; empty (and the reason logged) when it must be compiled.
     */
    private Optional<CompiledRules> load(int version, List<RuleFile> files) {
        if (!storeCompiled) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        String fingerprint = compiler.fingerprint(files);
        Optional<CompiledForm> form;
        try {
            form = forms.find(version, fingerprint);
            if (form.isEmpty()) {
                log.info("rule set version {} has no stored compiled form{}; compiling it", version,
                        forms.hasOther(version, fingerprint) ? " of this build (the stored one is from another build of Baton)" : "");
                return Optional.empty();
            }
        } catch (DataAccessException e) {
            log.warn("cannot read the stored compiled form of rule set version {} ({}); compiling it", version, e.getClass().getSimpleName());
            return Optional.empty();
        }
        try {
            CompiledRules rules = compiler.load(String.valueOf(version), form.get(), files);
            log.info("rule set version {} loaded from its stored compiled form in {} ms ({} rules, {} KB)", version,
                    (System.nanoTime() - started) / 1_000_000, rules.rules().size(), form.get().bytes().length / 1024);
            return Optional.of(rules);
        } catch (CompiledFormRefused e) {
            log.warn("the stored compiled form of rule set version {} is not loaded: {}; compiling the version instead",
                    version, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("the stored compiled form of rule set version {} could not be loaded ({}); compiling the version instead",
                    version, e.getClass().getSimpleName());
        }
        try {
            forms.delete(version, fingerprint);
        } catch (DataAccessException e) {
            log.warn("could not drop the refused compiled form of rule set version {} ({})", version, e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /** Stores the compiled form for the next start; a failure costs that start a compile, nothing else. */
    private void store(int version, CompiledRules rules, List<RuleFile> files) {
        if (!storeCompiled) {
            return;
        }
        long started = System.nanoTime();
        try {
            CompiledForm form = compiler.compiledForm(rules, files);
            forms.save(version, form);
            log.info("stored the compiled form of rule set version {} ({} KB, {} ms)", version, form.bytes().length / 1024,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("could not store the compiled form of rule set version {} ({}); it is compiled again on the next start",
                    version, e.getClass().getSimpleName());
        }
    }

    /**
     * Records that the version's scenarios ran on {@code copy}, read from {@code files}: the run also warmed the
     * copy's classes, and when every scenario passed an activation on this instance need not run them again
     * ({@link #passedOn}). Ignored when {@code copy} is no longer the version's copy in memory.
     */
    void recordScenarios(int version, CompiledRules copy, List<RuleFile> files, boolean passed) {
        Checked check = new Checked(copy, new RuleSetBundle(files).sha256(), passed);
        synchronized (this) {
            if (cache.get(version) == copy) {
                checked.put(version, check);
            }
        }
    }

    /** Whether the version's scenarios already ran on its copy in memory (which warms its classes). */
    synchronized boolean isWarm(int version) {
        Checked check = checked.get(version);
        return check != null && cache.get(version) == check.copy();
    }

    /**
     * Whether every scenario among {@code files} passed on this very compiled copy: the same object in memory
     * (the same generated classes and rule unit, not a copy compiled or loaded again) and the same files, byte
     * for byte. Running them again could not give another verdict: a compiled copy does not change, the
     * scenarios are the same bytes, and what else they depend on (each scenario's own time and practice, the
     * holiday calendars and the configured closures) is fixed for the life of this instance.
     */
    boolean passedOn(int version, CompiledRules copy, List<RuleFile> files) {
        String sha256 = new RuleSetBundle(files).sha256();
        synchronized (this) {
            Checked check = checked.get(version);
            return check != null && check.passed() && check.copy() == copy && cache.get(version) == copy
                    && check.files().equals(sha256);
        }
    }

    /** How many versions are kept at most (besides the rule limit). */
    int capacity() {
        return capacity;
    }

    synchronized boolean contains(int version) {
        return cache.containsKey(version);
    }

    private int rules() {
        return cache.values().stream().mapToInt(r -> r.rules().size()).sum();
    }

    private void evict() {
        Set<String> serving = active.find().map(r -> Set.of(r.version())).orElse(Set.of());
        var it = cache.entrySet().iterator();
        while ((cache.size() > capacity || rules() > maxRules) && it.hasNext()) {
            var eldest = it.next();
            if (!serving.contains(eldest.getValue().version())) {
                it.remove();
                checked.remove(eldest.getKey());
            }
        }
    }
}
