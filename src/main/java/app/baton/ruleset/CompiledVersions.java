package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompilationException;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compiled rule set versions kept in memory, so that activating a candidate that was already
 * validated, or rolling back to the version just replaced, needs no recompilation. Least recently
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
    private final int capacity;
    private final int maxRules;
    private final Map<Integer, CompiledRules> cache = new LinkedHashMap<>(8, 0.75f, true);
    private final Set<Integer> warm = new HashSet<>();

    /**
     * @param capacity at most this many versions are kept
     * @param maxRules and at most this many rules across them: a compiled rule costs about 70 KB of heap
     *                 (docs/performance.md), so a 10,000-row table alone holds some 700 MB
     */
    CompiledVersions(ActiveRuleSet active, @Value("${baton.rule-sets.compiled-cache-size:4}") int capacity,
                     @Value("${baton.rule-sets.compiled-cache-max-rules:12000}") int maxRules) {
        this.active = active;
        this.capacity = Math.max(2, capacity);
        this.maxRules = maxRules;
    }

    /**
     * The compiled version, compiled from {@code files} on first use; a version that does not
     * compile, or holds code no version may hold, is refused (422) wherever it is asked for.
     */
    synchronized CompiledRules get(int version, Supplier<List<RuleFile>> files) {
        CompiledRules rules = cache.get(version);
        if (rules == null) {
            long started = System.nanoTime();
            try {
                rules = compiler.compile(String.valueOf(version), files.get());
            } catch (RuleCompilationException e) {
                throw RuleSetRejectedException.notRunnable(version, e);
            }
            log.info("rule set version {} compiled in {} ms ({} rules)", version,
                    (System.nanoTime() - started) / 1_000_000, rules.rules().size());
            cache.put(version, rules);
            evict();
        }
        return rules;
    }

    /** Keeps a candidate compiled during validation, so activating it later needs no second build. */
    synchronized void put(int version, CompiledRules rules) {
        cache.put(version, rules);
        evict();
    }

    /** Whether the version's scenarios already ran on this compiled copy (which warms its classes). */
    synchronized boolean isWarm(int version) {
        return warm.contains(version) && cache.containsKey(version);
    }

    synchronized void markWarm(int version) {
        warm.add(version);
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
                warm.remove(eldest.getKey());
            }
        }
    }
}
