package app.baton.audit;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The query parameters of an audit report, exactly as sent. Plain strings, so that a bad value is
 * reported by {@link AuditQueryParser} under the parameter's name instead of failing in binding.
 */
public record AuditFilters(
        @Parameter(description = "from this instant, inclusive: ISO-8601 with an offset (a + is %2B in a URL)") String from,
        @Parameter(description = "until this instant, exclusive: ISO-8601 with an offset") String to,
        @Parameter(description = "the actor's name, exactly") String actor,
        @Parameter(description = "the patient id, exactly") String patientId,
        @Parameter(description = "an AuditAction, e.g. READ, EXPORT, BREAK_GLASS") String action,
        @Parameter(description = "an AuditCategory, e.g. DECISION, AUDIT") String category,
        @Parameter(description = "SUCCESS, FAILURE or DENIED") String outcome,
        @Parameter(description = "columns, a leading minus for descending, e.g. -occurredAt,actor (default -occurredAt)") String sort,
        @Parameter(description = "page number from 0") String page,
        @Parameter(description = "entries per page, 1 to 500 (default 50)") String size) {

    AuditQuery toQuery() {
        return AuditQueryParser.parse(from, to, actor, patientId, action, category, outcome, sort, page, size);
    }

    /** An export has no pages: every matching entry is streamed. */
    AuditQuery toExportQuery() {
        return AuditQueryParser.parse(from, to, actor, patientId, action, category, outcome, sort, null, null);
    }
}
