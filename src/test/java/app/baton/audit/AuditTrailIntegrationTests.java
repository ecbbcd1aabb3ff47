package app.baton.audit;

import app.baton.system.Actor;
import app.baton.system.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Appending: in the caller's transaction, staged then linked, linear under concurrent writers, and refused changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailIntegrationTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditChainer chainer;

    private static AuditEntry entry(String objectId) {
        return AuditEntry.of(AuditAction.UPDATE, AuditCategory.USER, "user", objectId);
    }

    @Test
    void storesEveryFieldAsGiven() {
        Caller caller = new Caller(new Actor("nurse", Actor.Type.USER), "10.0.0.7", "corr-1", false);

        AuditEvent stored = trail.record(AuditEntry.of(AuditAction.BREAK_GLASS, AuditCategory.AUTHENTICATION, "patient", "pt-7")
                .withPatient("pt-7").withOutcome(AuditOutcome.SUCCESS).asEmergency()
                .withDetails(Map.of("reason", "unconscious patient in ED", "expiresIn", "PT4H")).by(caller));

        assertThat(stored.staged()).isTrue();
        AuditEvent read = new Linking(chainer, jdbc).linked(stored);
        assertThat(read.staged()).isFalse();
        assertThat(read).usingRecursiveComparison().ignoringFields("sequenceNumber", "previousHash", "hash").isEqualTo(stored);
        assertThat(read.actor()).isEqualTo("nurse");
        assertThat(read.actorType()).isEqualTo("USER");
        assertThat(read.sourceAddress()).isEqualTo("10.0.0.7");
        assertThat(read.emergency()).isTrue();
        assertThat(read.details()).containsEntry("expiresIn", "PT4H");
        assertThat(read.hash()).isEqualTo(AuditHash.of(read));
    }

    @Test
    void entryOutsideARequestIsTheSystems() {
        AuditEvent stored = trail.record(entry("u-1"));

        assertThat(stored.actor()).isEqualTo("system");
        assertThat(stored.actorType()).isEqualTo("SYSTEM");
        assertThat(stored.sourceAddress()).isNull();
    }

    @Test
    void entryRollsBackWithTheCallersTransaction() {
        String objectId = UUID.randomUUID().toString();

        tx.executeWithoutResult(status -> {
            trail.record(entry(objectId));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from audit_event where object_id = :id").param("id", objectId)
                .query(Long.class).single()).isZero();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void concurrentWritersAreAllLinkedExactlyOnceIntoOneLinearChain() throws Exception {
        String marker = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            writers.add(() -> {
                for (int i = 0; i < 25; i++) {
                    trail.recordAll(List.of(entry(marker), entry(marker)));
                }
                return null;
            });
        }
        // Two chainers race the writers and each other (besides the scheduled one), as instances of a cluster would.
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Void>> chainers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            chainers.add(pool.submit(() -> {
                while (writing.get()) {
                    chainer.chainStaged();
                }
                return null;
            }));
        }
        try {
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
            writing.set(false);
            for (Future<Void> done : chainers) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        chainer.chainStaged();

        List<Long> sequence = jdbc.sql("select sequence_number from audit_event where object_id = :m order by staged_number")
                .param("m", marker).query(Long.class).list();
        assertThat(sequence).hasSize(400).doesNotContainNull().doesNotHaveDuplicates();
        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(result.lastSequenceNumber());
    }

    @Test
    void databaseRefusesToChangeOrRemoveEntries() {
        AuditEvent stored = trail.record(entry("u-2"));

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'mallory' where id = :id").param("id", stored.id()).update())
                .rootCause().hasMessageContaining("the audit trail is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", stored.id()).update())
                .rootCause().hasMessageContaining("the audit trail is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .rootCause().hasMessageContaining("the audit trail is append-only: TRUNCATE refused");
        assertThatThrownBy(() -> jdbc.sql("""
                update audit_event set actor = 'mallory', sequence_number = 999999999, previous_hash = repeat('0', 64),
                                       hash = repeat('0', 64)
                where id = :id""").param("id", stored.id()).update())
                .as("linking may not change anything else").rootCause()
                .hasMessageContaining("the audit trail is append-only: UPDATE refused");
        AuditEvent linked = new Linking(chainer, jdbc).linked(stored);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set hash = repeat('0', 64) where id = :id").param("id", linked.id()).update())
                .as("a linked entry is never linked again").rootCause()
                .hasMessageContaining("the audit trail is append-only: UPDATE refused");
        assertThat(jdbc.sql("select actor from audit_event where id = :id").param("id", stored.id()).query(String.class).single())
                .isEqualTo("system");
    }

    @Test
    void everyColumnOutsideTheChainIsGuardedAgainstUpdates() {
        List<String> columns = jdbc.sql("""
                select attname from pg_attribute
                where attrelid = 'audit_event'::regclass and attnum > 0 and not attisdropped
                """).query(String.class).list();
        List<String> guarded = jdbc.sql("""
                select a.attname
                from pg_trigger t join pg_attribute a on a.attrelid = t.tgrelid and a.attnum = any(t.tgattr)
                where t.tgrelid = 'audit_event'::regclass and t.tgname = 'audit_event_content_is_fixed'
                """).query(String.class).list();
        List<String> chain = List.of("sequence_number", "previous_hash", "hash");

        assertThat(columns).containsAll(chain);
        assertThat(guarded).as("a column added to audit_event must be added to the trigger audit_event_content_is_fixed")
                .containsExactlyInAnyOrderElementsOf(columns.stream().filter(c -> !chain.contains(c)).toList());
    }

    @Test
    void applicationRoleOfTheComplianceGuideCanNeitherChangeTheTrailNorDisableItsTrigger() {
        jdbc.sql("""
                do $$ begin create role baton_app_test nologin; exception when duplicate_object then null; end $$
                """).update();
        jdbc.sql("grant select, insert on audit_event to baton_app_test").update();
        AuditEvent stored = trail.record(entry("u-3"));

        assertThatThrownBy(() -> asApplicationRole("update audit_event set actor = 'mallory' where id = :id", stored.id()))
                .rootCause().hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> asApplicationRole("alter table audit_event disable trigger audit_event_append_only", stored.id()))
                .rootCause().hasMessageContaining("must be owner of table audit_event");
        assertThat(asApplicationRole("select count(*) from audit_event where id = :id", stored.id())).isEqualTo(1);
    }

    private int asApplicationRole(String sql, UUID id) {
        return tx.execute(status -> {
            jdbc.sql("set local role baton_app_test").update();
            return sql.startsWith("select") ? jdbc.sql(sql).param("id", id).query(Integer.class).single()
                    : jdbc.sql(sql).param("id", id).update();
        });
    }
}
