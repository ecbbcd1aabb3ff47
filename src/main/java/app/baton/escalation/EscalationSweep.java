package app.baton.escalation;

import app.baton.careplan.OpenTaskPages;
import app.baton.careplan.TaskDecider;
import app.baton.careplan.TaskRow;

import app.baton.decision.AskedBy;
import app.baton.decision.DecisionResponse;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The escalation sweep: evaluates the open tasks whose stored due date has passed with the active rule
 * set and stores each escalation step under its stable key; a task due within
 * {@code reminder-before} gets a reminder under its own key. Tasks due later are not read at all.
 * Tasks are read a keyset page at a time; a page is evaluated outside any transaction, then its new
 * alerts are stored with {@code ON CONFLICT DO NOTHING} and raised (EscalationRaised, TaskReminded, whose
 * listener writes the notices to the outbox) in one transaction per page. So a crash loses at most the
 * page in hand, and a re-run, or another instance sweeping at the same time, raises nothing twice: only
 * the transaction that actually inserted a key raises it. db-scheduler runs the recurring sweep on one
 * instance at a time ({@link SweepTasks}); the keys make even an overlap harmless.
 *
 * <p>Each overdue task is evaluated through the decision module ({@link TaskDecisions}, asked by SWEEP). The sweep
 * changes nothing a person sees of a task (queue, due date, prompt, flags), so an evaluation is stored as a decision
 * only when it raises a new escalation step: in the page's transaction, and the step's {@code task_alert} row names
 * it. A task that cannot be worked yet (NEW: it waits for its prerequisite) is not swept at all: its prerequisite,
 * which can be worked, is the one that escalates (docs/tracker.md).
 *
 * <p>A task due within {@code early-steps-within} is evaluated too, for the escalation table's steps before the deadline
 * (level 0). Steps are raised only in the practice's business hours on a working day ({@code business-hours-only}): a
 * step that comes due at 00:00:01 is raised by the first sweep of the next business hour, under the same key.
 */
@Service
public class EscalationSweep {

    private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);
    // PostgreSQL orders uuids by their unsigned bytes: the all-zero uuid comes first
    private static final UUID FIRST = new UUID(0L, 0L);

    /** What one sweep did: overdue tasks evaluated, new steps and reminders stored, tasks the rules failed on. */
    public record Result(int evaluated, int escalations, int reminders, int failed, int pages) {
    }

    /**
     * Tasks evaluated, tasks the rules failed on, and nanoseconds spent waiting for reads and evaluating, counted by one
     * sweep's threads.
     */
    private record Tally(AtomicInteger evaluated, AtomicInteger failed, AtomicLong waitingForReads, AtomicLong evaluating) {
    }

    private final TaskDecisions rules;
    private final OpenTaskPages openTasks;
    private final TaskAlerts alerts;
    private final SweepProperties settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    EscalationSweep(TaskDecisions rules, OpenTaskPages openTasks, TaskAlerts alerts, SweepProperties settings,
                    ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.openTasks = openTasks;
        this.alerts = alerts;
        this.settings = settings;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A scheduled sweep: skipped, not failed, while the instance is still loading its rule set. */
    void runWhenReady() {
        if (rules.ready()) {
            run();
        }
    }

    /** One sweep over all open tasks with a due date, as of the clock's now, with the active version. */
    public Result run() {
        CompiledRules compiled = rules.current();
        ZonedDateTime asOf = rules.now();
        int version = Integer.parseInt(compiled.version());
        OffsetDateTime horizon = asOf.toOffsetDateTime().plus(java.util.Collections.max(
                List.of(settings.reminderBefore(), settings.earlyStepsWithin())));
        boolean escalating = !settings.businessHoursOnly() || rules.calendar().nextBusinessHour(asOf).isEqual(asOf);
        long started = System.nanoTime();
        Tally tally = new Tally(new AtomicInteger(), new AtomicInteger(), new AtomicLong(), new AtomicLong());
        int escalations = 0;
        int reminders = 0;
        int pages = 0;
        long storing = 0;
        // Three stages at once, each a page apart: while one page is stored (PostgreSQL's work), the next is evaluated
        // (the JVM's) and the one after is read (PostgreSQL's again). Pages are still stored one after another, in id
        // order, each in its own transaction.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "escalation-sweep-read"));
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> new Thread(r, "escalation-sweep-ahead"));
        try {
            Future<List<OpenTaskPages.Decidable>> first = readAfter(FIRST, reader, horizon);
            Future<Page> next = ahead.submit(() -> prepare(first, reader, horizon, compiled, version, asOf, escalating, tally));
            while (true) {
                Page page = done(next);
                if (page.last() == null) {
                    break;
                }
                next = ahead.submit(() -> prepare(page.following(), reader, horizon, compiled, version, asOf, escalating, tally));
                pages++;
                long t = System.nanoTime();
                int[] raised = tx.execute(status -> raise(page.alerts(), asOf.toOffsetDateTime()));
                storing += System.nanoTime() - t;
                escalations += raised[0];
                reminders += raised[1];
            }
        } finally {
            ahead.shutdownNow();
            reader.shutdownNow();
        }
        log.info("escalation sweep with rule set version {}: {} overdue tasks evaluated in {} pages, {} new escalation steps, {} reminders, "
                        + "{} tasks failed, {} ms (waiting for reads {} ms and evaluating {} ms while storing and notifying {} ms)", version,
                tally.evaluated().get(), pages, escalations, reminders, tally.failed().get(), (System.nanoTime() - started) / 1_000_000,
                tally.waitingForReads().get() / 1_000_000, tally.evaluating().get() / 1_000_000, storing / 1_000_000);
        return new Result(tally.evaluated().get(), escalations, reminders, tally.failed().get(), pages);
    }

    /**
     * A page read and evaluated: the last task id read (null: no more tasks), the alerts found, by key, and the read of
     * the page after it, under way.
     */
    private record Page(UUID last, Map<String, TaskAlerts.Alert> alerts, Future<List<OpenTaskPages.Decidable>> following) {
    }

    private Page prepare(Future<List<OpenTaskPages.Decidable>> reading, ExecutorService reader, OffsetDateTime horizon,
                         CompiledRules compiled, int version, ZonedDateTime asOf, boolean escalating, Tally tally) {
        long t0 = System.nanoTime();
        List<OpenTaskPages.Decidable> page = done(reading);
        long t1 = System.nanoTime();
        tally.waitingForReads().addAndGet(t1 - t0);
        if (page.isEmpty()) {
            return new Page(null, Map.of(), null);
        }
        UUID last = page.get(page.size() - 1).task().id();
        Future<List<OpenTaskPages.Decidable>> following = readAfter(last, reader, horizon);
        List<TaskAlerts.Alert> found = page.parallelStream()
                .flatMap(c -> alertsOf(c, compiled, version, asOf, escalating, tally).stream()).toList();
        Map<String, TaskAlerts.Alert> byKey = new LinkedHashMap<>();
        found.forEach(a -> byKey.putIfAbsent(a.key(), a));
        // A step an earlier sweep stored is dropped here (alerts are never deleted, so its insert could only conflict) and
        // costs its decision nothing more. The decisions of the steps left are serialized here, off the storing thread.
        // (Another instance may store a key meanwhile: then the insert skips it, and its row was built for nothing.)
        byKey.keySet().removeAll(alerts.stored(byKey.keySet()));
        byKey.values().stream().map(TaskAlerts.Alert::decision).filter(Objects::nonNull)
                .distinct().toList().parallelStream().forEach(TaskDecision::prepareRecord);
        tally.evaluating().addAndGet(System.nanoTime() - t1);
        return new Page(last, byKey, following);
    }

    /** The read of the page after task {@code after}, on the reading thread. */
    private Future<List<OpenTaskPages.Decidable>> readAfter(UUID after, ExecutorService reader, OffsetDateTime horizon) {
        return reader.submit(() -> openTasks.workableDueBy(horizon, after, settings.pageSize()));
    }

    /** A stage's result, or its failure as it was thrown. */
    private static <T> T done(Future<T> stage) {
        try {
            return stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("escalation sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private int[] raise(Map<String, TaskAlerts.Alert> byKey, OffsetDateTime now) {
        Set<String> stored = alerts.insertNew(byKey.values(), now);
        // The decisions that raised a new step, each once (one evaluation may raise several levels), in this transaction.
        Map<UUID, TaskDecision> raising = new LinkedHashMap<>();
        byKey.values().stream().filter(a -> stored.contains(a.key()) && a.decision() != null)
                .forEach(a -> raising.putIfAbsent(a.decision().id(), a.decision()));
        rules.record(raising.values());
        int[] counts = new int[2];
        for (TaskAlerts.Alert a : byKey.values()) {
            if (!stored.contains(a.key())) {
                continue;
            }
            TaskRow t = a.task();
            if (TaskAlerts.Alert.ESCALATION.equals(a.kind())) {
                events.publishEvent(new EscalationRaised(t.id(), t.planId(), a.level(), a.recipient(), a.key(), a.rule(),
                        t.program().name(), t.type().name(), a.ruleSetVersion(), t.location()));
                counts[0]++;
            } else {
                events.publishEvent(new TaskReminded(t.id(), t.planId(), t.queue(), t.ownerUser(), a.key(), t.program().name(),
                        t.type().name(), t.location()));
                counts[1]++;
            }
        }
        return counts;
    }

    private List<TaskAlerts.Alert> alertsOf(OpenTaskPages.Decidable c, CompiledRules compiled, int version, ZonedDateTime asOf,
                                            boolean escalating, Tally tally) {
        TaskRow task = c.task();
        List<TaskAlerts.Alert> found = new ArrayList<>(2);
        OffsetDateTime due = task.dueAt();
        // A task the queues show as overdue (its stored due date has passed), or due soon enough for a step before its
        // deadline, is evaluated; the levels and keys are the active version's, from the due date it decides. Outside
        // business hours no step is raised: the first sweep of the next business hour raises it.
        if (escalating && (due.toInstant().isBefore(asOf.toInstant())
                || !due.toInstant().minus(settings.earlyStepsWithin()).isAfter(asOf.toInstant()))) {
            escalations(c, compiled, version, asOf, tally, found);
        }
        String recipient = task.queue() != null ? task.queue() : task.ownerUser();
        if (recipient != null && due.toInstant().isAfter(asOf.toInstant())
                && !due.toInstant().minus(settings.reminderBefore()).isAfter(asOf.toInstant())) {
            found.add(new TaskAlerts.Alert(reminderKey(task.id(), due), TaskAlerts.Alert.REMINDER, task, 0, recipient, null, due, version,
                    null));
        }
        return found;
    }

    private void escalations(OpenTaskPages.Decidable c, CompiledRules compiled, int version, ZonedDateTime asOf, Tally tally,
                             List<TaskAlerts.Alert> found) {
        TaskRow task = c.task();
        tally.evaluated().incrementAndGet();
        try {
            TaskDecision d = rules.evaluate(compiled, TaskDecider.input(c.facts(), task), asOf, AskedBy.SWEEP);
            for (DecisionResponse.Escalation step : d.escalations()) {
                if (d.dueAt() != null) {
                    found.add(new TaskAlerts.Alert(step.key(), TaskAlerts.Alert.ESCALATION, task, step.level(), step.recipient(),
                            step.rule(), d.dueAt(), version, d));
                }
            }
        } catch (RuntimeException failure) {
            // ids only: the task id and the version, never the facts
            log.error("escalation sweep: rule set version {} failed on task {}", version, task.id(), failure);
            tally.failed().incrementAndGet();
        }
    }

    /** The reminder's stable key: the same task and due date give the same key; a new due date a new reminder. */
    static String reminderKey(UUID taskId, OffsetDateTime dueAt) {
        String material = taskId + "|" + dueAt.toInstant();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "rem-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
