package app.baton.reevaluation;

import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskRow;
import app.baton.careplan.Tasks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.review.ImpactReport;
import app.baton.review.OpenTaskImpact;
import app.baton.review.OpenWork;
import app.baton.security.CurrentIdentity;
import app.baton.system.AuditActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Open work under a new rule set version. Activating a version changes no open task: each keeps
 * the due date and queue it has, and the version that set them. A re-evaluation decides every open
 * task with the active version; a preview only counts what would change (with examples), answered at once. Applying
 * starts a run ({@link #start}) and answers it at once; the run is applied on {@link ReEvaluationWorker}'s threads,
 * in pages of {@link #PAGE} tasks, one transaction per page, resumable ({@link ReEvaluationRuns},
 * {@link ReEvaluationResumer}), each task evaluated once and, when that changes it, that very decision recorded (asked
 * by RE_EVALUATION) with the task pointing at it, and moved tasks handed to their new queues. Both are audited, an
 * applied run once, when it completes.
 *
 * <p>The preview is the open-task part of an impact analysis of the active version ({@link OpenTaskImpact}): the same
 * evaluation and the same counts, answered at once and returned whole in {@code report}; its own counts are read
 * from it. There is one what-if tool, not two.
 */
@Service
class ReEvaluations {

    /** Tasks applied per transaction: a crash loses at most this page, which rolls back. */
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(ReEvaluations.class);
    private static final int EXAMPLES = 20;

    private final Tasks tasks;
    private final TaskDecider decider;
    private final TaskDecisions rules;
    private final ApplicationEventPublisher events;
    private final OpenTaskImpact impact;
    private final OpenWork openWork;
    private final ReEvaluationRuns runs;
    private final AuditActor actors;
    private final TransactionTemplate tx;
    private final ReEvaluationWorker worker;

    ReEvaluations(Tasks tasks, TaskDecider decider, TaskDecisions rules, ApplicationEventPublisher events, OpenTaskImpact impact,
                  OpenWork openWork, ReEvaluationRuns runs, AuditActor actors, PlatformTransactionManager transactions,
                  ReEvaluationWorker worker) {
        this.worker = worker;
        this.impact = impact;
        this.openWork = openWork;
        this.runs = runs;
        this.actors = actors;
        this.tx = new TransactionTemplate(transactions);
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
     * What applying would change to the open tasks at these locations ({@code locations} null: all): a clinical lead of
     * some locations previews the re-evaluation of her locations' work only, and her report counts only it.
     */
    public Report preview(Set<String> locations) {
        return tx.execute(status -> previewed(locations));
    }

    /**
     * Starts applying the re-evaluation of the open tasks at these locations ({@code locations} null: all) and answers
     * the run at once, RUNNING: it is applied on a worker thread, as the caller (who is audited as having applied it).
     */
    public ReEvaluationRuns.Run start(Set<String> locations) {
        UUID id = UUID.randomUUID();
        int version = Integer.parseInt(rules.current().version());
        tx.executeWithoutResult(status -> runs.insert(id, version, locations, actors.current().name(), openWork.count(locations)));
        ReEvaluationRuns.Run started = runs.find(id).orElseThrow();
        worker.submit(CurrentIdentity.carried(() -> apply(id)));
        return started;
    }

    /** Applies a run to its end on the calling thread, logging (never throwing) what stopped it. */
    void apply(UUID id) {
        try {
            finish(id);
        } catch (RuntimeException e) {
            log.error("re-evaluation {} failed", id, e);
        }
    }

    /**
     * Applies a run page after page from its stored cursor until no open task is left after it, then completes it
     * (audited once, as TASKS_RE_EVALUATED). Resuming a run that crashed half-way is calling this again. A page that
     * fails stops the run as FAILED (the pages before it stay applied) and is thrown; an interrupt (Baton shutting
     * down) stops it between pages, still RUNNING, for the resumer to take over.
     */
    void finish(UUID id) {
        Page page = Page.APPLIED;
        try {
            while (page == Page.APPLIED && !Thread.currentThread().isInterrupted()) {
                page = tx.execute(status -> applyPage(id, status));
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.warn("re-evaluation {} stopped by a shutdown; it is taken over from its cursor", id);
                return;
            }
            runs.fail(id, "failed: " + e.getClass().getSimpleName() + "; the pages before it stay applied, quote run id " + id
                    + " when you report this");
            throw e;
        }
        if (page == Page.APPLIED) {
            log.warn("re-evaluation {} stopped by a shutdown; it is taken over from its cursor", id);
            return;
        }
        if (page == Page.TAKEN) {
            // Another instance took the run over (it found it stale) and committed this page first: it applies the rest
            // and completes the run. Completing it here would stop that instance half-way and lose the pages after.
            log.warn("re-evaluation {}: another instance moved the run on; leaving the rest to it", id);
            return;
        }
        tx.executeWithoutResult(status -> {
            if (runs.complete(id)) {
                ReEvaluationRuns.Run run = runs.find(id).orElseThrow();
                events.publishEvent(new TasksReEvaluated(run.ruleSetVersion(), true, (int) run.processed(), (int) run.dueChanged(),
                        (int) run.queueChanged()));
            }
        });
    }

    /** What became of one page: applied, none left (or the run is no longer running), or taken by another instance. */
    private enum Page { APPLIED, DONE, TAKEN }

    /**
     * One page in one transaction: each task evaluated once; a task that decision changes (queue, due date, or the
     * version that decided it) is stored from that decision, which is recorded; the run's cursor moved past them with
     * the page's counts and examples. Or nothing at all.
     */
    private Page applyPage(UUID id, TransactionStatus status) {
        Optional<ReEvaluationRuns.Cursor> cursor = runs.cursor(id);
        if (cursor.isEmpty()) {
            return Page.DONE;
        }
        List<TaskRow> page = tasks.openAfter(cursor.get().afterTask(), PAGE, cursor.get().locations());
        if (page.isEmpty()) {
            return Page.DONE;
        }
        CompiledRules compiled = rules.current();
        long dueChanged = 0;
        long queueChanged = 0;
        long unchanged = 0;
        long skipped = 0;
        List<Change> found = new ArrayList<>();
        int examples = cursor.get().examples();
        for (TaskRow task : page) {
            TaskDecider.ReEvaluated reEvaluated = decider.reEvaluate(compiled, task);
            TaskDecision decided = reEvaluated.decision();
            boolean dueMoves = !sameInstant(task.dueAt(), decided.dueAt());
            boolean queueMoves = !Objects.equals(task.queue(), decided.queue());
            dueChanged += dueMoves ? 1 : 0;
            queueChanged += queueMoves ? 1 : 0;
            unchanged += dueMoves || queueMoves ? 0 : 1;
            if ((dueMoves || queueMoves) && found.size() + examples < EXAMPLES) {
                found.add(new Change(task.id(), task.program().name(), task.type().name(), task.dueAt(), decided.dueAt(),
                        task.dueRuleSetVersion(), task.queue(), decided.queue()));
            }
            if ((dueMoves || queueMoves || task.ruleSetVersion() != decided.ruleSetVersion())
                    && decider.apply(reEvaluated).isEmpty()) {
                skipped++;
            }
        }
        if (!runs.advance(id, cursor.get().afterTask(), page.get(page.size() - 1).id(), page.size(), dueChanged, queueChanged,
                unchanged, skipped, found)) {
            // another instance moved this run on meanwhile: this page is theirs, nothing of it is kept here
            status.setRollbackOnly();
            return Page.TAKEN;
        }
        return Page.APPLIED;
    }

    /** What applying would change: the open-task part of an impact analysis of the active version, and examples from it. */
    private Report previewed(Set<String> locations) {
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
