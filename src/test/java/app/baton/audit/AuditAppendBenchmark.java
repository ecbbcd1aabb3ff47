package app.baton.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audited writes per second with 16 concurrent clients, each write one transaction: an audit entry
 * alone, and an audit entry followed by 2 ms of other work in the same transaction (a request that
 * does something after auditing it), and how far the chainer was behind. Not a test: its name keeps it out of {@code ./mvnw verify}; run
 * it with {@code ./mvnw test -Dtest=AuditAppendBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It asserts what was written, never how fast.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditAppendBenchmark {

    static final int CLIENTS = 16;
    static final long SECONDS = Long.getLong("baton.bench.audit-seconds", 15);

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditChainer chainer;

    @Test
    void auditedWritesWith16Clients() throws Exception {
        run("warm-up", 0, 5);
        run("audit entry alone", 0, SECONDS);
        run("audit entry, then 2 ms more in the transaction", 2, SECONDS);
    }

    private void run(String name, int workMillis, long seconds) throws Exception {
        String marker = UUID.randomUUID().toString();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Long>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                long n = 0;
                while (running.get()) {
                    tx.executeWithoutResult(status -> {
                        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", marker));
                        if (workMillis > 0) {
                            jdbc.sql("select pg_sleep(:s)").param("s", workMillis / 1000.0).query().singleRow();
                        }
                    });
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(seconds * 1000);
        running.set(false);
        long total = 0;
        for (Future<Long> client : clients) {
            total += client.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long stored = jdbc.sql("select count(*) from audit_event where object_id = :m").param("m", marker).query(Long.class).single();
        assertThat(stored).isEqualTo(total);
        System.out.printf("BENCH %s: %,d audited writes in %.1f s = %,.0f/s with %d clients%n", name, total, elapsed,
                total / elapsed, CLIENTS);
        // How far the scheduled chainer was behind when the clients stopped, and how long linking the rest takes.
        long staged = jdbc.sql("select count(*) from audit_event where hash is null").query(Long.class).single();
        long linking = System.nanoTime();
        chainer.chainStaged();
        System.out.printf("BENCH   %,d entries still staged at the end, linked in %.0f ms%n", staged, (System.nanoTime() - linking) / 1e6);
    }
}
