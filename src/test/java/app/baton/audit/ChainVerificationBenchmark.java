package app.baton.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;

/**
 * The audit chain verification on a database filled by src/test/bench/big-data.sh: from a checkpoint a month back (the
 * newest month's entries, what the scheduled verification reads when it runs monthly at worst), then the full walk.
 * Not a test; run by {@code big-data.sh measure}. Arguments: the JDBC URL and user (no password: the local trust auth).
 * It replaces the database's checkpoints (a bench database) and leaves one at the head, as a verification does.
 */
final class ChainVerificationBenchmark {

    private ChainVerificationBenchmark() {
    }

    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], args.length > 2 ? args[2] : "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AuditEvents events = new AuditEvents(jdbc, dataSource);
        AuditCheckpoints checkpoints = new AuditCheckpoints(jdbc);
        AuditChainVerifier verifier = new AuditChainVerifier(events, checkpoints, new PartitionExports(jdbc), Clock.systemUTC(),
                new DataSourceTransactionManager(dataSource));

        // A checkpoint at the last entry older than a month, as if the previous verification had ended there; twice,
        // the first in a cold JVM (as a scheduled run after start-up), the second warm.
        for (String run : new String[] {"cold JVM", "warm"}) {
            jdbc.sql("delete from audit_checkpoint").update();
            jdbc.sql("""
                    insert into audit_checkpoint (sequence_number, entry_id, hash, entries, full_walk, verified_at)
                    select sequence_number, id, hash, 0, false, now() from audit_event
                    where sequence_number = (select max(sequence_number) from audit_event where occurred_at < now() - interval '1 month')
                    """).update();
            report("newest month (from a checkpoint a month back), " + run, verifier::verifyFromCheckpoint);
        }
        report("full chain", verifier::verify);
    }

    private static void report(String name, java.util.function.Supplier<ChainVerification> verification) {
        long started = System.nanoTime();
        ChainVerification result = verification.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %.1f s, %d entries (%.0f per second): %s%n", name, seconds, result.entries(),
                result.entries() / seconds, result.describe());
    }
}
