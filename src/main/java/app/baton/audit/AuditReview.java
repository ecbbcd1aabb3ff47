package app.baton.audit;

import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading the audit trail for review: search, break-glass report, CSV export and chain verification.
 * Each use is itself recorded in the trail, whichever door it came through (the API or the console).
 * Each reader finds only the entries about the patients of their locations (and those about no patient).
 */
@Service
public class AuditReview {

    private final AuditReports reports;
    private final AuditTrail trail;
    private final AuditChainVerifier verifier;

    AuditReview(AuditReports reports, AuditTrail trail, AuditChainVerifier verifier) {
        this.reports = reports;
        this.trail = trail;
        this.verifier = verifier;
    }

    /** One page of matching entries; a bad filter is a 400 problem naming it. */
    public AuditPage search(AuditFilters filters) {
        return read(forReader(filters.toQuery()), "events");
    }

    /** One page of the entries flagged as emergency (break-glass) access. */
    public AuditPage breakGlass(AuditFilters filters) {
        return read(forReader(filters.toQuery().onlyEmergencies()), "break-glass");
    }

    /**
     * Checks the filters and records the export before the first byte leaves, so an export that fails
     * half-way is still on record; the returned writer streams every matching entry as CSV.
     */
    public CsvExport export(AuditFilters filters) {
        AuditQuery query = forReader(filters.toExportQuery());
        trail.record(AuditEntry.of(AuditAction.EXPORT, AuditCategory.AUDIT, "audit_event", null)
                .withPatient(query.patientId())
                .withDetails(details(query, "format", "csv")));
        return writer -> {
            AuditCsv csv = new AuditCsv(writer);
            csv.header();
            reports.stream(query, csv::row);
            writer.flush();
        };
    }

    /** An export that was checked and recorded, ready to be written. */
    @FunctionalInterface
    public interface CsvExport {
        void writeTo(Writer writer) throws IOException;
    }

    /** {@code from}: {@code start} (or absent) walks the whole kept chain, {@code checkpoint} the entries after the newest checkpoint. */
    public ChainVerification verify(String from) {
        ChainVerification result;
        if (from == null || from.isBlank() || from.equals("start")) {
            result = verifier.verify();
        } else if (from.equals("checkpoint")) {
            result = verifier.verifyFromCheckpoint();
        } else {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "1 parameter(s) are not valid",
                    List.of(new Problems.FieldError("from", "must be start or checkpoint")));
        }
        trail.record(AuditEntry.of(AuditAction.VERIFY, AuditCategory.AUDIT, "audit_event", null)
                .withDetails(Map.of("intact", String.valueOf(result.intact()), "entries", String.valueOf(result.entries()))));
        return result;
    }

    /**
     * A reader who sees only some locations finds the entries about their patients and the entries
     * about no patient (logins, rule sets, administration); one who sees every location finds all.
     */
    private static AuditQuery forReader(AuditQuery query) {
        Set<String> locations = CurrentIdentity.find().map(Identity::locations).orElse(Set.of());
        return locations.contains(Identity.ALL_LOCATIONS) ? query : query.within(locations);
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
