package app.baton.console.ruleset;

import app.baton.console.Problem;
import app.baton.ruleset.RuleSetLifecycle;
import app.baton.ruleset.RuleSetVersion;
import app.baton.ruleset.RuleSets;
import app.baton.security.Identity;
import app.baton.system.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Approving, activating and rolling back, each behind a page that says what will happen before the
 * clinical lead confirms it with a note. A refusal (the author approving, a failed test gate) is shown
 * on that page in plain words.
 */
@Controller
class RuleSetLifecyclePages {

    private final RuleSets ruleSets;
    private final RuleSetLifecycle lifecycle;

    RuleSetLifecyclePages(RuleSets ruleSets, RuleSetLifecycle lifecycle) {
        this.ruleSets = ruleSets;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/console/rules/{version}/approval")
    String confirmApproval(@PathVariable int version, Model model) {
        return confirmation("approval", version, model);
    }

    @PostMapping("/console/rules/{version}/approval")
    String approve(@PathVariable int version, @RequestParam(required = false) String note, @AuthenticationPrincipal Identity me,
                   Model model, RedirectAttributes redirect) {
        return step("approval", version, note, model, redirect, n -> lifecycle.approve(version, me.name(), n),
                "Version " + version + " is approved. A clinical lead can now activate it.");
    }

    @GetMapping("/console/rules/{version}/activation")
    String confirmActivation(@PathVariable int version, Model model) {
        return confirmation("activation", version, model);
    }

    @PostMapping("/console/rules/{version}/activation")
    String activate(@PathVariable int version, @RequestParam(required = false) String note, @AuthenticationPrincipal Identity me,
                    Model model, RedirectAttributes redirect) {
        return step("activation", version, note, model, redirect, n -> lifecycle.activate(version, me.name(), n),
                "Version " + version + " is active: every new decision uses it.");
    }

    private String confirmation(String step, int version, Model model) {
        RuleSetVersion v = ruleSets.get(version);
        model.addAttribute("step", step);
        model.addAttribute("v", v);
        RuleSetVersion active = ruleSets.active().orElse(null);
        model.addAttribute("active", active);
        // a retired version decided before: going back to an older one is a rollback; a newer one is activated again
        boolean retired = RuleSetVersion.RETIRED.equals(v.status());
        model.addAttribute("rollback", retired && active != null && v.version() < active.version());
        model.addAttribute("again", retired && (active == null || v.version() > active.version()));
        return "console/ruleset/confirm";
    }

    private String step(String step, int version, String note, Model model, RedirectAttributes redirect,
                        java.util.function.Function<String, RuleSetVersion> action, String done) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > RuleSetPages.MAX_NOTE) {
            model.addAttribute("formProblem", Problem.field("note", text.isEmpty()
                    ? "write a note: why this step, and what you checked" : "at most " + RuleSetPages.MAX_NOTE + " characters"));
        } else {
            try {
                action.apply(text);
                redirect.addFlashAttribute("notice", done);
                return "redirect:/console/rules/" + version;
            } catch (ApiException e) {
                model.addAttribute("refusal", Problem.of(e));
            }
        }
        model.addAttribute("note", text);
        return confirmation(step, version, model);
    }
}
