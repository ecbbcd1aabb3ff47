package app.baton.console.work;

import app.baton.console.Labels;
import app.baton.console.Navigation;
import app.baton.console.Problem;
import app.baton.careplan.CarePlanDesk;
import app.baton.task.TaskDesk;
import app.baton.engine.model.Program;
import app.baton.engine.model.Stage;
import app.baton.engine.model.TaskStatus;
import app.baton.system.ApiException;
import app.baton.careplan.ActivityRequest;
import app.baton.careplan.PlanView;
import app.baton.queue.QueuePage;
import app.baton.careplan.TaskView;
import app.baton.queue.Worklists;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.security.Role;
import org.springframework.http.HttpMethod;

import java.util.Arrays;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages staff work in: their queues, and a task with its plan, prompt, log and next steps. Every
 * read and change goes through the same services the HTTP API calls ({@link Worklists}, {@link TaskDesk}, {@link CarePlanDesk}), so
 * both take the same location check, audit and minimum-necessary shaping. URLs carry ids and codes
 * only: never a patient's data.
 */
@Controller
class WorkPages {

    static final List<String> OUTCOMES = Arrays.stream(ActivityRequest.Outcome.values()).map(Enum::name).toList();

    private final Worklists worklists;
    private final TaskDesk taskDesk;
    private final CarePlanDesk planDesk;

    private final java.time.ZoneId zone;
    private final Labels labels;

    WorkPages(Worklists worklists, TaskDesk taskDesk, CarePlanDesk planDesk, app.baton.calendar.PracticeProperties practice, Labels labels) {
        this.worklists = worklists;
        this.taskDesk = taskDesk;
        this.planDesk = planDesk;
        this.labels = labels;
        this.zone = practice.timeZone();
    }

    /** The filters of a work list, as the page's form sends them (blank: not filtered). */
    record Filters(String program, String stage, String location, String overdue) {

        static Filters of(String program, String stage, String location, String overdue) {
            return new Filters(blank(program), blank(stage), blank(location), blank(overdue));
        }

        Worklists.Filter filter(String cursor) {
            return new Worklists.Filter(stage, program, location, overdue, null, blank(cursor));
        }

        /** The query string that keeps these filters on the next page's link. */
        String next(String path, String scope, String cursor) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
            if (scope != null) {
                b.queryParam("scope", scope);
            }
            for (Map.Entry<String, String> e : map().entrySet()) {
                b.queryParam(e.getKey(), e.getValue());
            }
            if (cursor != null) {
                b.queryParam("cursor", cursor);
            }
            return b.build().encode().toUriString();
        }

        Map<String, String> map() {
            Map<String, String> m = new LinkedHashMap<>();
            if (program != null) m.put("program", program);
            if (stage != null) m.put("stage", stage);
            if (location != null) m.put("location", location);
            if (overdue != null) m.put("overdue", overdue);
            return m;
        }
    }

    @GetMapping("/console/work")
    String mine(@RequestParam(required = false) String scope, @RequestParam(required = false) String queue,
                @RequestParam(required = false) String program, @RequestParam(required = false) String stage,
                @RequestParam(required = false) String location, @RequestParam(required = false) String overdue,
                @RequestParam(required = false) String cursor, Model model, HttpServletResponse response) {
        Filters filters = Filters.of(program, stage, location, overdue);
        if (blank(queue) != null) {
            // a queue chosen in the form: its own page, the filters kept
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/console/work/queues/{queue}");
            filters.map().forEach(b::queryParam);
            return "redirect:" + b.buildAndExpand(queue.strip()).encode().toUriString();
        }
        String s = "me".equals(scope) ? "me" : "role";
        model.addAttribute("heading", s.equals("me") ? "Tasks given to me" : "My roles' queues");
        model.addAttribute("scope", s);
        return list(model, response, filters, cursor, "/console/work", s, () -> worklists.mine(s, filters.filter(cursor)));
    }

    @GetMapping("/console/work/queues/{queue}")
    String queue(@PathVariable String queue, @RequestParam(required = false) String program,
                 @RequestParam(required = false) String stage, @RequestParam(required = false) String location,
                 @RequestParam(required = false) String overdue, @RequestParam(required = false) String cursor, Model model,
                 HttpServletResponse response) {
        Filters filters = Filters.of(program, stage, location, overdue);
        model.addAttribute("heading", "Queue " + queue);
        model.addAttribute("scope", "queue");
        model.addAttribute("queue", queue);
        return list(model, response, filters, cursor, "/console/work/queues/" + queue, null,
                () -> worklists.queue(queue, filters.filter(cursor)));
    }

    private String list(Model model, HttpServletResponse response, Filters filters, String cursor, String path, String scope,
                        java.util.function.Supplier<QueuePage> read) {
        model.addAttribute("filters", filters);
        model.addAttribute("programs", Program.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("firstPage", blank(cursor) == null);
        try {
            QueuePage page = read.get();
            model.addAttribute("page", page);
            model.addAttribute("nextLink", page.nextCursor() == null ? null : filters.next(path, scope, page.nextCursor()));
            model.addAttribute("firstLink", filters.next(path, scope, null));
        } catch (ApiException e) {
            // a filter the tracker refuses: the message goes next to that filter, and no list
            Problem problem = Problem.of(e);
            response.setStatus(problem.status());
            model.addAttribute("formProblem", problem);
        }
        return "console/work/work";
    }

    @GetMapping("/console/tasks/{id}")
    String task(@PathVariable String id, Model model) {
        return taskPage(taskDesk.task(id), model);
    }

    /**
     * A care plan, as a notification about it links to it: the page of its first task, which shows the plan,
     * its tasks and its closure checklist (reading the plan is audited).
     */
    @GetMapping("/console/plans/{id}")
    String plan(@PathVariable String id) {
        var plan = planDesk.plan(id);
        if (plan.tasks().isEmpty()) {
            throw new app.baton.system.ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "this care plan has no task to show");
        }
        return "redirect:/console/tasks/" + plan.tasks().get(0).id() + "#plan";
    }

    @PostMapping("/console/tasks/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status, @RequestParam(required = false) Integer version,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        TaskStatus to;
        try {
            to = TaskStatus.valueOf(status);
        } catch (RuntimeException e) {
            return refused(id, Problem.field("status", "choose one of the next steps offered"), model, response);
        }
        if (version == null) {
            return refused(id, Problem.field("version", "the page was incomplete; open the task again"), model, response);
        }
        try {
            TaskView after = taskDesk.changeStatus(id, to, version);
            redirect.addFlashAttribute("notice", "The task is now " + labels.status(after.status()).toLowerCase(java.util.Locale.ROOT) + ".");
            return "redirect:/console/tasks/" + after.id();
        } catch (ApiException e) {
            return refused(id, statusProblem(Problem.of(e)), model, response);
        }
    }

    @PostMapping("/console/tasks/{id}/activities")
    String activity(@PathVariable String id, @RequestParam(required = false) String kind, @RequestParam(required = false) String outcome,
                    @RequestParam(required = false) String channel, @RequestParam(required = false) String barrier,
                    @RequestParam(required = false) String text, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        ActivityRequest entry;
        try {
            entry = new ActivityRequest(code(ActivityRequest.Kind.class, "kind", kind), code(ActivityRequest.Outcome.class, "outcome", outcome),
                    code(ActivityRequest.Channel.class, "channel", channel), code(ActivityRequest.Barrier.class, "barrier", barrier),
                    blank(text), null, null);
            if (entry.kind() == null) {
                throw new BadField("kind", "choose what you did");
            }
            if (entry.text() != null && entry.text().length() > 4000) {
                throw new BadField("text", "at most 4000 characters");
            }
        } catch (BadField e) {
            return activityRefused(id, Problem.field(e.field, e.getMessage()), model, response);
        }
        try {
            TaskView after = taskDesk.logActivity(id, entry);
            String prompt = after.nextAction() == null ? "" : " Next: " + after.nextAction().prompt();
            redirect.addFlashAttribute("notice", "Recorded: " + describe(entry) + "." + prompt);
            return "redirect:/console/tasks/" + after.id();
        } catch (ApiException e) {
            return activityRefused(id, Problem.of(e), model, response);
        }
    }

    /** The plan's facts from the task page (e.g. the booked visit); the task page comes back with the plan decided again. */
    @PostMapping("/console/plans/{planId}/facts")
    String facts(@PathVariable String planId, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        String taskId = blank(form.get("task"));
        try {
            int version = Integer.parseInt(form.getOrDefault("version", ""));
            planDesk.updatePlanFacts(planId, FieldsForm.read(form, zone), version);
            redirect.addFlashAttribute("notice", "The plan's facts are saved; its open tasks were decided again.");
        } catch (NumberFormatException e) {
            return factsRefused(taskId, Problem.field("version", "the page was incomplete; open the task again"), model, response);
        } catch (BadField e) {
            return factsRefused(taskId, Problem.field(e.field, e.getMessage()), model, response);
        } catch (ApiException e) {
            Problem p = Problem.of(e);
            return factsRefused(taskId, p.forField("version") != null ? new Problem(409, "Someone changed this plan first",
                    "Nothing was saved. The page now shows the plan as it is; enter the change again if it still applies.", Map.of()) : p,
                    model, response);
        }
        return "redirect:/console/tasks/" + taskId;
    }

    @PostMapping("/console/plans/{planId}/closure")
    String close(@PathVariable String planId, @RequestParam(required = false) String task, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        try {
            planDesk.closePlan(planId);
            redirect.addFlashAttribute("notice", "The plan is closed and locked.");
        } catch (ApiException e) {
            Problem problem = Problem.of(e);
            response.setStatus(problem.status());
            model.addAttribute("closureProblem", problem);
            return taskPage(taskDesk.task(task), model);
        }
        return "redirect:/console/tasks/" + task;
    }

    private String factsRefused(String taskId, Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status());
        model.addAttribute("factsProblem", problem);
        return taskPage(taskDesk.task(taskId), model);
    }

    private String refused(String id, Problem problem, Model model, HttpServletResponse response) {
        // the fresh state next to the refusal: what the task is now, and what may be done from there
        response.setStatus(problem.status());
        model.addAttribute("statusProblem", problem);
        return taskPage(taskDesk.task(id), model);
    }

    private String activityRefused(String id, Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status());
        model.addAttribute("activityProblem", problem);
        return taskPage(taskDesk.task(id), model);
    }

    private static Problem statusProblem(Problem p) {
        if (p.status() == 409 && p.forField("version") != null) {
            return new Problem(409, "Someone changed this task first",
                    "Nothing was changed. The page now shows the task as it is; choose the next step again if it still applies.",
                    Map.of());
        }
        return p;
    }

    private String taskPage(TaskView task, Model model) {
        model.addAttribute("task", task);
        Set<Role> roles = CurrentIdentity.find().map(Identity::roles).orElse(Set.of());
        model.addAttribute("mayMove", Navigation.allowed(roles, HttpMethod.POST, "/console/tasks/" + task.id() + "/status"));
        model.addAttribute("mayRecord", Navigation.allowed(roles, HttpMethod.POST, "/console/tasks/" + task.id() + "/activities"));
        model.addAttribute("mayChangeFacts", task.planId() != null
                && Navigation.allowed(roles, HttpMethod.POST, "/console/plans/" + task.planId() + "/facts"));
        model.addAttribute("mayClose", task.planId() != null
                && Navigation.allowed(roles, HttpMethod.POST, "/console/plans/" + task.planId() + "/closure"));
        PlanView plan = task.planId() == null ? null : planDesk.plan(task.planId().toString());
        model.addAttribute("plan", plan);
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("kinds", ActivityRequest.Kind.values());
        model.addAttribute("channels", ActivityRequest.Channel.values());
        model.addAttribute("barriers", ActivityRequest.Barrier.values());
        model.addAttribute("notesWithheld", task.withheld().contains("activities.text"));
        model.addAttribute("readsNotes", taskDesk.readsNotes());
        return "console/work/task";
    }

    private String describe(ActivityRequest entry) {
        return switch (entry.kind()) {
            case CALL_ATTEMPT -> "call attempt, " + (entry.outcome() == null ? "no outcome" : labels.of("outcome", entry.outcome()).toLowerCase(java.util.Locale.ROOT));
            case MESSAGE -> "message" + (entry.channel() == null ? "" : " by " + labels.of("channel", entry.channel()).toLowerCase(java.util.Locale.ROOT));
            case NOTE -> "note";
            case DOCUMENT -> "document";
            case BARRIER -> "barrier" + (entry.barrier() == null ? "" : ": " + labels.of("barrier", entry.barrier()).toLowerCase(java.util.Locale.ROOT));
        };
    }

    static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private static <E extends Enum<E>> E code(Class<E> type, String field, String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new BadField(field, "choose one of the options offered");
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
