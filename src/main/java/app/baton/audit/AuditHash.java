package app.baton.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of an audit entry: SHA-256 over its canonical form, which is one line per field, in a
 * fixed order, {@code name=length:value} with the value's length in UTF-8 bytes (or {@code name=-}
 * for null), ending with the previous entry's hash. The length prefix makes the form unambiguous
 * whatever the values contain. docs/compliance-guide.md spells it out for auditors.
 */
final class AuditHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    /** How {@code occurred_at} is hashed, and so how exports print it: UTC, always six fraction digits. */
    static final String MICROS_PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'";
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern(MICROS_PATTERN).withZone(ZoneOffset.UTC);
    private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private AuditHash() {
    }

    static String of(AuditEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        field(out, "sequence_number", Long.toString(e.sequenceNumber()));
        field(out, "id", e.id().toString());
        field(out, "occurred_at", occurredAt(e.occurredAt()));
        field(out, "actor", e.actor());
        field(out, "actor_type", e.actorType());
        field(out, "patient_id", e.patientId());
        field(out, "action", e.action());
        field(out, "category", e.category());
        field(out, "object_type", e.objectType());
        field(out, "object_id", e.objectId());
        field(out, "outcome", e.outcome());
        field(out, "source_address", e.sourceAddress());
        field(out, "correlation_id", e.correlationId());
        field(out, "emergency", Boolean.toString(e.emergency()));
        field(out, "details", detailsJson(e.details()));
        field(out, "previous_hash", e.previousHash());
        return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
    }

    /** {@code occurred_at} in the canonical form: the hash's, the CSV's and the JSON's. */
    static String occurredAt(java.time.Instant occurredAt) {
        return MICROS.format(occurredAt);
    }

    /** Details as compact JSON with sorted keys, or null when there are none (stored as SQL null). */
    static String detailsJson(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return CANONICAL_JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details cannot be written as JSON", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String name, String value) {
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        out.write('=');
        if (value == null) {
            out.write('-');
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(bytes);
        }
        out.write('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
