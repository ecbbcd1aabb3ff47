package app.baton.console;

import app.baton.security.Identity;
import app.baton.security.PermissionMatrix;
import app.baton.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every console page shows around its content: who is logged in, and the pages their roles may
 * open. A link is offered only when the permission matrix lets one of the caller's roles open it, so the
 * navigation can never offer a page that would answer 403.
 */
@ControllerAdvice(basePackageClasses = Navigation.class)
public class Navigation {

    /** One page in the navigation, with a short word on what it is for. */
    record Link(String path, String label, String purpose) {
    }

    /** The person and the links their roles open. */
    record Menu(String name, Set<Role> roles, List<Link> links) {

        public boolean clinicalLead() {
            return roles.contains(Role.CLINICAL_LEAD);
        }
    }

    static final List<Link> PAGES = List.of(
            new Link("/console/work", "Work", "my queues: tasks by due date, overdue first"),
            new Link("/console/notifications", "Notifications", "hand-offs and other notices for me"),
            new Link("/console/rules", "Rules", "rule set versions: upload, review, approve, activate"),
            new Link("/console/cds-feedback", "Card feedback", "per table row: how often the EHR's users follow Baton's cards"),
            new Link("/console/decisions", "Decisions", "look up a decision: its inputs, outputs and the table rows that fired"),
            new Link("/console/dashboards", "Dashboards", "work by stage, overdue by queue, SLA attainment, time in stage"),
            new Link("/console/dashboards/exceptions", "Exception report", "overdue, blocked and reopened work, to filter and export"),
            new Link("/console/audit", "Audit trail", "search and export who did what, and check the chain"),
            new Link("/console/audit/break-glass", "Break-glass report", "emergency accesses to review"),
            new Link("/console/admin/users", "Users", "people, their roles and locations"),
            new Link("/console/admin/api-keys", "API keys", "keys of the apps that ask Baton for decisions"),
            new Link("/console/admin/webhooks", "Webhooks", "endpoints told about hand-offs and completions, and dead letters"));

    @ModelAttribute("menu")
    Menu menu(@AuthenticationPrincipal Identity me) {
        if (me == null) {
            return null;
        }
        return new Menu(me.name(), new TreeSet<>(me.roles()), offered(me.roles()));
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * The page of the navigation the request is on: the longest link the address starts with, so that
     * /console/dashboards/exceptions marks "Exception report" and not "Dashboards" as well.
     */
    @ModelAttribute("currentLink")
    String currentLink(HttpServletRequest request) {
        String path = request.getRequestURI();
        return PAGES.stream().map(Link::path)
                .filter(link -> path.equals(link) || path.startsWith(link + "/"))
                .max(java.util.Comparator.comparingInt(String::length))
                .orElse(null);
    }

    /** What the Rules page is for to a role that reads rule sets but may not change them (a compliance reviewer). */
    static final String RULES_READ_ONLY = "rule set versions: read each version's tables, test gate, changes and who approved and activated it";

    static List<Link> offered(Set<Role> roles) {
        return PAGES.stream().filter(link -> allowed(roles, link.path()))
                .map(link -> link.path().equals("/console/rules") && !allowed(roles, HttpMethod.POST, "/console/rules")
                        ? new Link(link.path(), link.label(), RULES_READ_ONLY) : link)
                .toList();
    }

    public static boolean allowed(Set<Role> roles, String path) {
        return allowed(roles, HttpMethod.GET, path);
    }

    /** Whether one of the roles may send this request: pages offer a button only when it would not answer 403. */
    public static boolean allowed(Set<Role> roles, HttpMethod method, String path) {
        return PermissionMatrix.permissionFor(method, path)
                .map(permission -> roles.stream().anyMatch(permission::allows))
                .orElse(false);
    }
}
