package app.baton.console.notification;

import app.baton.notification.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The caller's in-app notifications (hand-offs, escalations, completions): unread first, each linking to its task. */
@Controller
class NotificationPages {

    private final Inbox inbox;

    NotificationPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/console/notifications")
    String list(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("inbox", inbox.mine(page, "20"));
        return "console/notification/notifications";
    }

    @PostMapping("/console/notifications/{id}/read")
    String read(@PathVariable String id) {
        inbox.markRead(id);
        return "redirect:/console/notifications";
    }
}
