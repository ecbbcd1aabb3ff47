package app.baton.intake;

import app.baton.engine.model.Complexity;
import app.baton.engine.model.Program;
import app.baton.engine.model.ReferralUrgency;
import app.baton.engine.model.Specialty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Demo profile only (baton.tracker.demo-plans): a few discharges and referrals arrive at startup, so that
 * a newcomer logging in as a coordinator, nurse or front-desk user finds work in the queues: a TCM contact
 * due soon, one already overdue (the sweep escalates it), a Spanish-speaking FUH follow-up, a CCM plan and
 * a referral held for its missing member ID. Idempotent by source id, so a restart adds nothing; invented
 * patients, no real data.
 */
@Component
@ConditionalOnProperty(name = "baton.tracker.demo-plans", havingValue = "true")
class DemoPlans {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
    private static final String SOURCE = "DEMO";

    private final IntakeService intake;
    private final Intakes intakes;
    private final Clock clock;

    DemoPlans(IntakeService intake, Intakes intakes, Clock clock) {
        this.intake = intake;
        this.intakes = intakes;
        this.clock = clock;
    }

    /** After startup, when the active rule set is loaded. */
    @EventListener(ApplicationReadyEvent.class)
    void arrive() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(-5)).withNano(0);
        LocalDate today = now.toLocalDate();
        List<Arrival> arrivals = List.of(
                discharge("demo-tcm-1", "pt-demo-1", "MEDICARE", "en", Program.TCM, Complexity.HIGH, now.minusHours(20)),
                discharge("demo-tcm-2", "pt-demo-2", "MEDICARE", "en", Program.TCM, Complexity.MODERATE, now.minusDays(6)),
                discharge("demo-fuh-1", "pt-demo-3", "MEDICAID", "es", Program.FUH, null, now.minusDays(2)),
                referral("demo-ccm-1", "pt-demo-4", "MEDICARE", "M-DEMO-4", Program.CCM, today.withDayOfMonth(1)),
                referral("demo-ref-1", "pt-demo-5", "AETNA", null, Program.REFERRAL, null));
        int created = 0;
        for (Arrival arrival : arrivals) {
            // an arrival of an earlier start is skipped before it is sent: its times moved with the clock, and at
            // start-up there is no caller for the replay's location check
            if (intakes.bySource(SOURCE, arrival.request().sourceId()).isPresent()) {
                continue;
            }
            if (!intake.receive(arrival.kind(), arrival.request(), sha256(arrival.request().sourceId())).replayed()) {
                created++;
            }
        }
        if (created > 0) {
            log.info("demo profile: {} demo intakes arrived (invented patients)", created);
        }
    }

    private record Arrival(Intakes.Kind kind, IntakeRequest request) {
    }

    private static Arrival discharge(String id, String patient, String payer, String language, Program program,
                                     Complexity complexity, OffsetDateTime dischargeAt) {
        return new Arrival(Intakes.Kind.DISCHARGE, new IntakeRequest(SOURCE, id,
                new IntakeRequest.Patient(patient, payer, "M-" + patient, language, "MAIN_CLINIC", true, null, null),
                program, complexity, null, dischargeAt, null, null, null, null));
    }

    private static Arrival referral(String id, String patient, String payer, String memberId, Program program, LocalDate periodStart) {
        return new Arrival(Intakes.Kind.REFERRAL, new IntakeRequest(SOURCE, id,
                new IntakeRequest.Patient(patient, payer, memberId, "en", "MAIN_CLINIC", true, null, program == Program.CCM ? true : null),
                program, null, null, null, periodStart, "follow-up after specialist visit", "dr-demo", null, null, null,
                program == Program.REFERRAL ? "I10" : null, program == Program.REFERRAL ? ReferralUrgency.ROUTINE : null,
                program == Program.REFERRAL ? Specialty.CARDIOLOGY : null));
    }

    /** The same arrival hashes the same at every start, so a restart is a replay, not a conflict. */
    private static String sha256(String sourceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((SOURCE + "|" + sourceId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
