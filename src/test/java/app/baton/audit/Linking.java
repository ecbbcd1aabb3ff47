package app.baton.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

/** Links what is staged now, as the scheduled chainer would, and reads entries back with their place in the chain. */
final class Linking {

    private final AuditChainer chainer;
    private final JdbcClient jdbc;

    Linking(AuditChainer chainer, JdbcClient jdbc) {
        this.chainer = chainer;
        this.jdbc = jdbc;
    }

    /** The given (staged) entries as stored after linking everything committed so far, in chain order. */
    List<AuditEvent> linked(List<AuditEvent> staged) {
        chainer.chainStaged();
        List<UUID> ids = staged.stream().map(AuditEvent::id).toList();
        return jdbc.sql("select " + AuditEvents.COLUMNS + " from audit_event where id in (:ids) order by sequence_number")
                .param("ids", ids).query(AuditEvents.ROW).list();
    }

    AuditEvent linked(AuditEvent staged) {
        return linked(List.of(staged)).get(0);
    }
}
