package app.baton.audit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns a report can be sorted by, each with its name in the API and in SQL. ORDER BY is
 * built from these constants only, never from what the caller sent.
 */
enum AuditColumn {
    SEQUENCE_NUMBER("sequenceNumber", "sequence_number"),
    ID("id", "id"),
    OCCURRED_AT("occurredAt", "occurred_at"),
    ACTOR("actor", "actor"),
    ACTOR_TYPE("actorType", "actor_type"),
    PATIENT_ID("patientId", "patient_id"),
    ACTION("action", "action"),
    CATEGORY("category", "category"),
    OBJECT_TYPE("objectType", "object_type"),
    OBJECT_ID("objectId", "object_id"),
    OUTCOME("outcome", "outcome"),
    SOURCE_ADDRESS("sourceAddress", "source_address"),
    CORRELATION_ID("correlationId", "correlation_id"),
    EMERGENCY("emergency", "emergency"),
    PREVIOUS_HASH("previousHash", "previous_hash"),
    HASH("hash", "hash");

    private final String apiName;
    private final String sql;

    AuditColumn(String apiName, String sql) {
        this.apiName = apiName;
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    static Optional<AuditColumn> byApiName(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName.equals(name)).findFirst();
    }

    static String apiNames() {
        return Arrays.stream(values()).map(c -> c.apiName).collect(Collectors.joining(", "));
    }
}
