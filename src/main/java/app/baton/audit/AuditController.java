package app.baton.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Audit reports, CSV export, break-glass review and chain verification; each use is itself audited. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail")
class AuditController {

    private final AuditReports reports;
    private final AuditTrail trail;
    private final AuditChainVerifier verifier;

    AuditController(AuditReports reports, AuditTrail trail, AuditChainVerifier verifier) {
        this.reports = reports;
        this.trail = trail;
        this.verifier = verifier;
    }

    @GetMapping(path = "/events", produces = "application/json")
    @Operation(summary = "Search the audit trail", description = "Filters combine with AND; a bad value is a 400 naming the parameter.")
    AuditPage events(@ParameterObject AuditFilters filters) {
        return read(filters.toQuery(), "events");
    }

    @GetMapping(path = "/break-glass", produces = "application/json")
    @Operation(summary = "List emergency (break-glass) access", description = "Entries flagged as emergency access, with the same filters.")
    AuditPage breakGlass(@ParameterObject AuditFilters filters) {
        return read(filters.toQuery().onlyEmergencies(), "break-glass");
    }

    @GetMapping("/events.csv")
    @Operation(summary = "Export the audit trail as CSV", description = "Every matching entry, streamed; page and size do not apply.")
    void export(@ParameterObject AuditFilters filters, @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        AuditQuery query = filters.toExportQuery();
        // The export is recorded before the first byte leaves: an export that fails half-way is still on record.
        trail.record(AuditEntry.of(AuditAction.EXPORT, AuditCategory.AUDIT, "audit_event", null)
                .withPatient(query.patientId())
                .withDetails(details(query, "format", "csv")));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
        Writer writer = response.getWriter();
        AuditCsv csv = new AuditCsv(writer);
        csv.header();
        reports.stream(query, csv::row);
        writer.flush();
    }

    @GetMapping(path = "/verify", produces = "application/json")
    @Operation(summary = "Verify the hash chain", description = "Recomputes every entry's hash in order; names the first "
            + "broken entry (sequence number, id, reason) or reports the chain intact with its length.")
    ChainVerification verify() {
        ChainVerification result = verifier.verify();
        trail.record(AuditEntry.of(AuditAction.VERIFY, AuditCategory.AUDIT, "audit_event", null)
                .withDetails(Map.of("intact", String.valueOf(result.intact()), "entries", String.valueOf(result.entries()))));
        return result;
    }

    private AuditPage read(AuditQuery query, String report) {
        AuditPage page = reports.page(query);
        trail.record(AuditEntry.of(AuditAction.READ, AuditCategory.AUDIT, "audit_event", null)
                .withPatient(query.patientId())
                .withDetails(details(query, "report", report, "returned", String.valueOf(page.events().size()))));
        return page;
    }

    private static Map<String, String> details(AuditQuery query, String... pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put(pairs[i], pairs[i + 1]);
        }
        if (!query.filterNames().isEmpty()) {
            details.put("filters", query.filterNames());
        }
        return details;
    }
}
