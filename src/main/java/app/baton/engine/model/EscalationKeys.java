package app.baton.engine.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.HexFormat;

/**
 * Stable escalation keys: the same task, level and due date give the same key on every run, in
 * every instance and under every rule set version, so a re-run never alerts twice; a new due
 * date (the task was rescheduled) is a new step.
 */
final class EscalationKeys {

    /** One digest per thread, reused: looking SHA-256 up in the security providers cost more than the hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    private EscalationKeys() {
    }

    static String key(String taskId, int level, ZonedDateTime dueAt) {
        String material = taskId + "|" + level + "|" + (dueAt == null ? "-" : dueAt.toInstant().toString());
        byte[] digest = SHA_256.get().digest(material.getBytes(StandardCharsets.UTF_8));
        return "esc-" + level + "-" + HexFormat.of().formatHex(digest, 0, 10);
    }
}
