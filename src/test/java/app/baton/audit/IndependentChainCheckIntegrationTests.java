package app.baton.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL that docs/compliance-guide.md gives reviewers recomputes the same chain as Baton. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndependentChainCheckIntegrationTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate plain;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditChainer chainer;

    private List<Map<String, Object>> documentedCheck() throws IOException {
        return plain.queryForList(Files.readString(Path.of("docs/sql/verify-audit-chain.sql")));
    }

    @Test
    void documentedSqlFindsNothingWrongWithAnIntactChain() throws IOException {
        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-1").withPatient("pt-ü")
                .withDetails(Map.of("taskId", "t-\"quoted\"", "a key", "ünïcode, comma")));
        chainer.chainStaged();

        assertThat(documentedCheck()).isEmpty();
    }

    @Test
    void documentedSqlNamesTheChangedEntry() throws IOException {
        AuditEvent target = new Linking(chainer, jdbc).linked(trail.recordAll(List.of(
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-2").withPatient("pt-2"),
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-3").withPatient("pt-3")))).get(0);
        Tampering tampering = new Tampering(jdbc, tx);
        tampering.bypassingTheTrigger(db -> db.sql("update audit_event set object_id = 'd-x' where id = :id")
                .param("id", target.id()).update());
        try {
            List<Map<String, Object>> found = documentedCheck();

            assertThat(found).hasSize(1);
            assertThat(found.get(0)).containsEntry("sequence_number", target.sequenceNumber())
                    .containsEntry("id", target.id())
                    .containsEntry("problem", "its content does not match its hash");
        } finally {
            tampering.bypassingTheTrigger(db -> db.sql("update audit_event set object_id = 'd-2' where id = :id")
                    .param("id", target.id()).update());
        }
        assertThat(documentedCheck()).isEmpty();
    }
}
