package app.baton.tracker;

import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.security.PatientDataCategory;
import app.baton.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Work lists: a queue's open tasks, and "my tasks" (my roles' queues, or the tasks given to me),
 * at the caller's locations only, in working order: overdue first (the earliest due date leads),
 * then priority.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Queues", description = "Role queues and personal work lists, paginated by cursor")
class QueueController {

    private final QueueQueries queries;
    private final Views views;
    private final TrackerRules rules;

    QueueController(QueueQueries queries, Views views, TrackerRules rules) {
        this.queries = queries;
        this.views = views;
        this.rules = rules;
    }

    @GetMapping("/queues/{queue}/tasks")
    @Operation(summary = "A queue's open tasks", description = "Ordered by due date (overdue first), then priority. "
            + "Filters: stage, program, location, overdue=true|false. limit 1-100 (default 50); pass nextCursor as cursor for the next page.")
    QueuePage queue(@PathVariable String queue, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) String program, @RequestParam(required = false) String location,
                    @RequestParam(required = false) String overdue, @RequestParam(required = false) Integer limit,
                    @RequestParam(required = false) String cursor) {
        QueueFilter filter = QueueFilter.of(stage, program, location, overdue, limit, cursor, callerLocations());
        OffsetDateTime now = rules.now().toOffsetDateTime();
        return page(queries.queue(queue, filter, now), filter);
    }

    @GetMapping("/my/tasks")
    @Operation(summary = "My open tasks", description = "scope=role (default): the tasks of my roles' queues; scope=me: the tasks "
            + "given to me. Same order, filters and paging as a queue.")
    QueuePage mine(@Parameter(description = "role or me") @RequestParam(required = false) String scope,
                   @RequestParam(required = false) String stage, @RequestParam(required = false) String program,
                   @RequestParam(required = false) String location, @RequestParam(required = false) String overdue,
                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Identity me = CurrentIdentity.find().orElseThrow(() -> new IllegalStateException("no caller on an authenticated path"));
        QueueFilter filter = QueueFilter.of(stage, program, location, overdue, limit, cursor, callerLocations());
        OffsetDateTime now = rules.now().toOffsetDateTime();
        if (scope == null || scope.equals("role")) {
            Set<String> roles = me.roles().stream().map(Role::name).collect(Collectors.toSet());
            return page(queries.roles(roles, filter, now), filter);
        }
        if (scope.equals("me")) {
            return page(queries.owner(me.name(), filter, now), filter);
        }
        throw TrackerProblems.invalid("scope", "role or me");
    }

    private QueuePage page(List<TaskRow> rows, QueueFilter filter) {
        boolean more = rows.size() > filter.limit();
        List<TaskRow> shown = more ? rows.subList(0, filter.limit()) : rows;
        boolean demographic = views.categories().contains(PatientDataCategory.DEMOGRAPHIC);
        List<QueuePage.Item> items = shown.stream().map(t -> new QueuePage.Item(t.id(), t.planId(), t.intakeId(), t.patientId(),
                demographic ? t.location() : null, t.program().name(), t.type().name(), t.status().name(), t.stage().name(),
                t.priority().name(), t.queue(), t.role(), t.ownerUser(), t.dueAt(), views.overdue(t),
                t.nextAction() == null ? null : t.nextAction().code(), t.nextAction() == null ? null : t.nextAction().prompt(),
                t.version())).toList();
        TaskRow last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? new QueueFilter.Cursor(last.dueAt(), TaskRow.rank(last.priority()), last.id()).encode() : null;
        return new QueuePage(items, next, filter.limit());
    }

    /** The caller's locations, or null when the caller sees every location. */
    private static Set<String> callerLocations() {
        Identity me = CurrentIdentity.find().orElseThrow(() -> new IllegalStateException("no caller on an authenticated path"));
        return me.locations().contains(Identity.ALL_LOCATIONS) ? null : me.locations();
    }
}
