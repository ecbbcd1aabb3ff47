package app.baton.console.security;

import app.baton.console.Forms;
import app.baton.console.Problem;
import app.baton.security.Role;
import app.baton.security.UserAdministration;
import app.baton.security.UserAdministration.NewUser;
import app.baton.security.UserAdministration.PasswordReset;
import app.baton.security.UserAdministration.UserChange;
import app.baton.system.ApiException;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Administrators' pages of people's accounts: list, create, change roles, locations and enabled, set a new password, end a lock-out. */
@Controller
class UserPages {

    private final UserAdministration users;
    private final Validator validator;

    UserPages(UserAdministration users, Validator validator) {
        this.users = users;
        this.validator = validator;
    }

    @ModelAttribute("allRoles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/console/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.list());
        return "console/security/users";
    }

    @PostMapping("/console/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String locations,
                  Model model, RedirectAttributes redirect) {
        NewUser user = new NewUser(username == null ? "" : username.strip(), password == null ? "" : password,
                roles == null ? Set.of() : EnumSet.copyOf(roles), Forms.list(locations));
        var violations = validator.validate(user);
        try {
            if (violations.isEmpty()) {
                var created = users.create(user);
                redirect.addFlashAttribute("notice", "User " + created.username() + " can now log in.");
                return "redirect:/console/admin/users";
            }
            model.addAttribute("formProblem", Forms.problem(violations));
        } catch (ApiException e) {
            model.addAttribute("formProblem", Problem.of(e).asField("username"));
        }
        model.addAttribute("draft", user);
        model.addAttribute("draftLocations", locations);
        return list(model);
    }

    @GetMapping("/console/admin/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("user", users.read(id));
        return "console/security/user";
    }

    @PostMapping("/console/admin/users/{id}")
    String change(@PathVariable UUID id, @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String locations,
                  @RequestParam(required = false) String enabled, Model model, RedirectAttributes redirect) {
        UserChange change = new UserChange(roles == null ? Set.of() : EnumSet.copyOf(roles), Forms.list(locations), enabled != null);
        var violations = validator.validate(change);
        if (!violations.isEmpty()) {
            model.addAttribute("formProblem", Forms.problem(violations));
            return edit(id, model);
        }
        try {
            var changed = users.change(id, change);
            redirect.addFlashAttribute("notice", "Saved the changes to " + changed.username() + ".");
            return "redirect:/console/admin/users";
        } catch (ApiException e) {
            model.addAttribute("formProblem", Problem.of(e).asField("roles"));
            return edit(id, model);
        }
    }

    @PostMapping("/console/admin/users/{id}/password")
    String resetPassword(@PathVariable UUID id, @RequestParam(required = false) String password, Model model, RedirectAttributes redirect) {
        PasswordReset reset = new PasswordReset(password == null ? "" : password);
        var violations = validator.validate(reset);
        try {
            if (violations.isEmpty()) {
                var user = users.resetPassword(id, reset);
                redirect.addFlashAttribute("notice", user.username() + " has a new password; their open sessions have ended.");
                return "redirect:/console/admin/users";
            }
            model.addAttribute("formProblem", Forms.problem(violations));
        } catch (ApiException e) {
            model.addAttribute("formProblem", Problem.of(e).asField("password"));
        }
        return edit(id, model);
    }

    @PostMapping("/console/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        var user = users.unlock(id);
        redirect.addFlashAttribute("notice", user.username() + " can log in again: the lock and the count of wrong passwords are cleared.");
        return "redirect:/console/admin/users";
    }
}
