package app.baton.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Audit reports, CSV export, break-glass review and chain verification; each use is itself audited. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail")
class AuditController {

    private final AuditReview review;

    AuditController(AuditReview review) {
        this.review = review;
    }

    @GetMapping(path = "/events", produces = "application/json")
    @Operation(summary = "Search the audit trail", description = "Filters combine with AND; a bad value is a 400 naming the parameter.")
    AuditPage events(@ParameterObject AuditFilters filters) {
        return review.search(filters);
    }

    @GetMapping(path = "/break-glass", produces = "application/json")
    @Operation(summary = "List emergency (break-glass) access", description = "Entries flagged as emergency access, with the same filters.")
    AuditPage breakGlass(@ParameterObject AuditFilters filters) {
        return review.breakGlass(filters);
    }

    @GetMapping("/events.csv")
    @Operation(summary = "Export the audit trail as CSV", description = "Every matching entry, streamed; page and size do not apply.")
    void export(@ParameterObject AuditFilters filters, @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        AuditReview.CsvExport export = review.export(filters);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
        export.writeTo(response.getWriter());
    }

    @GetMapping(path = "/verify", produces = "application/json")
    @Operation(summary = "Verify the hash chain", description = "Recomputes every entry's hash in order; names the first "
            + "broken entry (sequence number, id, reason) or reports the chain intact with its length. from=start (the default) "
            + "walks the whole chain kept in the database, from=checkpoint only the entries after the newest checkpoint.")
    ChainVerification verify(@RequestParam(name = "from", required = false) String from) {
        return review.verify(from);
    }
}
