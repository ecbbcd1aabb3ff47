package app.baton.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Audit reports: filtered, sorted, paged, or streamed for export. The SQL is assembled from fixed
 * fragments and {@link AuditColumn} names only; every value the caller sent is a bound parameter.
 */
@Repository
class AuditReports {

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    AuditReports(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1000);
        this.streaming = JdbcClient.create(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    AuditPage page(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<AuditEvent> events = jdbc.sql("select " + AuditEvents.COLUMNS + " from audit_event" + where
                        + orderBy(query.sort()) + " limit :limit offset :offset")
                .params(params)
                .query(AuditEvents.ROW)
                .list();
        return new AuditPage(events, query.page(), query.size(), total, (total + query.size() - 1) / query.size());
    }

    /** Every matching entry in report order, read with a cursor; no paging. */
    void stream(AuditQuery query, Consumer<AuditEvent> visitor) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select " + AuditEvents.COLUMNS + " from audit_event" + where(query, params) + orderBy(query.sort());
        readOnly.executeWithoutResult(status -> streaming.sql(sql).params(params)
                .query((RowCallbackHandler) rs -> visitor.accept(AuditEvents.ROW.mapRow(rs, 0))));
    }

    private static String where(AuditQuery q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        condition(conditions, params, "occurred_at >= :from", "from", utc(q.from()));
        condition(conditions, params, "occurred_at < :to", "to", utc(q.to()));
        condition(conditions, params, "actor = :actor", "actor", q.actor());
        condition(conditions, params, "patient_id = :patientId", "patientId", q.patientId());
        condition(conditions, params, "action = :action", "action", q.action() == null ? null : q.action().name());
        condition(conditions, params, "category = :category", "category", q.category() == null ? null : q.category().name());
        condition(conditions, params, "outcome = :outcome", "outcome", q.outcome() == null ? null : q.outcome().name());
        if (q.emergencyOnly()) {
            conditions.add("emergency");
        }
        if (q.locations() != null) {
            // An entry about a patient is the reader's when the patient has records at one of the reader's locations.
            conditions.add("""
                    (patient_id is null or exists (select 1 from patient_location pl
                                                   where pl.patient_id = audit_event.patient_id and pl.location = any(:locations)))""");
            params.put("locations", q.locations().toArray(String[]::new));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void condition(List<String> conditions, Map<String, Object> params, String sql, String name, Object value) {
        if (value != null) {
            conditions.add(sql);
            params.put(name, value);
        }
    }

    /**
     * The requested order, then the staging number (unique, and set when an entry is written, before
     * it is linked) so that pages never overlap or skip.
     */
    private static String orderBy(List<AuditQuery.Order> sort) {
        String direction = sort.get(0).descending() ? " desc" : " asc";
        String columns = sort.stream().map(o -> o.column().sql() + (o.descending() ? " desc" : " asc")).collect(Collectors.joining(", "));
        return " order by " + columns + ", staged_number" + direction;
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
