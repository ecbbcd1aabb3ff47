package app.baton.audit;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.system.Actor;
import app.baton.system.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entries are staged in their callers' transactions without a lock, and one chainer links them
 * afterwards: a slow transaction holds up nobody else, nothing staged is lost, and staged entries
 * are found at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditChainingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditChainer chainer;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    AuditEvents events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    @Test
    void transactionHeldOpenWithAnAuditedWriteDelaysNoOtherRequestsAuditedWrites() throws Exception {
        String slowObject = UUID.randomUUID().toString();
        CountDownLatch slowStaged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            // Holds its audited write open until the others are done (60 s at most, so a regression fails rather than hangs).
            Future<Boolean> slow = pool.submit(() -> tx.execute(status -> {
                trail.record(AuditEntry.of(AuditAction.UPDATE, AuditCategory.USER, "user", slowObject));
                slowStaged.countDown();
                try {
                    return release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(slowStaged.await(60, TimeUnit.SECONDS)).isTrue();

            HttpJson http = new HttpJson(port);
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                others.add(pool.submit(() -> {
                    HttpJson.Response response = http.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString()));
                    assertThat(response.status()).isEqualTo(200);
                    return response.json().path("decisionId").asText();
                }));
            }
            List<String> decisions = new ArrayList<>();
            for (Future<String> other : others) {
                decisions.add(other.get(90, TimeUnit.SECONDS));
            }

            assertThat(slow.isDone()).as("the slow transaction is still open while the others' audited writes are done").isFalse();
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'CREATE' and object_id in (:ids)")
                    .param("ids", decisions).query(Long.class).single()).isEqualTo(4);
            // The chainer links what has committed and does not wait for the open transaction's earlier entry.
            chainer.chainStaged();
            assertThat(jdbc.sql("select count(*) from audit_event where object_id in (:ids) and hash is null")
                    .param("ids", decisions).query(Long.class).single()).isZero();

            release.countDown();
            assertThat(slow.get(60, TimeUnit.SECONDS)).isTrue();
            chainer.chainStaged();
            long slowPlace = jdbc.sql("select sequence_number from audit_event where object_id = :id")
                    .param("id", slowObject).query(Long.class).single();
            long lastOther = jdbc.sql("select max(sequence_number) from audit_event where object_id in (:ids)")
                    .param("ids", decisions).query(Long.class).single();
            assertThat(slowPlace).as("linked in the order it committed").isGreaterThan(lastOther);
            assertThat(verifier.verify().intact()).isTrue();
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void stagedEntryIsFoundAtOnceAndVerificationCountsIt() throws Exception {
        String actor = "staged-" + UUID.randomUUID();
        try (Connection blocker = dataSource.getConnection(); Statement sql = blocker.createStatement()) {
            // Another chainer holding the chain lock: the entry stays staged while we look.
            blocker.setAutoCommit(false);
            sql.execute("select pg_advisory_xact_lock(hashtext('baton.audit.chain'))");
            try {
                trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-staged")
                        .by(new Caller(new Actor(actor, Actor.Type.USER), "10.0.0.9", "corr-staged", false)));

                JsonNode page = new HttpJson(port).asUser("compliance").get("/api/v1/audit/events?actor=" + actor).json();
                assertThat(page.path("events")).hasSize(1);
                assertThat(page.path("events").get(0).path("objectId").asText()).isEqualTo("d-staged");
                assertThat(page.path("events").get(0).path("sequenceNumber").asLong()).isZero();
                ChainVerification verification = verifier.verify();
                assertThat(verification.intact()).isTrue();
                assertThat(verification.stagedEntries()).isPositive();
            } finally {
                blocker.rollback();
            }
        }
        chainer.chainStaged();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :actor and hash is not null")
                .param("actor", actor).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void chainerThatCrashesMidWayLosesNothingAndTheNextRunLinksEverything() {
        List<AuditEvent> staged = trail.recordAll(List.of(
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-crash-1"),
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-crash-2"),
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-crash-3")));
        List<UUID> ids = staged.stream().map(AuditEvent::id).toList();

        // A chainer that dies after linking, before it commits: its transaction is rolled back as a crash would leave it.
        TransactionTemplate crashing = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> crashing.executeWithoutResult(status -> {
            events.lockForChaining();
            AuditEvents.Head head = events.head().orElse(AuditEvents.Head.EMPTY);
            List<AuditEvent> ours = events.staged(AuditChainer.BATCH).stream().filter(e -> ids.contains(e.id())).toList();
            events.link(AuditChainer.linkedAfter(head, ours));
            throw new IllegalStateException("the process died here");
        })).hasMessage("the process died here");

        // The next run (a chainer of a restarted instance) links what was staged.
        new AuditChainer(events, transactions).chainStaged();

        List<Long> places = jdbc.sql("select sequence_number from audit_event where id in (:ids) order by staged_number")
                .param("ids", ids).query(Long.class).list();
        assertThat(places).hasSize(3).doesNotContainNull().isSorted().doesNotHaveDuplicates();
        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(verification.lastSequenceNumber());
    }
}
