package app.baton.decision;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

/**
 * What retention must do in the decision module's tables when it drops a month of decisions (the audit module's
 * partition maintenance detaches and drops {@code decision}'s month partitions as the schema owner): forget the
 * request keys of that month's decisions, so that no key points at a decision that is gone.
 */
public final class DecisionRetention {

    private DecisionRetention() {
    }

    /**
     * Deletes the request keys of the decisions recorded in {@code [from, to)}, through {@code owner} and so in the
     * transaction that drops their partition; returns how many it deleted.
     */
    public static int forgetRequestKeys(JdbcClient owner, OffsetDateTime from, OffsetDateTime to) {
        return owner.sql("delete from decision_request_key where recorded_at >= :from and recorded_at < :to")
                .param("from", from).param("to", to)
                .update();
    }
}
