package app.baton.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    @GetMapping("/figures")
    @Operation(summary = "Counts by stage and status, overdue by queue, SLA attainment by program and month, time in stage")
    Figures.Dashboard figures(@RequestParam(required = false) String program, @RequestParam(required = false) String queue, @RequestParam(required = false) String stage,
                              @RequestParam(required = false) String location, @RequestParam(required = false) String months) {
        return dashboards.figures(DashboardFilter.of(program, queue, stage, location, months, null));
    }

    @GetMapping("/figures.csv")
    @Operation(summary = "The figures as CSV (audited)")
    void figuresCsv(@RequestParam(required = false) String program, @RequestParam(required = false) String queue, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) String location, @RequestParam(required = false) String months,
                    HttpServletResponse response) throws IOException {
        write(response, "dashboard-figures.csv", dashboards.exportFigures(DashboardFilter.of(program, queue, stage, location, months, null)));
    }

    @GetMapping("/exceptions")
    @Operation(summary = "Open tasks overdue, blocked by missing information, or of a reopened plan (first 200)")
    Figures.ExceptionReport exceptions(@RequestParam(required = false) String program, @RequestParam(required = false) String queue, @RequestParam(required = false) String stage,
                                       @RequestParam(required = false) String location, @RequestParam(required = false) String reason) {
        return dashboards.exceptions(DashboardFilter.of(program, queue, stage, location, null, reason));
    }

    @GetMapping("/exceptions.csv")
    @Operation(summary = "The whole exception report as CSV (audited)")
    void exceptionsCsv(@RequestParam(required = false) String program, @RequestParam(required = false) String queue, @RequestParam(required = false) String stage,
                       @RequestParam(required = false) String location, @RequestParam(required = false) String reason,
                       HttpServletResponse response) throws IOException {
        write(response, "exception-report.csv", dashboards.exportExceptions(DashboardFilter.of(program, queue, stage, location, null, reason)));
    }

    static void write(HttpServletResponse response, String name, Dashboards.CsvExport export) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        export.writeTo(response.getWriter());
    }
}
