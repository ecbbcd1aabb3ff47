package app.baton.notification;

import app.baton.system.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's own in-app notifications; another person's are not found (404), never forbidden. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = "application/json")
@Tag(name = "Notifications")
class NotificationController {

    record NotificationPage(List<UserNotifications.Entry> items, int page, int size, long unread) {
    }

    private final UserNotifications notifications;
    private final Callers callers;

    private final Inbox inbox;

    NotificationController(UserNotifications notifications, Callers callers, Inbox inbox) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.callers = callers;
    }

    @GetMapping
    @Operation(summary = "My notifications", description = "Unread first, then newest first; page from 0, size up to 100.")
    NotificationPage list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Paging paging = Paging.of(page, size);
        String me = me();
        return new NotificationPage(notifications.page(me, paging), paging.page(), paging.size(), notifications.unread(me));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read", description = "Idempotent: the first read time is kept.")
    ResponseEntity<Void> read(@PathVariable String id) {
        inbox.markRead(id);
        return ResponseEntity.noContent().build();
    }

    private String me() {
        return callers.current().actor().name();
    }
}
