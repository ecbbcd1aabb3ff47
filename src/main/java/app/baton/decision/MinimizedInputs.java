package app.baton.decision;

import app.baton.engine.model.CaseInput;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs kept with a decision: what the rules read, and no more (minimum necessary). Fields
 * the rules only test for presence (member ID, referral reason, referring provider) are kept as
 * present/absent, never as values.
 */
final class MinimizedInputs {

    private MinimizedInputs() {
    }

    static Map<String, Object> of(CaseInput input) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (input.practice() != null) {
            out.put("practice", compact("timeZone", input.practice().timeZone(), "calendar", input.practice().calendar()));
        }
        CaseInput.Patient p = input.patient();
        if (p != null) {
            out.put("patient", compact("id", p.id(), "payer", p.payer(), "memberIdPresent", present(p.memberId()),
                    "language", p.language(), "location", p.location(), "consentOnFile", p.consentOnFile()));
        }
        CaseInput.CarePlan c = input.carePlan();
        out.put("carePlan", compact("id", c.id(), "program", c.program(), "stage", c.stage(), "complexity", c.complexity(),
                "dischargeAt", c.dischargeAt(), "periodStart", c.periodStart(), "minutesThisPeriod", c.minutesThisPeriod(),
                "faceToFaceAt", c.faceToFaceAt(), "referralReasonPresent", present(c.referralReason()),
                "referringProviderPresent", present(c.referringProvider())));
        CaseInput.Task t = input.task();
        out.put("task", compact("id", t.id(), "type", t.type(), "status", t.status(), "priority", t.priority(),
                "createdAt", t.createdAt(), "statusSince", t.statusSince(), "attempts", t.attempts(),
                "submittedAt", t.submittedAt()));
        return out;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Map<String, Object> compact(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                Object value = pairs[i + 1];
                map.put((String) pairs[i], value instanceof Enum<?> e ? e.name()
                        : value instanceof OffsetDateTime time ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                        : value instanceof Boolean || value instanceof Number ? value : value.toString());
            }
        }
        return map;
    }
}
