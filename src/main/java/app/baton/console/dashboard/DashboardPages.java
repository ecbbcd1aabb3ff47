package app.baton.console.dashboard;

import app.baton.console.Problem;
import app.baton.dashboard.DashboardFilter;
import app.baton.dashboard.Dashboards;
import app.baton.dashboard.Figures;
import app.baton.engine.model.Program;
import app.baton.engine.model.Queue;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.dashboard.ExceptionReason;
import app.baton.system.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Leadership's pages: the dashboards (each chart drawn from the table of its numbers, which stays on the
 * page for screen readers and as the list of links behind the chart) and the exception report with its
 * filters and CSV export. Filters are codes (program, queue, stage, location), so they may travel in URLs.
 */
@Controller
class DashboardPages {

    private final Dashboards dashboards;

    DashboardPages(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** The filter form as sent. */
    record Filters(String program, String queue, String stage, String location, String months, String reason) {

        DashboardFilter parse() {
            return DashboardFilter.of(program, queue, stage, location, months, reason);
        }
    }

    /** One row of a chart's table: its label, its numbers (in the order of the table's columns) and the list behind it. */
    record Row(String label, List<Object> values, String href) {
    }

    /** A chart's numbers: column names and rows. */
    record Table(List<String> columns, List<Row> rows) {
    }

    @GetMapping("/console/dashboards")
    String dashboards(Filters filters, Model model) {
        vocabulary(model, filters);
        try {
            Figures.Dashboard d = dashboards.figures(filters.parse());
            model.addAttribute("asOf", d.asOf());
            model.addAttribute("stages", stages(d));
            model.addAttribute("overdue", overdue(d));
            model.addAttribute("sla", sla(d));
            model.addAttribute("times", times(d));
        } catch (ApiException e) {
            model.addAttribute("formProblem", Problem.of(e));
        }
        return "console/dashboard/dashboards";
    }

    @GetMapping("/console/dashboards/figures.csv")
    String figuresCsv(Filters filters, Model model, HttpServletResponse response) throws IOException {
        Dashboards.CsvExport export;
        try {
            export = dashboards.exportFigures(filters.parse());
        } catch (ApiException e) {
            return dashboards(filters, model);
        }
        write(response, "dashboard-figures.csv", export);
        return null;
    }

    @GetMapping("/console/dashboards/exceptions")
    String exceptions(Filters filters, Model model) {
        vocabulary(model, filters);
        try {
            model.addAttribute("report", dashboards.exceptions(filters.parse()));
        } catch (ApiException e) {
            model.addAttribute("formProblem", Problem.of(e));
        }
        model.addAttribute("exportHref", link("/console/dashboards/exceptions.csv", filters.program(), filters.queue(),
                filters.stage(), filters.location(), filters.reason()));
        return "console/dashboard/exceptions";
    }

    @GetMapping("/console/dashboards/exceptions.csv")
    String exceptionsCsv(Filters filters, Model model, HttpServletResponse response) throws IOException {
        Dashboards.CsvExport export;
        try {
            export = dashboards.exportExceptions(filters.parse());
        } catch (ApiException e) {
            return exceptions(filters, model);
        }
        write(response, "exception-report.csv", export);
        return null;
    }

    private static void vocabulary(Model model, Filters filters) {
        model.addAttribute("filters", filters);
        model.addAttribute("programs", Program.values());
        model.addAttribute("queues", Queue.values());
        model.addAttribute("stageCodes", Stage.values());
        model.addAttribute("reasons", ExceptionReason.values());
        String figures = link("/console/dashboards/figures.csv", filters.program(), filters.queue(), filters.stage(), filters.location(), null);
        model.addAttribute("exportFiguresHref", blank(filters.months()) ? figures
                : figures + (figures.contains("?") ? "&" : "?") + "months=" + filters.months().strip());
    }

    /** Tasks by stage, one column per status; a stage links to its open exceptions. */
    private static Table stages(Figures.Dashboard d) {
        TreeSet<TaskStatus> present = new TreeSet<>();
        d.byStageAndStatus().forEach(c -> present.add(TaskStatus.valueOf(c.status())));
        Map<String, long[]> byStage = new LinkedHashMap<>();
        List<TaskStatus> statuses = List.copyOf(present);
        for (Figures.StageStatusCount c : d.byStageAndStatus()) {
            byStage.computeIfAbsent(c.stage(), s -> new long[statuses.size()])[statuses.indexOf(TaskStatus.valueOf(c.status()))] = c.tasks();
        }
        List<String> columns = new ArrayList<>(statuses.stream().map(Enum::name).toList());
        List<Row> rows = new ArrayList<>();
        byStage.forEach((stage, counts) -> {
            List<Object> values = new ArrayList<>();
            for (long n : counts) {
                values.add(n);
            }
            rows.add(new Row(stage, values, link("/console/dashboards/exceptions", f(d).program(), f(d).queue(), stage, f(d).location(), null)));
        });
        return new Table(columns, rows);
    }

    private static Table overdue(Figures.Dashboard d) {
        List<Row> rows = d.overdueByQueue().stream().map(q -> new Row(q.queue(), List.<Object>of(q.overdue(), q.open() - q.overdue()),
                link("/console/dashboards/exceptions", f(d).program(), q.queue(), f(d).stage(), f(d).location(), "OVERDUE"))).toList();
        return new Table(List.of("Overdue", "Open, not overdue"), rows);
    }

    /** Programs as rows, months as columns (percent met; empty where nothing was due). */
    private static Table sla(Figures.Dashboard d) {
        TreeSet<String> months = new TreeSet<>();
        d.slaAttainment().forEach(s -> months.add(s.month().toString()));
        List<String> columns = List.copyOf(months);
        Map<String, Object[]> byProgram = new LinkedHashMap<>();
        for (Figures.SlaMonth s : d.slaAttainment()) {
            byProgram.computeIfAbsent(s.program(), p -> new Object[columns.size()])[columns.indexOf(s.month().toString())] = s.percent();
        }
        List<Row> rows = new ArrayList<>();
        byProgram.forEach((program, values) -> rows.add(new Row(program, java.util.Arrays.asList(values),
                link("/console/dashboards/exceptions", program, f(d).queue(), f(d).stage(), f(d).location(), "OVERDUE"))));
        return new Table(columns, rows);
    }

    private static Table times(Figures.Dashboard d) {
        List<Row> rows = d.timeInStage().stream().map(t -> new Row(t.stage(), List.<Object>of(t.medianHours(), t.p90Hours(), t.tasks()),
                link("/console/dashboards/exceptions", f(d).program(), f(d).queue(), t.stage(), f(d).location(), null))).toList();
        return new Table(List.of("Median (hours)", "90th percentile (hours)", "Tasks"), rows);
    }

    private static Codes f(Figures.Dashboard d) {
        DashboardFilter f = d.filter();
        return new Codes(name(f.program()), name(f.queue()), name(f.stage()), f.location());
    }

    private record Codes(String program, String queue, String stage, String location) {
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static String link(String path, String program, String queue, String stage, String location, String reason) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "program", program);
        add(b, "queue", queue);
        add(b, "stage", stage);
        add(b, "location", location);
        add(b, "reason", reason);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (!blank(value)) {
            b.queryParam(name, value.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void write(HttpServletResponse response, String name, Dashboards.CsvExport export) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        export.writeTo(response.getWriter());
    }
}
