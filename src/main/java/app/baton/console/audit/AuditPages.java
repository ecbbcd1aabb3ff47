package app.baton.console.audit;

import app.baton.console.Problem;
import app.baton.audit.AuditAction;
import app.baton.audit.AuditCategory;
import app.baton.audit.AuditFilters;
import app.baton.audit.AuditOutcome;
import app.baton.audit.AuditReview;
import app.baton.calendar.PracticeProperties;
import app.baton.system.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Compliance reviewers' pages of the audit trail: search (sortable by any column), CSV export, the
 * break-glass report and the chain's verification, through the audit module's own audited reads.
 * Filters travel in POST bodies, not in URLs, because a patient id is patient data.
 */
@Controller
class AuditPages {

    private final AuditReview review;
    private final ZoneId zone;

    AuditPages(AuditReview review, PracticeProperties practice) {
        this.review = review;
        this.zone = practice.timeZone();
    }

    /** The search form as filled in; times are the practice's local time, as the form's date-time fields give them. */
    record Search(String from, String to, String actor, String patientId, String action, String category, String outcome,
                  String sort, String sortBy, String page) {

        static Search empty() {
            return new Search(null, null, null, null, null, null, null, null, null, null);
        }

        String effectiveSort() {
            return sortBy != null && !sortBy.isBlank() ? sortBy : sort == null || sort.isBlank() ? "-occurredAt" : sort;
        }
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("categories", AuditCategory.values());
        model.addAttribute("outcomes", AuditOutcome.values());
    }

    @GetMapping("/console/audit")
    String start(Model model) {
        return search(Search.empty(), model);
    }

    @PostMapping("/console/audit")
    String search(@ModelAttribute("search") Search search, Model model) {
        model.addAttribute("search", search);
        model.addAttribute("sort", search.effectiveSort());
        try {
            model.addAttribute("results", review.search(filters(search, true)));
        } catch (ApiException e) {
            model.addAttribute("formProblem", Problem.of(e));
        }
        return "console/audit/audit";
    }

    @PostMapping("/console/audit/export.csv")
    String export(@ModelAttribute("search") Search search, Model model, HttpServletResponse response) throws IOException {
        AuditReview.CsvExport export;
        try {
            export = review.export(filters(search, false));
        } catch (ApiException e) {
            return search(search, model.addAttribute("formProblem", Problem.of(e)));
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
        export.writeTo(response.getWriter());
        return null;
    }

    @GetMapping("/console/audit/break-glass")
    String breakGlass(@RequestParam(required = false) String sort, Model model) {
        Search search = new Search(null, null, null, null, null, null, null, sort, null, null);
        model.addAttribute("sort", search.effectiveSort());
        model.addAttribute("results", review.breakGlass(filters(search, true)));
        return "console/audit/break-glass";
    }

    /** Recomputes the chain (itself audited); htmx asks for the result panel alone. */
    @GetMapping("/console/audit/verification")
    String verification(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("verification", review.verify(null));
        return htmx != null ? "console/audit/audit :: chain" : "console/audit/verification";
    }

    private AuditFilters filters(Search s, boolean paged) {
        return new AuditFilters(instant(s.from()), instant(s.to()), blank(s.actor()), blank(s.patientId()), blank(s.action()),
                blank(s.category()), blank(s.outcome()), s.effectiveSort(), paged ? blank(s.page()) : null, null);
    }

    /** A local date-time from the form in the practice's zone, as the ISO instant with offset the audit module reads. */
    private String instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
