package app.baton.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The notification module's API: publish a notice inside the transaction of the change that caused
 * it (the transactional outbox). The notice and the task that fans it out are two rows in that
 * transaction: if it rolls back, nobody hears of the change; once it commits, the notice reaches its
 * in-app recipients and every webhook subscribed to its kind, from whichever instance picks the task.
 */
@Service
public class Notifications {

    /** At most this many notices published together are fanned out by one task, in one transaction. */
    static final int FAN_OUT_BATCH = 200;

    private final OutboxMessages outbox;
    private final SchedulerClient scheduler;
    private final DueNow dueNow;
    private final Clock clock;

    Notifications(OutboxMessages outbox, SchedulerClient scheduler, DueNow dueNow, Clock clock) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.dueNow = dueNow;
        this.clock = clock;
    }

    /**
     * Stores the notice in the caller's transaction (or in one of its own when there is none).
     *
     * @return the notice's event id, the {@code id} of its webhook payloads and in-app entries
     */
    @Transactional
    public UUID publish(Notice notice) {
        return publishAll(List.of(notice)).get(0);
    }

    /**
     * Stores many notices in the caller's transaction, in a few statements whatever their number (a sweep's page of
     * escalations, an intake's hand-offs): the same as {@link #publish} for each, in order, except that up to
     * {@value #FAN_OUT_BATCH} of them share one fan-out task (named by the first one's id), which dispatches them
     * together in one transaction.
     *
     * @return the notices' event ids, in order
     */
    @Transactional
    public List<UUID> publishAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<UUID> ids = notices.stream().map(n -> UUID.randomUUID()).toList();
        List<UUID> fanOuts = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            fanOuts.add(ids.get(i - i % FAN_OUT_BATCH));
        }
        outbox.insertAll(ids, fanOuts, notices, now);
        scheduler.scheduleBatch(fanOuts.stream().distinct()
                .<TaskInstance<?>>map(id -> new TaskInstance<Void>(NotificationTasks.FAN_OUT, id.toString())).toList(), now);
        dueNow.afterCommit();
        return ids;
    }
}
