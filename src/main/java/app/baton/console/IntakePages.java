package app.baton.console;

import app.baton.engine.model.Complexity;
import app.baton.engine.model.Priority;
import app.baton.system.ApiException;
import app.baton.tracker.FieldsUpdate;
import app.baton.tracker.IntakeView;
import app.baton.tracker.Worklists;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.security.Role;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * An intake held for missing information: exactly which fields are missing, why (the rule and table
 * row), and a form with one labelled field for each, so the front desk or a coordinator can complete
 * it. The same service call as {@code POST /api/v1/intake/{id}/fields}.
 */
@Controller
class IntakePages {

    private final Worklists worklists;
    private final ZoneId zone;

    IntakePages(Worklists worklists, app.baton.calendar.PracticeProperties practice) {
        this.worklists = worklists;
        this.zone = practice.timeZone();
    }

    @GetMapping("/console/intake/{id}")
    String intake(@PathVariable String id, Model model) {
        IntakeView intake = worklists.intake(id);
        model.addAttribute("intake", intake);
        Set<Role> roles = CurrentIdentity.find().map(Identity::roles).orElse(Set.of());
        model.addAttribute("mayComplete", Navigation.allowed(roles, HttpMethod.POST, "/console/intake/" + intake.id() + "/fields"));
        return "console/intake";
    }

    @PostMapping("/console/intake/{id}/fields")
    String complete(@PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        FieldsUpdate fields;
        try {
            fields = new FieldsUpdate(text(form, "payer"), text(form, "memberId"), text(form, "language"), yesNo(form, "consentOnFile"),
                    code(Complexity.class, form, "complexity"), code(Priority.class, form, "priority"), time(form, "dischargeAt"),
                    date(form, "periodStart"), number(form, "minutesThisPeriod"), time(form, "faceToFaceAt"),
                    text(form, "referralReason"), text(form, "referringProvider"));
        } catch (WorkPages.BadField e) {
            return refused(id, Problem.field(e.field, e.getMessage()), model, response);
        }
        try {
            IntakeView after = worklists.completeIntake(id, fields);
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

    private static String text(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        if (v != null && v.length() > (name.equals("referralReason") ? 200 : 64)) {
            throw new WorkPages.BadField(name, "too long");
        }
        return v;
    }

    private static Boolean yesNo(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        return v == null ? null : Boolean.valueOf(v.equals("true"));
    }

    private static <E extends Enum<E>> E code(Class<E> type, Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new WorkPages.BadField(name, "choose one of the options offered");
        }
    }

    private OffsetDateTime time(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        try {
            return v == null ? null : LocalDateTime.parse(v).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new WorkPages.BadField(name, "a date and time such as 2026-03-13T09:30");
        }
    }

    private static LocalDate date(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new WorkPages.BadField(name, "a date such as 2026-03-01");
        }
    }

    private static Integer number(Map<String, String> form, String name) {
        String v = WorkPages.blank(form.get(name));
        try {
            Integer n = v == null ? null : Integer.valueOf(v);
            if (n != null && n < 0) {
                throw new WorkPages.BadField(name, "zero or more minutes");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new WorkPages.BadField(name, "a whole number of minutes");
        }
    }
}
