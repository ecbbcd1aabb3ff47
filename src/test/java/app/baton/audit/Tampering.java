package app.baton.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Consumer;

/**
 * What an attacker with superuser rights could do: change the audit trail behind the trigger's
 * back. {@code session_replication_role = replica} skips ordinary triggers for one transaction.
 */
final class Tampering {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Tampering(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    void bypassingTheTrigger(Consumer<JdbcClient> change) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            change.accept(jdbc);
        });
    }
}
