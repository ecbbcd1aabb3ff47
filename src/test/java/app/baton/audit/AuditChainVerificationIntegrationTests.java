package app.baton.audit;

import app.baton.HttpJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier finds exactly the entry an attacker changed or removed directly in PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AuditChainVerificationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    ScheduledChainVerification scheduled;
    @Autowired
    AuditEvents events;
    @Autowired
    AuditChainer chainer;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    Tampering tampering;

    @BeforeEach
    void setUp() {
        tampering = new Tampering(jdbc, tx);
    }

    private List<AuditEvent> threeEntries() {
        return new Linking(chainer, jdbc).linked(trail.recordAll(List.of(
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-1").withPatient("pt-1"),
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-2").withPatient("pt-2"),
                AuditEntry.of(AuditAction.READ, AuditCategory.DECISION, "decision", "d-3").withPatient("pt-3"))));
    }

    @Test
    void intactChainReportsItsLengthAndHead() {
        List<AuditEvent> appended = threeEntries();

        ChainVerification result = verifier.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.firstBroken()).isNull();
        assertThat(result.lastSequenceNumber()).isGreaterThanOrEqualTo(appended.get(2).sequenceNumber());
        assertThat(result.entries()).isEqualTo(result.lastSequenceNumber());
        assertThat(result.lastHash()).isEqualTo(jdbc.sql("select hash from audit_event where sequence_number = :n")
                .param("n", result.lastSequenceNumber()).query(String.class).single());
    }

    @Test
    void changedEntryIsReportedBySequenceNumberAndId() {
        AuditEvent target = threeEntries().get(1);
        tampering.bypassingTheTrigger(db -> db.sql("update audit_event set patient_id = 'pt-999' where id = :id")
                .param("id", target.id()).update());
        try {
            ChainVerification result = verifier.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken().sequenceNumber()).isEqualTo(target.sequenceNumber());
            assertThat(result.firstBroken().id()).isEqualTo(target.id());
            assertThat(result.firstBroken().reason()).isEqualTo("its content does not match its hash");
        } finally {
            tampering.bypassingTheTrigger(db -> db.sql("update audit_event set patient_id = 'pt-2' where id = :id")
                    .param("id", target.id()).update());
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void rehashedEntryIsFoundAtTheNextEntry() {
        List<AuditEvent> appended = threeEntries();
        AuditEvent target = appended.get(1);
        AuditEvent forged = new AuditEvent(target.id(), target.sequenceNumber(), target.occurredAt(), "mallory", "USER",
                target.patientId(), target.action(), target.category(), target.objectType(), target.objectId(),
                target.outcome(), target.sourceAddress(), target.correlationId(), target.emergency(), target.details(),
                target.previousHash(), null);
        String forgedHash = AuditHash.of(forged);
        tampering.bypassingTheTrigger(db -> db.sql("update audit_event set actor = 'mallory', actor_type = 'USER', hash = :hash where id = :id")
                .param("hash", forgedHash).param("id", target.id()).update());
        try {
            ChainVerification result = verifier.verify();

            assertThat(result.firstBroken().sequenceNumber()).isEqualTo(appended.get(2).sequenceNumber());
            assertThat(result.firstBroken().id()).isEqualTo(appended.get(2).id());
            assertThat(result.firstBroken().reason()).isEqualTo("its previous hash is not the hash of entry " + target.sequenceNumber());
        } finally {
            tampering.bypassingTheTrigger(db -> db.sql("update audit_event set actor = :actor, actor_type = :type, hash = :hash where id = :id")
                    .param("actor", target.actor()).param("type", target.actorType()).param("hash", target.hash())
                    .param("id", target.id()).update());
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void deletedEntryIsReportedAsMissing() {
        List<AuditEvent> appended = threeEntries();
        AuditEvent removed = appended.get(1);
        tampering.bypassingTheTrigger(db -> db.sql("delete from audit_event where id = :id").param("id", removed.id()).update());
        try {
            ChainVerification result = verifier.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken().sequenceNumber()).isEqualTo(appended.get(2).sequenceNumber());
            assertThat(result.firstBroken().id()).isEqualTo(appended.get(2).id());
            assertThat(result.firstBroken().reason()).isEqualTo("entry " + removed.sequenceNumber() + " is missing");
        } finally {
            events.insertAll(List.of(removed));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void scheduledVerificationLogsTheBrokenEntryAndDropsTheGauge(CapturedOutput output) {
        AuditEvent target = threeEntries().get(0);
        tampering.bypassingTheTrigger(db -> db.sql("update audit_event set outcome = 'FAILURE' where id = :id")
                .param("id", target.id()).update());
        try {
            scheduled.verify();

            assertThat(registry.get("baton.audit.chain.intact").gauge().value()).isZero();
            assertThat(output.getOut()).contains("ERROR").contains("audit chain broken at entry " + target.sequenceNumber()
                    + " (id " + target.id() + "): its content does not match its hash");
        } finally {
            tampering.bypassingTheTrigger(db -> db.sql("update audit_event set outcome = 'SUCCESS' where id = :id")
                    .param("id", target.id()).update());
        }
        scheduled.verify();
        assertThat(registry.get("baton.audit.chain.intact").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void verifyEndpointNamesTheBrokenEntry() {
        AuditEvent target = threeEntries().get(2);
        tampering.bypassingTheTrigger(db -> db.sql("update audit_event set details = cast(:details as jsonb) where id = :id")
                .param("details", "{\"taskId\":\"t-1\"}").param("id", target.id()).update());
        try {
            HttpJson.Response response = new HttpJson(port).asUser("compliance").get("/api/v1/audit/verify");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("intact").asBoolean()).isFalse();
            assertThat(response.json().path("firstBroken").path("sequenceNumber").asLong()).isEqualTo(target.sequenceNumber());
            assertThat(response.json().path("firstBroken").path("id").asText()).isEqualTo(target.id().toString());
        } finally {
            tampering.bypassingTheTrigger(db -> db.sql("update audit_event set details = null where id = :id")
                    .param("id", target.id()).update());
        }
        HttpJson.Response again = new HttpJson(port).asUser("compliance").get("/api/v1/audit/verify");
        assertThat(again.json().path("intact").asBoolean()).isTrue();
        assertThat(again.json().path("entries").asLong()).isEqualTo(again.json().path("lastSequenceNumber").asLong());
        assertThat(again.json().path("lastHash").asText()).hasSize(64);
    }

    @Test
    void verifyFromTheCheckpointReadsOnlyTheEntriesAfterIt() {
        HttpJson http = new HttpJson(port).asUser("compliance");
        HttpJson.Response full = http.get("/api/v1/audit/verify");
        assertThat(full.json().path("intact").asBoolean()).isTrue();
        long checkpoint = full.json().path("lastSequenceNumber").asLong();
        List<AuditEvent> appended = threeEntries();

        HttpJson.Response fromCheckpoint = http.get("/api/v1/audit/verify?from=checkpoint");

        assertThat(fromCheckpoint.status()).isEqualTo(200);
        assertThat(fromCheckpoint.json().path("intact").asBoolean()).isTrue();
        assertThat(fromCheckpoint.json().path("fromSequenceNumber").asLong()).isGreaterThanOrEqualTo(checkpoint);
        assertThat(fromCheckpoint.json().path("lastSequenceNumber").asLong()).isGreaterThanOrEqualTo(appended.get(2).sequenceNumber());
        assertThat(fromCheckpoint.json().path("entries").asLong())
                .isEqualTo(fromCheckpoint.json().path("lastSequenceNumber").asLong() - fromCheckpoint.json().path("fromSequenceNumber").asLong());
    }

    @Test
    void anUnknownStartingPointIsABadRequestNamingTheParameter() {
        HttpJson.Response response = new HttpJson(port).asUser("compliance").get("/api/v1/audit/verify?from=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("from");
    }
}
