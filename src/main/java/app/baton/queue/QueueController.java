package app.baton.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work lists: a queue's open tasks, and "my tasks" (my roles' queues, or the tasks given to me),
 * at the caller's locations only, in working order: overdue first (the earliest due date leads),
 * then priority. The console's queue pages call the same {@link Worklists}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Queues", description = "Role queues and personal work lists, paginated by cursor")
class QueueController {

    private final Worklists worklists;

    QueueController(Worklists worklists) {
        this.worklists = worklists;
    }

    @GetMapping("/queues/{queue}/tasks")
    @Operation(summary = "A queue's open tasks", description = "Ordered by due date (overdue first), then priority. "
            + "Filters: stage, program, location, overdue=true|false. limit 1-100 (default 50); pass nextCursor as cursor for the next page.")
    QueuePage queue(@PathVariable String queue, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) String program, @RequestParam(required = false) String location,
                    @RequestParam(required = false) String overdue, @RequestParam(required = false) Integer limit,
                    @RequestParam(required = false) String cursor) {
        return worklists.queue(queue, new Worklists.Filter(stage, program, location, overdue, limit, cursor));
    }

    @GetMapping("/my/tasks")
    @Operation(summary = "My open tasks", description = "scope=role (default): the tasks of my roles' queues; scope=me: the tasks "
            + "given to me. Same order, filters and paging as a queue.")
    QueuePage mine(@Parameter(description = "role or me") @RequestParam(required = false) String scope,
                   @RequestParam(required = false) String stage, @RequestParam(required = false) String program,
                   @RequestParam(required = false) String location, @RequestParam(required = false) String overdue,
                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return worklists.mine(scope, new Worklists.Filter(stage, program, location, overdue, limit, cursor));
    }
}
