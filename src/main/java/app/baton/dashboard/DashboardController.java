package app.baton.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Leadership's figures and the exception report over HTTP, as JSON and as CSV (an export is audited). */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards")
class DashboardController {

    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** The query parameters of the four calls; each call reads the ones it takes (figures: months; exceptions: reason). */
    record Query(String program, String queue, String stage, String location, String months, String reason) {

        DashboardFilter figures() {
            return DashboardFilter.of(program, queue, stage, location, months, null);
        }

        DashboardFilter exceptions() {
            return DashboardFilter.of(program, queue, stage, location, null, reason);
        }
    }

    @GetMapping("/figures")
    @Operation(summary = "Counts by stage and status, overdue by queue, SLA attainment by program and month, time in stage")
    Figures.Dashboard figures(@ParameterObject Query query) {
        return dashboards.figures(query.figures());
    }

    @GetMapping("/figures.csv")
    @Operation(summary = "The figures as CSV (audited)")
    void figuresCsv(@ParameterObject Query query, HttpServletResponse response) throws IOException {
        write(response, "dashboard-figures.csv", dashboards.exportFigures(query.figures()));
    }

    @GetMapping("/exceptions")
    @Operation(summary = "Open tasks overdue, blocked by missing information, or of a reopened plan (first 200)")
    Figures.ExceptionReport exceptions(@ParameterObject Query query) {
        return dashboards.exceptions(query.exceptions());
    }

    @GetMapping("/exceptions.csv")
    @Operation(summary = "The whole exception report as CSV (audited)")
    void exceptionsCsv(@ParameterObject Query query, HttpServletResponse response) throws IOException {
        write(response, "exception-report.csv", dashboards.exportExceptions(query.exceptions()));
    }

    static void write(HttpServletResponse response, String name, Dashboards.CsvExport export) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        export.writeTo(response.getWriter());
    }
}
