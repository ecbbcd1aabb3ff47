package app.baton.console.security;

import app.baton.console.Forms;
import app.baton.console.Problem;
import app.baton.security.ApiKeyAdministration;
import app.baton.security.ApiKeyAdministration.NewApiKey;
import app.baton.security.Identity;
import app.baton.security.Role;
import app.baton.system.DateRange;
import jakarta.validation.Validator;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Administrators' pages of API keys. A new key is shown on the answer to its creation and nowhere else:
 * it is rendered straight into that page, never put in the session or a URL.
 */
@Controller
class ApiKeyPages {

    private final ApiKeyAdministration keys;
    private final Validator validator;

    ApiKeyPages(ApiKeyAdministration keys, Validator validator) {
        this.keys = keys;
        this.validator = validator;
    }

    @ModelAttribute("allRoles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/console/admin/api-keys")
    String list(Model model) {
        model.addAttribute("keys", keys.list());
        return "console/security/api-keys";
    }

    @PostMapping("/console/admin/api-keys")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<Role> roles,
                  @RequestParam(required = false) String locations, @RequestParam(required = false) String expires,
                  @RequestParam(required = false) String sourceSystems, @AuthenticationPrincipal Identity admin, Model model) {
        OffsetDateTime expiresAt = null;
        if (expires != null && !expires.isBlank()) {
            try {
                LocalDate date = LocalDate.parse(expires.strip());
                if (!DateRange.contains(date)) {
                    throw new DateTimeParseException("out of range", expires, 0);
                }
                expiresAt = date.atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                model.addAttribute("formProblem", new Problem(400, "Please correct the form", null,
                        Map.of("expiresAt", "a date such as 2027-01-31, " + DateRange.RULE)));
                return list(model);
            }
        }
        NewApiKey request = new NewApiKey(name == null ? "" : name.strip(), roles == null ? Set.of() : EnumSet.copyOf(roles),
                Forms.list(locations), expiresAt, Forms.list(sourceSystems));
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            model.addAttribute("formProblem", Forms.problem(violations));
            return list(model);
        }
        model.addAttribute("created", keys.create(request, admin));
        return list(model);
    }

    @PostMapping("/console/admin/api-keys/{id}/revocation")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        keys.revoke(id);
        redirect.addFlashAttribute("notice", "The key is revoked: at once on this server, within 30 seconds on the others.");
        return "redirect:/console/admin/api-keys";
    }
}
