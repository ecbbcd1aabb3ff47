package app.baton.audit;

import java.util.List;

/** One page of an audit report. */
public record AuditPage(List<AuditEvent> events, int page, int size, long totalElements, long totalPages) {
}
