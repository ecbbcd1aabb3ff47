package app.baton.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The audit_event table: staging entries in their callers' transactions, linking staged entries into
 * the chain under the chainer's lock, and reading the chain back in order.
 */
@Repository
class AuditEvents {

    static final String COLUMNS = """
            id, sequence_number, occurred_at, actor, actor_type, patient_id, action, category, object_type, object_id,
            outcome, source_address, correlation_id, emergency, details::text as details, previous_hash, hash
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    /** Reads with a cursor (a fetch size) so that a walk over the whole trail does not load it into memory. */
    private final JdbcClient streaming;

    AuditEvents(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1000);
        this.streaming = JdbcClient.create(fetching);
    }

    private static final String LINK = """
            update audit_event a set sequence_number = u.s, previous_hash = u.ph, hash = u.h
            from unnest(cast(:ids as text[]), cast(:occurredAt as text[]), cast(:sequenceNumbers as bigint[]),
                        cast(:previousHashes as text[]), cast(:hashes as text[])) as u(id, o, s, ph, h)
            where a.id = cast(u.id as uuid) and a.occurred_at = cast(u.o as timestamptz) and a.hash is null
            returning a.id
            """;

    /**
     * Serializes chainers (threads and instances) until the chainer's short transaction ends, so that
     * each reads the newest head and the chain stays linear. Only the chainer takes it: staging an
     * entry takes no lock.
     */
    void lockForChaining() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('baton.audit.chain'))").query().singleRow();
    }

    /** The newest linked entry; staged entries have no place in the chain yet. */
    Optional<Head> head() {
        return jdbc.sql("""
                select sequence_number, hash
                from audit_event
                where sequence_number is not null
                order by sequence_number desc
                limit 1
                """)
                .query((rs, row) -> new Head(rs.getLong("sequence_number"), rs.getString("hash")))
                .optional();
    }

    /**
     * Inserts the entries, in order, in one multi-row statement (their columns as arrays, unnested in order, so that
     * staged_number follows the list): a page of the sweep's hundreds of decisions is one round trip and one statement,
     * where a statement batch is one execution per entry.
     */
    void insertAll(List<AuditEvent> events) {
        int n = events.size();
        String[] ids = new String[n];
        Long[] sequenceNumbers = new Long[n];
        String[] occurredAt = new String[n];
        String[] actors = new String[n];
        String[] actorTypes = new String[n];
        String[] patientIds = new String[n];
        String[] actions = new String[n];
        String[] categories = new String[n];
        String[] objectTypes = new String[n];
        String[] objectIds = new String[n];
        String[] outcomes = new String[n];
        String[] sourceAddresses = new String[n];
        String[] correlationIds = new String[n];
        Boolean[] emergencies = new Boolean[n];
        String[] details = new String[n];
        String[] previousHashes = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEvent e = events.get(i);
            ids[i] = e.id().toString();
            sequenceNumbers[i] = e.staged() ? null : e.sequenceNumber();
            occurredAt[i] = e.occurredAt().toString();
            actors[i] = e.actor();
            actorTypes[i] = e.actorType();
            patientIds[i] = e.patientId();
            actions[i] = e.action();
            categories[i] = e.category();
            objectTypes[i] = e.objectType();
            objectIds[i] = e.objectId();
            outcomes[i] = e.outcome();
            sourceAddresses[i] = e.sourceAddress();
            correlationIds[i] = e.correlationId();
            emergencies[i] = e.emergency();
            details[i] = AuditHash.detailsJson(e.details());
            previousHashes[i] = e.previousHash();
            hashes[i] = e.hash();
        }
        jdbc.sql("""
                insert into audit_event (id, sequence_number, occurred_at, actor, actor_type, patient_id, action, category,
                                         object_type, object_id, outcome, source_address, correlation_id, emergency, details,
                                         previous_hash, hash)
                select cast(id as uuid), s, cast(o as timestamptz), a, at, p, ac, c, ot, oi, oc, sa, ci, em, cast(d as jsonb), ph, h
                from unnest(cast(:ids as text[]), cast(:sequenceNumbers as bigint[]), cast(:occurredAt as text[]),
                            cast(:actors as text[]), cast(:actorTypes as text[]), cast(:patientIds as text[]), cast(:actions as text[]),
                            cast(:categories as text[]), cast(:objectTypes as text[]), cast(:objectIds as text[]),
                            cast(:outcomes as text[]), cast(:sourceAddresses as text[]), cast(:correlationIds as text[]),
                            cast(:emergencies as boolean[]), cast(:details as text[]), cast(:previousHashes as text[]),
                            cast(:hashes as text[])) with ordinality
                     as e(id, s, o, a, at, p, ac, c, ot, oi, oc, sa, ci, em, d, ph, h, n)
                order by n
                """)
                .param("ids", ids).param("sequenceNumbers", sequenceNumbers).param("occurredAt", occurredAt).param("actors", actors)
                .param("actorTypes", actorTypes).param("patientIds", patientIds).param("actions", actions)
                .param("categories", categories).param("objectTypes", objectTypes).param("objectIds", objectIds)
                .param("outcomes", outcomes).param("sourceAddresses", sourceAddresses).param("correlationIds", correlationIds)
                .param("emergencies", emergencies).param("details", details).param("previousHashes", previousHashes)
                .param("hashes", hashes)
                .update();
    }

    /** The oldest committed staged entries, in the order they were staged. */
    List<AuditEvent> staged(int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where hash is null order by staged_number limit :limit")
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /**
     * Gives staged entries their place in the chain, all in one statement; fails (rolling back) if one was linked
     * already.
     */
    void link(List<AuditEvent> linked) {
        int n = linked.size();
        String[] ids = new String[n];
        String[] occurredAt = new String[n];
        Long[] sequenceNumbers = new Long[n];
        String[] previousHashes = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEvent e = linked.get(i);
            ids[i] = e.id().toString();
            occurredAt[i] = e.occurredAt().toString();
            sequenceNumbers[i] = e.sequenceNumber();
            previousHashes[i] = e.previousHash();
            hashes[i] = e.hash();
        }
        Set<UUID> updated = new HashSet<>(jdbc.sql(LINK)
                .param("ids", ids).param("occurredAt", occurredAt).param("sequenceNumbers", sequenceNumbers)
                .param("previousHashes", previousHashes).param("hashes", hashes)
                .query(UUID.class).list());
        for (AuditEvent e : linked) {
            if (!updated.contains(e.id())) {
                throw new IllegalStateException("audit entry " + e.id() + " is no longer staged");
            }
        }
    }

    long countStaged() {
        return jdbc.sql("select count(*) from audit_event where hash is null").query(Long.class).single();
    }

    /** Every linked entry in chain order; must run inside a transaction for the cursor to stream. */
    void forEachInOrder(Consumer<AuditEvent> visitor) {
        forEachInOrderAfter(0, visitor);
    }

    /**
     * The linked entries after sequence number {@code after}, in chain order; must run inside a transaction for the
     * cursor to stream. Each month's partition answers from its sequence number index, so entries before
     * {@code after} are not read.
     */
    void forEachInOrderAfter(long after, Consumer<AuditEvent> visitor) {
        streaming.sql("select " + COLUMNS + " from audit_event where sequence_number > :after order by sequence_number")
                .param("after", after)
                .query((RowCallbackHandler) rs -> visitor.accept(ROW.mapRow(rs, 0)));
    }

    /** The linked entries with this sequence number (one, unless the chain was tampered with). */
    List<AuditEvent> atSequence(long sequenceNumber) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where sequence_number = :n")
                .param("n", sequenceNumber)
                .query(ROW)
                .list();
    }

    /** The newest entry of the chain and its hash. */
    record Head(long sequenceNumber, String hash) {

        static final Head EMPTY = new Head(0, AuditHash.GENESIS);
    }

    static final RowMapper<AuditEvent> ROW = (rs, row) -> new AuditEvent(
            rs.getObject("id", UUID.class), rs.getLong("sequence_number"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
            rs.getString("actor_type"), rs.getString("patient_id"), rs.getString("action"), rs.getString("category"),
            rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
            rs.getString("source_address"), rs.getString("correlation_id"), rs.getBoolean("emergency"),
            details(rs), rs.getString("previous_hash"), rs.getString("hash"));

    private static Map<String, String> details(ResultSet rs) throws SQLException {
        String json = rs.getString("details");
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new SQLException("audit details are not a JSON object of strings", e);
        }
    }
}
