package app.baton.audit;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly audit partitions, retention and checkpoints on a database of their own (so that dropping a month does not
 * shorten the chain the other tests verify): a month older than the retention is exported with its chain's ends and
 * dropped, and both the full walk and the walk from a checkpoint still prove the chain that is kept; a change after
 * the checkpoint is caught, and so is an entry removed next to the exported month.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditRetentionIntegrationTests {

    private static final Instant JANUARY_2019 = Instant.parse("2019-01-10T10:00:00Z");
    private static final Instant FEBRUARY_2019 = Instant.parse("2019-02-10T10:00:00Z");
    /** Six years after February 2019: January 2019 is past retention, February is not. */
    private static final Clock MAINTENANCE_CLOCK = Clock.fixed(Instant.parse("2025-02-15T00:00:00Z"), ZoneOffset.UTC);

    @Autowired
    DataSource server;
    @Autowired
    JdbcClient serverJdbc;
    @TempDir
    Path exportDir;

    String database;
    DataSource dataSource;
    JdbcClient jdbc;
    TransactionTemplate tx;
    AuditEvents events;
    AuditChainer chainer;
    AuditCheckpoints checkpoints;
    PartitionExports exports;
    AuditChainVerifier verifier;
    PartitionMaintenance maintenance;

    @BeforeEach
    void freshDatabase() {
        database = "retention_" + UUID.randomUUID().toString().replace("-", "");
        serverJdbc.sql("create database " + database).update();
        String url = ((HikariDataSource) server).getJdbcUrl().replaceFirst("/postgres(\\?.*)?$", "/" + database);
        dataSource = new DriverManagerDataSource(url, "postgres", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactions);
        events = new AuditEvents(jdbc, dataSource);
        chainer = new AuditChainer(events, transactions);
        checkpoints = new AuditCheckpoints(jdbc);
        exports = new PartitionExports(jdbc);
        verifier = new AuditChainVerifier(events, checkpoints, exports, Clock.systemUTC(), transactions);
        PartitionProperties settings = new PartitionProperties(true, Duration.ofHours(6), 3, exportDir,
                new PartitionProperties.Retention(Period.ofYears(6), Period.ofYears(6)));
        maintenance = new PartitionMaintenance(dataSource, exports, checkpoints, settings, MAINTENANCE_CLOCK);
        jdbc.sql("select baton_month_partition('audit_event', date '2019-01-01')").query(String.class).single();
        jdbc.sql("select baton_month_partition('audit_event', date '2019-02-01')").query(String.class).single();
    }

    @AfterEach
    void dropDatabase() {
        serverJdbc.sql("drop database if exists " + database + " with (force)").update();
    }

    @Test
    void anExportedMonthLeavesTheChainProvableAndChangesAfterTheCheckpointAreCaught() throws Exception {
        List<AuditEvent> january = linked(stage(JANUARY_2019, 3));
        List<AuditEvent> february = linked(stage(FEBRUARY_2019, 3));
        List<AuditEvent> now = linked(stage(Instant.now(), 3));
        ChainVerification before = verifier.verify();
        assertThat(before.intact()).isTrue();
        assertThat(before.entries()).isEqualTo(9);

        maintenance.run();

        assertThat(jdbc.sql("select to_regclass('audit_event_y2019m01') is null").query(Boolean.class).single())
                .as("January 2019 is older than six years on 15 February 2025: dropped").isTrue();
        assertThat(jdbc.sql("select to_regclass('audit_event_y2019m02') is not null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(6);
        Path csv = exportDir.resolve("audit_event_y2019m01.csv");
        assertThat(Files.readAllLines(csv)).hasSize(4).first().asString().startsWith("id,sequence_number,occurred_at");
        assertThat(Files.readString(exportDir.resolve("audit_event_y2019m01.manifest")))
                .contains("rows=3\n")
                .contains("first_sequence_number=" + january.get(0).sequenceNumber() + "\n")
                .contains("first_previous_hash=" + AuditHash.GENESIS + "\n")
                .contains("first_hash=" + january.get(0).hash() + "\n")
                .contains("last_sequence_number=" + january.get(2).sequenceNumber() + "\n")
                .contains("last_hash=" + january.get(2).hash() + "\n");

        ChainVerification full = verifier.verify();
        assertThat(full.intact()).as(full.describe()).isTrue();
        assertThat(full.entries()).isEqualTo(6);
        assertThat(full.lastSequenceNumber()).isEqualTo(now.get(2).sequenceNumber());
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForList(Files.readString(Path.of("docs/sql/verify-audit-chain.sql"))))
                .as("the reviewers' SQL check, without Baton, links the first kept entry to the export").isEmpty();
        assertThat(verifier.verifyFromCheckpoint()).satisfies(fromCheckpoint -> {
            assertThat(fromCheckpoint.intact()).isTrue();
            assertThat(fromCheckpoint.fromSequenceNumber()).isEqualTo(now.get(2).sequenceNumber());
            assertThat(fromCheckpoint.entries()).isZero();
        });

        List<AuditEvent> later = linked(stage(Instant.now(), 2));
        Tampering tampering = new Tampering(jdbc, tx);
        tampering.bypassingTheTrigger(db -> db.sql("update audit_event set patient_id = 'pt-999' where id = :id")
                .param("id", later.get(1).id()).update());
        ChainVerification caught = verifier.verifyFromCheckpoint();
        assertThat(caught.intact()).isFalse();
        assertThat(caught.entries()).as("only the entries after the checkpoint were read").isEqualTo(2);
        assertThat(caught.firstBroken().sequenceNumber()).isEqualTo(later.get(1).sequenceNumber());
        assertThat(caught.firstBroken().reason()).isEqualTo("its content does not match its hash");
        tampering.bypassingTheTrigger(db -> db.sql("update audit_event set patient_id = 'pt-1' where id = :id")
                .param("id", later.get(1).id()).update());
        assertThat(verifier.verifyFromCheckpoint().intact()).isTrue();

        // Removing the first kept entry, next to the exported month, is not mistaken for the export.
        tampering.bypassingTheTrigger(db -> db.sql("delete from audit_event where id = :id")
                .param("id", february.get(0).id()).update());
        ChainVerification removed = verifier.verify();
        assertThat(removed.intact()).isFalse();
        assertThat(removed.firstBroken().sequenceNumber()).isEqualTo(february.get(1).sequenceNumber());
        assertThat(removed.firstBroken().reason()).isEqualTo("entry " + february.get(0).sequenceNumber() + " is missing");
    }

    @Test
    void aChangedCheckpointEntryIsCaughtAndAMonthNoVerificationWalkedIsKept() {
        linked(stage(JANUARY_2019, 2));
        linked(stage(FEBRUARY_2019, 1));

        maintenance.run();

        assertThat(jdbc.sql("select to_regclass('audit_event_y2019m01') is not null").query(Boolean.class).single())
                .as("no checkpoint yet: January stays until a verification has walked past it").isTrue();
        assertThat(exportDir.resolve("audit_event_y2019m01.csv")).doesNotExist();

        assertThat(verifier.verify().intact()).isTrue();
        new Tampering(jdbc, tx).bypassingTheTrigger(db -> db.sql("update audit_event set hash = :hash where id = :id")
                .param("hash", "f".repeat(64)).param("id", jdbc.sql("select id from audit_event order by sequence_number desc limit 1")
                        .query(UUID.class).single()).update());
        ChainVerification result = verifier.verifyFromCheckpoint();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken().reason()).startsWith("it is not the entry the checkpoint of");
    }

    @Test
    void anOldMonthOfDecisionsIsExportedAndDroppedWithItsIdempotencyKeys() throws Exception {
        jdbc.sql("select baton_month_partition('decision', date '2019-01-01')").query(String.class).single();
        jdbc.sql("""
                insert into rule_set_version (version, sha256, status, author, change_note)
                values (1, repeat('a', 64), 'ACTIVE', 'tester', 'retention test')
                """).update();
        for (String at : List.of("2019-01-20T08:00:00Z", "2019-03-20T08:00:00Z")) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into decision (id, idempotency_key, request_sha256, rule_set_version, as_of, recorded_at, task_id,
                                          program, task_type, inputs, response, evaluation_micros)
                    values (:id, :key, repeat('c', 64), 1, cast(:at as timestamptz), cast(:at as timestamptz), 't-1', 'P', 'T',
                            '{}', '{}', 10)
                    """).param("id", id).param("key", "req-" + at).param("at", at).update();
            jdbc.sql("insert into decision_request_key values (:key, :id, cast(:at as timestamptz))")
                    .param("key", "req-" + at).param("id", id).param("at", at).update();
        }

        maintenance.run();

        assertThat(jdbc.sql("select to_regclass('decision_y2019m01') is null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select idempotency_key from decision_request_key").query(String.class).list())
                .containsExactly("req-2019-03-20T08:00:00Z");
        assertThat(jdbc.sql("select count(*) from decision").query(Long.class).single())
                .as("March 2019 has no month partition here: the default kept it, and retention leaves the default alone")
                .isEqualTo(1);
        assertThat(Files.readAllLines(exportDir.resolve("decision_y2019m01.csv"))).hasSize(2)
                .last().asString().contains("req-2019-01-20T08:00:00Z");
        assertThat(Files.readString(exportDir.resolve("decision_y2019m01.manifest"))).contains("rows=1\n")
                .doesNotContain("last_hash");
        assertThat(jdbc.sql("select row_count from partition_export where partition_name = 'decision_y2019m01'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private List<AuditEvent> stage(Instant at, int count) {
        List<AuditEvent> staged = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            staged.add(new AuditEvent(UUID.randomUUID(), 0, at.plusSeconds(i), "tester", "USER", "pt-1", "READ", "DECISION",
                    "decision", "d-" + i, "SUCCESS", "127.0.0.1", null, false, Map.of("n", String.valueOf(i)), null, null));
        }
        tx.executeWithoutResult(status -> events.insertAll(staged));
        return staged;
    }

    private List<AuditEvent> linked(List<AuditEvent> staged) {
        return new Linking(chainer, jdbc).linked(staged);
    }
}
