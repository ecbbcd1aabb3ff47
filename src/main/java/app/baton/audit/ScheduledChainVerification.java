package app.baton.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Verifies the audit chain on a schedule ({@code BATON_AUDIT_VERIFY_INTERVAL}, 1 hour by default).
 * A broken chain is logged as an ERROR naming the entry, and {@code baton.audit.chain.intact} drops
 * to 0 for alerting (it is NaN until the first verification). Each run is itself audited, and the
 * head it logs is an anchor outside the database for comparing later runs. A run starts from the newest
 * checkpoint (the head where the last intact run ended) and reads only the entries after it; a full walk is
 * {@code GET /api/v1/audit/verify} (docs/compliance-guide.md).
 */
@Component
class ScheduledChainVerification {

    private static final Logger log = LoggerFactory.getLogger(ScheduledChainVerification.class);

    private final AuditChainVerifier verifier;
    private final AuditTrail trail;
    private volatile double intact = Double.NaN;

    ScheduledChainVerification(AuditChainVerifier verifier, AuditTrail trail, MeterRegistry registry) {
        this.verifier = verifier;
        this.trail = trail;
        Gauge.builder("baton.audit.chain.intact", this, s -> s.intact)
                .description("1 when the last verification found the audit hash chain intact, 0 when broken")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${baton.audit.verify-interval:1h}",
            initialDelayString = "${baton.audit.verify-initial-delay:1m}")
    ChainVerification verify() {
        ChainVerification result = verifier.verifyFromCheckpoint();
        intact = result.intact() ? 1 : 0;
        if (result.intact()) {
            log.info(result.describe());
        } else {
            log.error(result.describe());
        }
        trail.record(AuditEntry.of(AuditAction.VERIFY, AuditCategory.AUDIT, "audit_event", null)
                .withDetails(Map.of("intact", String.valueOf(result.intact()), "entries", String.valueOf(result.entries()))));
        return result;
    }
}
