package app.baton.decision;

import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision's inputs and response are compressed with lz4 wherever the server offers it (V273), on the table, on each
 * month partition, and on a month partition created after the migration; a server without lz4 keeps its default.
 * (The tests' embedded server has no lz4, so here the second half is what is checked; PostgreSQL 15 from Debian has it.)
 */
class DecisionCompressionIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void decisionDocumentsUseLz4WhereTheServerHasIt() {
        boolean lz4 = jdbc.sql("select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression'")
                .query(Boolean.class).single();
        // the new partition is rolled back with the check: other tests count the partitions there are
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> methods = tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("select baton_month_partition('decision', cast(date_trunc('month', now()) + interval '14 months' as date))")
                    .query(String.class).single();
            return jdbc.sql("""
                select distinct a.attcompression::text
                from pg_attribute a
                where a.attname in ('inputs', 'response')
                  and a.attrelid in (select 'decision'::regclass
                                     union all select inhrelid from pg_inherits where inhparent = 'decision'::regclass)
                """).query(String.class).list();
        });
        assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'decision'::regclass").query(Integer.class).single())
                .isGreaterThan(1);
        assertThat(methods).containsExactly(lz4 ? "l" : "");
    }
}
