package app.baton.console.notification;

import app.baton.console.Forms;
import app.baton.console.Problem;
import app.baton.notification.Webhooks;
import app.baton.system.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Administrators' page of webhook endpoints and their dead letters. A new endpoint's signing secret is
 * rendered into the answer to its creation only, never put in the session or a URL.
 */
@Controller
class WebhookPages {

    private final Webhooks webhooks;

    WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/console/admin/webhooks")
    String list(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("endpoints", webhooks.endpoints());
        model.addAttribute("deadLetters", webhooks.deadLetters(page, "20"));
        return "console/notification/webhooks";
    }

    @PostMapping("/console/admin/webhooks")
    String create(@RequestParam(required = false) String url, @RequestParam(required = false) String kinds, Model model,
                  HttpServletResponse response) {
        Set<String> codes = new LinkedHashSet<>(Forms.list(kinds == null ? "" : kinds.toUpperCase(java.util.Locale.ROOT)));
        try {
            model.addAttribute("created", webhooks.create(url == null ? "" : url.strip(), codes));
        } catch (ApiException e) {
            Problem problem = Problem.of(e);
            response.setStatus(problem.status());
            model.addAttribute("formProblem", problem);
            model.addAttribute("url", url);
            model.addAttribute("kinds", kinds);
        }
        return list(null, model);
    }

    @PostMapping("/console/admin/webhooks/{id}/disabling")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        webhooks.disable(id);
        redirect.addFlashAttribute("notice", "The endpoint is disabled: no new deliveries, and pending ones are cancelled.");
        return "redirect:/console/admin/webhooks";
    }

    @PostMapping("/console/admin/webhooks/dead-letters/{id}/redrive")
    String redrive(@PathVariable String id, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            webhooks.redrive(id);
        } catch (ApiException e) {
            Problem problem = Problem.of(e);
            response.setStatus(problem.status());
            model.addAttribute("redriveProblem", problem);
            model.addAttribute("redriveId", id);
            return list(null, model);
        }
        redirect.addFlashAttribute("notice", "The dead letter is on its way again, with a fresh count of tries.");
        return "redirect:/console/admin/webhooks";
    }
}
