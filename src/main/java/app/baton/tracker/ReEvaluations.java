package app.baton.tracker;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import app.baton.decision.AskedBy;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.review.ImpactReport;
import app.baton.review.OpenTaskImpact;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Open work under a new rule set version. Activating a version changes no open task: each keeps
 * the due date and queue it has, and the version that set them. A re-evaluation decides every open
 * task with the active version; a preview only counts what would change (with examples), applying
 * stores it, in one transaction, each change a recorded decision (asked by RE_EVALUATION), and hands moved tasks
 * to their new queues. Both are audited.
 *
 * <p>The preview is the open-task part of an impact analysis of the active version ({@link OpenTaskImpact}): the same
 * evaluation and the same counts, answered at once and returned whole in {@code openTasks}; its own counts are read
 * from it. There is one what-if tool, not two.
 */
@Service
class ReEvaluations {

    private static final int PAGE = 1000;
    private static final int EXAMPLES = 20;

    private final Tasks tasks;
    private final TaskDecider decider;
    private final TaskDecisions rules;
    private final ApplicationEventPublisher events;
    private final OpenTaskImpact impact;

    ReEvaluations(Tasks tasks, TaskDecider decider, TaskDecisions rules, ApplicationEventPublisher events, OpenTaskImpact impact) {
        this.impact = impact;
        this.tasks = tasks;
        this.decider = decider;
        this.rules = rules;
        this.events = events;
    }

    /** One task whose due date or queue would change (or did). */
    record Change(UUID taskId, String program, String taskType, OffsetDateTime fromDue, OffsetDateTime toDue, Integer fromDueVersion,
                  String fromQueue, String toQueue) {
    }

    /**
     * {@code skipped}: tasks someone changed while the re-evaluation ran; they were decided by that change.
     * {@code report}: in a preview, the impact analysis's open-task part for the active version (every change, by kind).
     */
    record Report(@JsonFormat(shape = JsonFormat.Shape.STRING) int ruleSetVersion, boolean applied, int openTasks, int dueChanged, int queueChanged, int unchanged, int skipped,
                  List<Change> examples, @JsonInclude(JsonInclude.Include.NON_NULL) ImpactReport.OpenTasks report) {
    }

    /**
     * The open tasks at these locations ({@code locations} null: all): a clinical lead of some locations
     * previews and applies the re-evaluation of her locations' work only, and her report counts only it.
     */
    @Transactional
    public Report run(boolean apply, Set<String> locations) {
        if (!apply) {
            return preview(locations);
        }
        CompiledRules compiled = rules.current();
        int open = 0;
        int dueChanged = 0;
        int queueChanged = 0;
        int skipped = 0;
        int changed = 0;
        List<Change> examples = new ArrayList<>();
        UUID after = new UUID(0, 0);
        for (List<TaskRow> page = tasks.openAfter(after, PAGE, locations); !page.isEmpty(); page = tasks.openAfter(after, PAGE, locations)) {
            for (TaskRow task : page) {
                open++;
                TaskDecision decided = decider.preview(compiled, task);
                boolean dueMoves = !sameInstant(task.dueAt(), decided.dueAt());
                boolean queueMoves = !Objects.equals(task.queue(), decided.queue());
                if (dueMoves || queueMoves) {
                    changed++;
                    dueChanged += dueMoves ? 1 : 0;
                    queueChanged += queueMoves ? 1 : 0;
                    if (examples.size() < EXAMPLES) {
                        examples.add(new Change(task.id(), task.program().name(), task.type().name(), task.dueAt(), decided.dueAt(),
                                task.dueRuleSetVersion(), task.queue(), decided.queue()));
                    }
                }
                if (apply && (dueMoves || queueMoves || task.ruleSetVersion() != decided.ruleSetVersion())
                        && decider.redecide(task, task, true, AskedBy.RE_EVALUATION).isEmpty()) {
                    skipped++;
                }
            }
            after = page.get(page.size() - 1).id();
        }
        int version = Integer.parseInt(compiled.version());
        events.publishEvent(new TasksReEvaluated(version, apply, open, dueChanged, queueChanged));
        return new Report(version, apply, open, dueChanged, queueChanged, open - changed, skipped, examples, null);
    }

    /** What applying would change: the open-task part of an impact analysis of the active version, and examples from it. */
    private Report preview(Set<String> locations) {
        int version = Integer.parseInt(rules.current().version());
        List<Change> examples = new ArrayList<>();
        ImpactReport.OpenTasks report = impact.ofActiveVersion(locations, (task, decided) -> {
            if (examples.size() < EXAMPLES && (!sameInstant(task.dueAt(), decided.dueAt()) || !Objects.equals(task.queue(), decided.queue()))) {
                examples.add(new Change(task.id(), task.input().carePlan().program().name(), task.input().task().type().name(), task.dueAt(),
                        decided.dueAt(), tasks.find(task.id()).map(TaskRow::dueRuleSetVersion).orElse(null), task.queue(), decided.queue()));
            }
        });
        Map<String, Long> kinds = report.changedByKind();
        int open = (int) report.evaluated();
        int dueChanged = (int) (n(kinds, "DUE_EARLIER") + n(kinds, "DUE_LATER") + n(kinds, "DUE_ADDED") + n(kinds, "DUE_REMOVED"));
        int queueChanged = (int) n(kinds, "ROUTING_MOVED");
        events.publishEvent(new TasksReEvaluated(version, false, open, dueChanged, queueChanged));
        return new Report(version, false, open, dueChanged, queueChanged, (int) (report.evaluated() - report.queueOrDueChanged() - report.failed()),
                0, examples, report);
    }

    private static long n(Map<String, Long> kinds, String kind) {
        return kinds.getOrDefault(kind, 0L);
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }
}
