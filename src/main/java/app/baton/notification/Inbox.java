package app.baton.notification;

import app.baton.system.ApiException;
import app.baton.system.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The caller's own in-app notifications as one in-process service, for the HTTP API and the console:
 * another person's notification is "not found", never forbidden.
 */
@Service
public class Inbox {

    /** One notification: ids and codes only, never patient data. */
    public record Item(String id, String kind, String planId, String taskId, String queue, Map<String, String> codes,
                       Instant occurredAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    public record Page(List<Item> items, int page, int size, long unread) {
    }

    private final UserNotifications notifications;
    private final Callers callers;
    private final Clock clock;

    Inbox(UserNotifications notifications, Callers callers, Clock clock) {
        this.notifications = notifications;
        this.callers = callers;
        this.clock = clock;
    }

    /** Unread first, then newest first. */
    public Page mine(String page, String size) {
        Paging paging = Paging.of(page, size);
        String me = me();
        List<Item> items = notifications.page(me, paging).stream().map(e -> new Item(e.id().toString(), e.kind(), e.planId(),
                e.taskId(), e.queue(), e.codes(), e.occurredAt(), e.readAt())).toList();
        return new Page(items, paging.page(), paging.size(), notifications.unread(me));
    }

    /** Marks one of the caller's notifications read (the first read time is kept). */
    public void markRead(String id) {
        if (!notifications.markRead(Paging.id("id", id), me(), clock.instant())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "notification-not-found", "No such notification",
                    "you have no notification with this id");
        }
    }

    private String me() {
        return callers.current().actor().name();
    }
}
