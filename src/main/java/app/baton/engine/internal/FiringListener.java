package app.baton.engine.internal;

import app.baton.engine.model.TaskCase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;

/** Tells the task which rule is about to write a result, and keeps the firing order for the trace. */
public final class FiringListener extends DefaultAgendaEventListener {

    private final TaskCase task;
    private final List<String> fired = new ArrayList<>();

    public FiringListener(TaskCase task) {
        this.task = task;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        fired.add(rule);
        task.firing(rule);
    }

    public List<String> fired() {
        return List.copyOf(fired);
    }
}
