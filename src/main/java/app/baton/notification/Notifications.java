package app.baton.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
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
        UUID id = UUID.randomUUID();
        outbox.insert(id, notice, clock.instant());
        scheduler.schedule(new TaskInstance<Void>(NotificationTasks.FAN_OUT, id.toString()), clock.instant());
        dueNow.afterCommit();
        return id;
    }

    /**
     * Stores many notices in the caller's transaction, in two statements whatever their number (a sweep's
     * page of escalations): the same as {@link #publish} for each, in order.
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
        outbox.insertAll(ids, notices, now);
        scheduler.scheduleBatch(ids.stream().<TaskInstance<?>>map(id -> new TaskInstance<Void>(NotificationTasks.FAN_OUT, id.toString())).toList(), now);
        dueNow.afterCommit();
        return ids;
    }
}
