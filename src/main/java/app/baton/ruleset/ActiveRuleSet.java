package app.baton.ruleset;

import app.baton.engine.CompiledRules;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one path by which decisions are made: the compiled active version. A caller takes the
 * reference once per request, so a swap never changes the version under a request in flight.
 */
@Component
public class ActiveRuleSet {

    private final AtomicReference<CompiledRules> current = new AtomicReference<>();

    public CompiledRules current() {
        CompiledRules rules = current.get();
        if (rules == null) {
            throw new NoActiveRuleSetException();
        }
        return rules;
    }

    public Optional<CompiledRules> find() {
        return Optional.ofNullable(current.get());
    }

    /** Makes {@code rules} the active version and returns the one it replaced, if any. */
    Optional<CompiledRules> swap(CompiledRules rules) {
        return Optional.ofNullable(current.getAndSet(rules));
    }
}
