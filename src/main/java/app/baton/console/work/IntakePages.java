package app.baton.console.work;

import app.baton.console.Navigation;
import app.baton.console.Problem;
import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.security.Role;
import app.baton.system.ApiException;
import app.baton.careplan.FieldsUpdate;
import app.baton.intake.IntakeView;
import app.baton.intake.IntakeDesk;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * An intake held for missing information: exactly which fields are missing, why (the rule and table
 * row), and a form with one labelled field for each, so the front desk or a coordinator can complete
 * it. The same service call as {@code POST /api/v1/intake/{id}/fields}.
 */
@Controller
class IntakePages {

    private final IntakeDesk desk;
    private final ZoneId zone;

    IntakePages(IntakeDesk desk, app.baton.calendar.PracticeProperties practice) {
        this.desk = desk;
        this.zone = practice.timeZone();
    }

    @GetMapping("/console/intake/{id}")
    String intake(@PathVariable String id, Model model) {
        IntakeView intake = desk.intake(id);
        model.addAttribute("intake", intake);
        Set<Role> roles = CurrentIdentity.find().map(Identity::roles).orElse(Set.of());
        model.addAttribute("mayComplete", Navigation.allowed(roles, HttpMethod.POST, "/console/intake/" + intake.id() + "/fields"));
        return "console/work/intake";
    }

    @PostMapping("/console/intake/{id}/fields")
    String complete(@PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        FieldsUpdate fields;
        try {
            fields = FieldsForm.read(form, zone);
        } catch (WorkPages.BadField e) {
            return refused(id, Problem.field(e.field, e.getMessage()), model, response);
        }
        try {
            IntakeView after = desk.completeIntake(id, fields);
            redirect.addFlashAttribute("notice", "RELEASED".equals(after.status())
                    ? "Complete: the intake is released and its care plan is built."
                    : "Saved. Still missing: " + String.join(", ", after.missingInfo().stream().map(f -> label(f.field())).toList()) + ".");
            return "redirect:/console/intake/" + after.id();
        } catch (ApiException e) {
            return refused(id, Problem.of(e), model, response);
        }
    }

    private String refused(String id, Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status());
        model.addAttribute("formProblem", problem);
        return intake(id, model);
    }

    /** The form field's name for a flagged field: {@code patient.memberId} is {@code memberId}. */
    static String label(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }
}
