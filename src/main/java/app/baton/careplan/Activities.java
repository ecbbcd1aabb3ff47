package app.baton.careplan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The append-only activity log in PostgreSQL (a trigger refuses updates and deletes). */
@Repository
public class Activities {

    /** One entry as stored; {@code text} is patient data. */
    public record ActivityRow(long id, UUID taskId, String kind, String outcome, String channel, String barrier, String text,
                       String documentRef, String sha256, String actor, OffsetDateTime occurredAt) {
    }

    private final JdbcClient jdbc;
    private final PracticeZone zone;

    Activities(JdbcClient jdbc, PracticeZone zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public long append(UUID taskId, ActivityRequest entry, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                insert into task_activity (task_id, kind, outcome, channel, barrier, text, document_ref, document_sha256, actor,
                                           occurred_at)
                values (:task, :kind, :outcome, :channel, :barrier, :text, :ref, :sha, :actor, :at)
                returning id
                """)
                .param("task", taskId).param("kind", entry.kind().name()).param("outcome", name(entry.outcome()))
                .param("channel", name(entry.channel())).param("barrier", name(entry.barrier())).param("text", entry.text())
                .param("ref", entry.documentRef()).param("sha", entry.sha256()).param("actor", actor).param("at", at)
                .query(Long.class).single();
    }

    public List<ActivityRow> of(UUID taskId) {
        return jdbc.sql("""
                select id, task_id, kind, outcome, channel, barrier, text, document_ref, document_sha256, actor, occurred_at
                from task_activity where task_id = :task order by id
                """).param("task", taskId)
                .query((rs, row) -> new ActivityRow(rs.getLong("id"), rs.getObject("task_id", UUID.class), rs.getString("kind"),
                        rs.getString("outcome"), rs.getString("channel"), rs.getString("barrier"), rs.getString("text"),
                        rs.getString("document_ref"), rs.getString("document_sha256"), rs.getString("actor"),
                        zone.time(rs, "occurred_at")))
                .list();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
