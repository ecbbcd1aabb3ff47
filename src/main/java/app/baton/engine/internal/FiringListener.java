package app.baton.engine.internal;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Tells the fact (a task or a plan) which rule is about to write a result, and keeps the firing order for the trace. */
public final class FiringListener extends DefaultAgendaEventListener {

    private final Consumer<String> fact;
    private final List<String> fired = new ArrayList<>();

    public FiringListener(Consumer<String> fact) {
        this.fact = fact;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        fired.add(rule);
        fact.accept(rule);
    }

    public List<String> fired() {
        return List.copyOf(fired);
    }
}
