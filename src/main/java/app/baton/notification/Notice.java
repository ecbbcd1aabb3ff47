package app.baton.notification;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something people and other apps should hear about: a task handed to the next owner, an
 * escalation, a plan's completion, a reminder. Ids and codes only: the codes are machine codes
 * (no spaces), so free text such as a name or a note cannot ride along into a webhook or a log.
 *
 * @param kind     what happened, an upper-case code: {@link #HAND_OFF}, {@link #ESCALATION},
 *                 {@link #COMPLETION}, {@link #REMINDER} or another
 * @param audience who should hear about it in the app
 * @param planId   the care plan, or null
 * @param taskId   the task, or null
 * @param codes    at most {@value #MAX_CODES} more codes, e.g. {@code fromQueue}, {@code level}, {@code escalationKey}
 */
public record Notice(String kind, Audience audience, String planId, String taskId, Map<String, String> codes) {

    public static final String HAND_OFF = "HAND_OFF";
    public static final String ESCALATION = "ESCALATION";
    public static final String COMPLETION = "COMPLETION";
    public static final String REMINDER = "REMINDER";

    static final int MAX_CODES = 16;

    public Notice {
        Objects.requireNonNull(audience, "audience");
        if (kind == null || !CodeShape.CODE.matches(kind)) {
            throw new IllegalArgumentException("kind must be a code: " + CodeShape.CODE.pattern());
        }
        checkId("planId", planId);
        checkId("taskId", taskId);
        codes = checked(codes == null ? Map.of() : codes);
    }

    /** Whether a text may be a code's value (a table row's rule name may; a DRL rule's prose name may not). */
    public static boolean isCodeValue(String text) {
        return text != null && CodeShape.VALUE.matches(text);
    }

    public static Notice of(String kind, Audience audience, String planId, String taskId) {
        return new Notice(kind, audience, planId, taskId, Map.of());
    }

    public Notice withCodes(Map<String, String> codes) {
        return new Notice(kind, audience, planId, taskId, codes);
    }

    private static void checkId(String name, String id) {
        if (id != null && !CodeShape.ID.matches(id)) {
            throw new IllegalArgumentException(name + " must be an id: " + CodeShape.ID.pattern());
        }
    }

    private static Map<String, String> checked(Map<String, String> codes) {
        if (codes.size() > MAX_CODES) {
            throw new IllegalArgumentException("a notice carries at most " + MAX_CODES + " codes");
        }
        Map<String, String> sorted = new TreeMap<>();
        codes.forEach((key, value) -> {
            if (key == null || !CodeShape.KEY.matches(key)) {
                throw new IllegalArgumentException("code names must match " + CodeShape.KEY.pattern());
            }
            if (value == null || !CodeShape.VALUE.matches(value)) {
                throw new IllegalArgumentException("code '" + key + "' must be a code matching " + CodeShape.VALUE.pattern());
            }
            sorted.put(key, value);
        });
        return Collections.unmodifiableMap(sorted);
    }
}
