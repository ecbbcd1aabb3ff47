package app.baton.decision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One evaluation of a task, made by {@link TaskDecisions}: the answer as the decision API gives it (every result
 * naming its rule and {@code file#Sheet!row}), and the row that records it. Its id is fixed when it is made, so a
 * caller can point at it before it is stored; it exists in the {@code decision} table once
 * {@link TaskDecisions#record} ran in a transaction that committed.
 */
public final class TaskDecision {

    private final UUID id;
    private final int ruleSetVersion;
    private final AskedBy askedBy;
    private final DecisionResponse response;
    private final Supplier<DecisionRow> rowOf;
    private DecisionRow row;

    TaskDecision(UUID id, int ruleSetVersion, AskedBy askedBy, DecisionResponse response, Supplier<DecisionRow> rowOf) {
        this.id = id;
        this.ruleSetVersion = ruleSetVersion;
        this.askedBy = askedBy;
        this.response = response;
        this.rowOf = rowOf;
    }

    public UUID id() {
        return id;
    }

    public int ruleSetVersion() {
        return ruleSetVersion;
    }

    public AskedBy askedBy() {
        return askedBy;
    }

    /** The answer, as the decision API would have given it. */
    public DecisionResponse response() {
        return response;
    }

    public String queue() {
        return response.routing() == null ? null : response.routing().queue();
    }

    public String role() {
        return response.routing() == null ? null : response.routing().role();
    }

    public String routingRule() {
        return response.routing() == null ? null : response.routing().rule();
    }

    public OffsetDateTime dueAt() {
        return response.sla() == null ? null : response.sla().dueAt();
    }

    public String slaBasis() {
        return response.sla() == null ? null : response.sla().basis();
    }

    public String dueRule() {
        return response.sla() == null ? null : response.sla().rule();
    }

    /** The first next-best action: the prompt the task's owner sees; null when no row gave one. */
    public DecisionResponse.NextBestAction nextAction() {
        return response.nextBestActions().isEmpty() ? null : response.nextBestActions().get(0);
    }

    public List<DecisionResponse.MissingInfo> missingInfo() {
        return response.missingInfo();
    }

    public List<DecisionResponse.Escalation> escalations() {
        return response.escalations();
    }

    public List<DecisionResponse.TraceEntry> trace() {
        return response.trace();
    }

    /**
     * Builds the row to store now, on this thread (its inputs and response as JSON, its fingerprint), so that recording
     * it later costs only the insert: the sweep prepares the rows of the steps it is about to store on the thread that
     * reads and evaluates the next page, not on the one holding the page's transaction open.
     */
    public void prepareRecord() {
        row();
    }

    /** The row to store, built on first use (a decision that is never recorded never serializes its inputs). */
    synchronized DecisionRow row() {
        if (row == null) {
            row = rowOf.get();
        }
        return row;
    }
}
