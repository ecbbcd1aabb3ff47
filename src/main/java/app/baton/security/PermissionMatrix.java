package app.baton.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static app.baton.security.Role.ADMIN;
import static app.baton.security.Role.BILLING;
import static app.baton.security.Role.CARE_COORDINATOR;
import static app.baton.security.Role.CLINICAL_LEAD;
import static app.baton.security.Role.CLINICAL_STAFF;
import static app.baton.security.Role.COMPLIANCE_REVIEWER;
import static app.baton.security.Role.FRONT_DESK;
import static app.baton.security.Role.INTEGRATION;
import static app.baton.security.Role.LEADERSHIP;

/**
 * Who may call what: the one source of truth. The security filter chain is built from this
 * list, in this order (the first matching entry decides), and denies every request that no
 * entry matches. docs/security-matrix.md is generated from it, and a test checks it against
 * every endpoint the application actually serves. A new endpoint needs a line here.
 */
public final class PermissionMatrix {

    /** People who work patients' tasks. */
    public static final Set<Role> STAFF = EnumSet.of(FRONT_DESK, CLINICAL_STAFF, CARE_COORDINATOR, BILLING, LEADERSHIP, CLINICAL_LEAD);

    /** Who may read rule set versions: their authors and their auditors. */
    public static final Set<Role> RULE_READERS = EnumSet.of(CLINICAL_LEAD, COMPLIANCE_REVIEWER);

    /** Every role a person holds (not an app's key): who has an in-app notification list. */
    public static final Set<Role> PEOPLE = with(STAFF, COMPLIANCE_REVIEWER, ADMIN);

    /** Who works tasks: the staff but leadership, which reads the dashboards. */
    public static final Set<Role> TASK_WORKERS = EnumSet.of(FRONT_DESK, CLINICAL_STAFF, CARE_COORDINATOR, BILLING, CLINICAL_LEAD);

    /**
     * Who reads the dashboards and the exception report: leadership, and clinical leads, who own the rules
     * that set the due dates the figures measure. Numbers and task ids only, limited to the reader's locations.
     */
    public static final Set<Role> DASHBOARD_READERS = EnumSet.of(LEADERSHIP, CLINICAL_LEAD);

    /** Who takes in referrals and discharges: the integrations that send them, and the staff who key them in or fix them. */
    public static final Set<Role> INTAKE = EnumSet.of(INTEGRATION, FRONT_DESK, CARE_COORDINATOR);

    /**
     * Who has a FHIR role: every role that may call one of the FHIR endpoints (staff and integrations, as the JSON API
     * calls they stand for). Only they learn which FHIR addresses Baton does not serve.
     */
    public static final Set<Role> FHIR_CLIENTS = with(STAFF, INTEGRATION);
    /**
     * A FHIR logical id in a path (R4's id type: letters, digits, '-' and '.'). A segment that starts with '$' is an
     * operation, never an id, so {@code POST /fhir/r4/Task/$unknown} is a 404 not-supported, not a 405 of the read.
     */
    public static final String FHIR_ID = "{id:[A-Za-z0-9.-]+}";

    /** {@code EHR}: only an allow-listed EHR's signed JWT (CDS Hooks); no role, no API key or session counts there. */
    public enum Access { PUBLIC, AUTHENTICATED, ROLES, EHR }

    /**
     * One line of the matrix.
     *
     * @param method  the HTTP method, or null for every method
     * @param pattern a Spring path pattern, as in the controller mapping
     */
    public record Permission(HttpMethod method, String pattern, Access access, Set<Role> roles, String what) {

        private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

        public Permission {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        public boolean allows(Role role) {
            return access == Access.PUBLIC || access == Access.AUTHENTICATED || roles.contains(role);
        }

        public boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod)) && parsed().matches(PathContainer.parsePath(path));
        }

        private PathPattern parsed() {
            return PARSER.parse(pattern);
        }
    }

    public static final List<Permission> PERMISSIONS = List.of(
            roles(HttpMethod.POST, "/api/v1/decisions", "decide one task", with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/api/v1/decisions/batch", "decide up to 1,000 tasks", with(STAFF, INTEGRATION)),
            roles(HttpMethod.GET, "/api/v1/decisions", "a task's decision history (?taskId=), newest first",
                    with(STAFF, INTEGRATION, COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/api/v1/decisions/{id}", "read a recorded decision", with(STAFF, INTEGRATION, COMPLIANCE_REVIEWER)),
            new Permission(HttpMethod.GET, "/api/v1/me", Access.AUTHENTICATED, Set.of(), "who am I: name, roles, locations"),

            roles(HttpMethod.GET, "/api/v1/rule-sets", "list rule set versions", RULE_READERS),
            roles(HttpMethod.GET, "/api/v1/rule-sets/active", "the active rule set version", RULE_READERS),
            roles(HttpMethod.GET, "/api/v1/rule-sets/{version}", "one rule set version: files, test gate, history", RULE_READERS),
            roles(HttpMethod.GET, "/api/v1/rule-sets/{version}/scenario-results", "a version's scenario results", RULE_READERS),
            roles(HttpMethod.GET, "/api/v1/rule-sets/{version}/files/{*path}", "download a table, DRL or scenario file", RULE_READERS),
            roles(HttpMethod.GET, "/api/v1/rule-sets/{version}/bundle.zip", "download a whole version", RULE_READERS),
            roles(HttpMethod.POST, "/api/v1/rule-sets", "upload a draft version", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.POST, "/api/v1/rule-sets/{version}/approval", "approve a draft (not its author)", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.POST, "/api/v1/rule-sets/{version}/activation", "activate or roll back", Set.of(CLINICAL_LEAD)),

            roles(HttpMethod.GET, "/api/v1/users", "list users", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/api/v1/users", "create a user", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/api/v1/users/{id}", "read a user", Set.of(ADMIN)),
            roles(HttpMethod.PUT, "/api/v1/users/{id}", "change a user's roles, locations, enabled", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/api/v1/users/{id}/password", "reset a user's password", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/api/v1/users/{id}/unlock", "end a user's lock-out", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/api/v1/api-keys", "list API keys", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/api/v1/api-keys", "create an API key (shown once)", Set.of(ADMIN)),
            roles(HttpMethod.DELETE, "/api/v1/api-keys/{id}", "revoke an API key", Set.of(ADMIN)),

            roles(HttpMethod.GET, "/api/v1/audit/events", "search the audit trail", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/api/v1/audit/events.csv", "export the audit trail", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/api/v1/audit/verify", "verify the audit hash chain", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/api/v1/audit/break-glass", "report of emergency accesses", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.POST, "/api/v1/break-glass", "emergency access to one patient",
                    Set.of(CLINICAL_STAFF, CARE_COORDINATOR, CLINICAL_LEAD)),

            roles(HttpMethod.GET, "/api/v1/rule-sets/{version}/diff", "what changed from another rule set version",
                    Set.of(CLINICAL_LEAD, COMPLIANCE_REVIEWER)),
            roles(HttpMethod.POST, "/api/v1/rule-sets/{version}/impact-analyses", "start replaying recorded decisions against a version",
                    Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/api/v1/rule-sets/{version}/impact-analyses", "list a version's impact analyses",
                    Set.of(CLINICAL_LEAD, COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/api/v1/rule-sets/{version}/impact-analyses/{id}", "an impact analysis: progress and report",
                    Set.of(CLINICAL_LEAD, COMPLIANCE_REVIEWER)),
            roles(HttpMethod.POST, "/api/v1/rule-sets/{version}/impact-analyses/{id}/cancel", "cancel a running impact analysis",
                    Set.of(CLINICAL_LEAD)),

            roles(HttpMethod.GET, "/api/v1/notifications", "my in-app notifications, unread first", PEOPLE),
            roles(HttpMethod.POST, "/api/v1/notifications/{id}/read", "mark one of my notifications read", PEOPLE),
            roles(HttpMethod.GET, "/api/v1/webhooks/dead-letters", "webhook deliveries that gave up", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/api/v1/webhooks/dead-letters/{id}/redrive", "send a dead letter again", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/api/v1/webhooks/events/{eventId}/deliveries", "delivery history of an event", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/api/v1/webhooks", "list webhook endpoints", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/api/v1/webhooks", "register a webhook endpoint (secret shown once)", Set.of(ADMIN)),
            roles(HttpMethod.DELETE, "/api/v1/webhooks/{id}", "disable a webhook endpoint", Set.of(ADMIN)),

            // The console's pages (app.baton.console): the same roles as the API calls behind them.
            open(HttpMethod.GET, "/login", "the login page"),
            open(HttpMethod.GET, "/console/assets/**", "the console's style sheet and scripts"),
            open(HttpMethod.GET, "/favicon.ico", "the console's icon, which browsers ask for on every page"),
            open(HttpMethod.GET, "/webjars/**", "libraries the console uses (htmx), served from Baton itself"),
            signedIn(HttpMethod.GET, "/", "sends a person to the console"),
            signedIn(HttpMethod.GET, "/console", "console: start page with the pages your roles offer"),
            roles(HttpMethod.GET, "/console/rules", "console: rule set versions as a timeline, upload form", RULE_READERS),
            roles(HttpMethod.POST, "/console/rules", "console: upload changed tables as a draft", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/console/rules/{version}", "console: one version: files, test gate, scenarios, history", RULE_READERS),
            roles(HttpMethod.GET, "/console/rules/{version}/diff", "console: what changed from another version, cell by cell", RULE_READERS),
            roles(HttpMethod.GET, "/console/rules/{version}/approval", "console: confirm approving a draft", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.POST, "/console/rules/{version}/approval", "console: approve a draft (not its author)", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/console/rules/{version}/activation", "console: confirm activating or rolling back", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.POST, "/console/rules/{version}/activation", "console: activate or roll back", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.POST, "/console/rules/{version}/impact-analyses", "console: start an impact analysis", Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/console/rules/{version}/impact-analyses/{id}", "console: an impact analysis and its report",
                    RULE_READERS),
            roles(HttpMethod.GET, "/console/rules/{version}/impact-analyses/{id}/progress", "console: an impact analysis's progress "
                    + "(polled while it runs)", RULE_READERS),
            roles(HttpMethod.POST, "/console/rules/{version}/impact-analyses/{id}/cancel", "console: cancel a running impact analysis",
                    Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/console/decisions", "console: look up a decision by id", with(STAFF, COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/console/decisions/{id}", "console: a recorded decision: inputs, outputs, fired rows",
                    with(STAFF, COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/console/audit", "console: search the audit trail", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.POST, "/console/audit", "console: search with filters (sent in the body: a patient id stays out of URLs)",
                    Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.POST, "/console/audit/export.csv", "console: export the audit trail (audited)", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/console/audit/verification", "console: verify the audit hash chain", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/console/audit/break-glass", "console: report of emergency accesses", Set.of(COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/console/dashboards", "console: leadership dashboards (charts and their tables)", DASHBOARD_READERS),
            roles(HttpMethod.GET, "/console/dashboards/figures.csv", "console: export the dashboard figures (audited)",
                    DASHBOARD_READERS),
            roles(HttpMethod.GET, "/console/dashboards/exceptions", "console: the exception report, with filters", DASHBOARD_READERS),
            roles(HttpMethod.GET, "/console/dashboards/exceptions.csv", "console: export the exception report (audited)",
                    DASHBOARD_READERS),
            roles(HttpMethod.GET, "/console/admin/users", "console: users, their roles and locations", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/users", "console: create a user", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/console/admin/users/{id}", "console: one user, to change", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/users/{id}", "console: change a user's roles, locations, enabled", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/users/{id}/password", "console: set a user's new password", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/users/{id}/unlock", "console: end a user's lock-out", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/console/admin/api-keys", "console: API keys", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/api-keys", "console: create an API key (shown once)", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/api-keys/{id}/revocation", "console: revoke an API key", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/console/work", "console: my roles' open tasks, or mine (scope=me), filtered and paged", STAFF),
            roles(HttpMethod.GET, "/console/work/queues/{queue}", "console: one queue's open tasks, filtered and paged", STAFF),
            roles(HttpMethod.GET, "/console/tasks/{id}", "console: a task, its plan, prompt and why, activity log",
                    with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/console/tasks/{id}/status", "console: move a task to an allowed status",
                    with(TASK_WORKERS, INTEGRATION)),
            roles(HttpMethod.POST, "/console/tasks/{id}/activities", "console: record a call attempt or other activity",
                    with(TASK_WORKERS, INTEGRATION)),
            roles(HttpMethod.GET, "/console/plans/{id}", "console: a care plan (the page of its first task, with the plan's tasks and checklist)",
                    with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/console/plans/{id}/facts", "console: change a care plan's facts (e.g. the booked visit)",
                    with(TASK_WORKERS, INTEGRATION)),
            roles(HttpMethod.POST, "/console/plans/{id}/closure", "console: close a care plan whose checklist is met",
                    Set.of(CARE_COORDINATOR, CLINICAL_STAFF, CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/console/intake/{id}", "console: an intake, held or released, and what is missing",
                    with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/console/intake/{id}/fields", "console: complete a held intake's missing fields", INTAKE),
            roles(HttpMethod.GET, "/console/notifications", "console: my in-app notifications", PEOPLE),
            roles(HttpMethod.POST, "/console/notifications/{id}/read", "console: mark one of my notifications read", PEOPLE),
            roles(HttpMethod.GET, "/console/admin/webhooks", "console: webhook endpoints and dead letters", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/webhooks", "console: register a webhook endpoint (secret shown once)",
                    Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/webhooks/{id}/disabling", "console: disable a webhook endpoint", Set.of(ADMIN)),
            roles(HttpMethod.POST, "/console/admin/webhooks/dead-letters/{id}/redrive", "console: send a dead letter again",
                    Set.of(ADMIN)),

            ehr(HttpMethod.GET, "/cds-services", "CDS Hooks discovery: Baton's services and their prefetch templates"),
            ehr(HttpMethod.POST, "/cds-services/{id}/feedback", "CDS Hooks feedback: cards accepted or overridden, and why"),
            ehr(HttpMethod.POST, "/cds-services/{id}", "CDS Hooks call: cards decided by the active rule set"),
            roles(HttpMethod.GET, "/api/v1/cds-hooks/row-figures", "per table row: CDS Hooks cards shown, accepted, overridden and why",
                    Set.of(CLINICAL_LEAD, COMPLIANCE_REVIEWER)),
            roles(HttpMethod.GET, "/console/cds-feedback", "console: per table row, how often its CDS Hooks cards are accepted",
                    RULE_READERS),
            roles(HttpMethod.POST, "/api/v1/demo/ehr-token", "demo profile only: a demo EHR token for one CDS Hooks call",
                    Set.of(INTEGRATION, ADMIN)),

            roles(HttpMethod.POST, "/api/v1/intake/referrals", "take in a referral (idempotent by source id)", INTAKE),
            roles(HttpMethod.POST, "/api/v1/intake/discharges", "take in a discharge event (idempotent by source id)", INTAKE),
            roles(HttpMethod.GET, "/api/v1/intake/{id}", "read an intake: held or released, what is missing", with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/api/v1/intake/{id}/fields", "complete a held intake's fields", INTAKE),
            roles(HttpMethod.GET, "/api/v1/plans/{id}", "read a care plan, its tasks and closure checklist", with(STAFF, INTEGRATION)),
            roles(HttpMethod.PATCH, "/api/v1/plans/{id}", "change a care plan's facts (e.g. the scheduled visit)",
                    with(TASK_WORKERS, INTEGRATION)),
            roles(HttpMethod.POST, "/api/v1/plans/{id}/closure", "close a care plan whose checklist is met",
                    Set.of(CARE_COORDINATOR, CLINICAL_STAFF, CLINICAL_LEAD)),
            roles(HttpMethod.POST, "/api/v1/plans/{id}/reopening", "reopen a closed care plan, with a reason",
                    Set.of(CARE_COORDINATOR, CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/api/v1/tasks/{id}", "read a task and its activity log", with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/api/v1/tasks/{id}/status", "change a task's status", with(TASK_WORKERS, INTEGRATION)),
            roles(HttpMethod.POST, "/api/v1/tasks/{id}/owner", "give a task to a person of its queue", TASK_WORKERS),
            roles(HttpMethod.POST, "/api/v1/tasks/{id}/activities", "log a call attempt, message, note, document or barrier",
                    with(TASK_WORKERS, INTEGRATION)),
            roles(HttpMethod.GET, "/api/v1/queues/{queue}/tasks", "a queue's open tasks", STAFF),
            roles(HttpMethod.GET, "/api/v1/my/tasks", "my roles' or my own open tasks", STAFF),
            roles(HttpMethod.GET, "/api/v1/dashboards/figures", "dashboard figures: by stage and status, overdue, SLA, time in stage",
                    DASHBOARD_READERS),
            roles(HttpMethod.GET, "/api/v1/dashboards/figures.csv", "export the dashboard figures (audited)", DASHBOARD_READERS),
            roles(HttpMethod.GET, "/api/v1/dashboards/exceptions", "the exception report: overdue, blocked, reopened tasks",
                    DASHBOARD_READERS),
            roles(HttpMethod.GET, "/api/v1/dashboards/exceptions.csv", "export the exception report (audited)", DASHBOARD_READERS),
            roles(HttpMethod.POST, "/api/v1/tracker/re-evaluations", "preview a re-evaluation of open tasks, or start applying it (202)",
                    Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/api/v1/tracker/re-evaluations", "applied re-evaluations and their progress (counts only)",
                    Set.of(CLINICAL_LEAD)),
            roles(HttpMethod.GET, "/api/v1/tracker/re-evaluations/{id}", "one applied re-evaluation of your locations: progress, "
                    + "what it changed, examples", Set.of(CLINICAL_LEAD)),

            // FHIR R4 (app.baton.fhir): the same roles as the JSON API calls they stand for.
            open(HttpMethod.GET, "/fhir/r4/metadata", "FHIR CapabilityStatement: what the FHIR endpoints support (no data)"),
            roles(HttpMethod.GET, "/fhir/r4/Task", "FHIR Task search: patient, status, owner, _lastUpdated, _count", with(STAFF, INTEGRATION)),
            roles(HttpMethod.GET, "/fhir/r4/Task/" + FHIR_ID, "read a task as a FHIR Task", with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/fhir/r4/Task/$decide", "decide a FHIR Task (recorded like POST /api/v1/decisions)",
                    with(STAFF, INTEGRATION)),
            roles(HttpMethod.GET, "/fhir/r4/CarePlan/" + FHIR_ID, "read a care plan as a FHIR CarePlan", with(STAFF, INTEGRATION)),
            roles(HttpMethod.POST, "/fhir/r4/Encounter", "take in a discharge as a FHIR Encounter (idempotent by identifier)", INTAKE),
            roles(HttpMethod.POST, "/fhir/r4/ServiceRequest", "take in a referral as a FHIR ServiceRequest (idempotent by identifier)", INTAKE),
            // After every FHIR line: a FHIR client with a FHIR role learns that a resource type or operation is not served
            // (404 OperationOutcome, not-supported) instead of a 403 it would take for a missing permission. A served path
            // called with another method is still a 405 (the lines above name its resource).
            roles(null, "/fhir/r4/**", "any other FHIR address: 404 OperationOutcome naming the resource type or operation "
                    + "Baton does not serve (CapabilityStatement)", FHIR_CLIENTS),

            open(HttpMethod.GET, "/actuator/health/**", "liveness and readiness probes"),
            roles(HttpMethod.GET, "/actuator/prometheus", "metrics", Set.of(ADMIN)),
            roles(HttpMethod.GET, "/actuator/info", "build information", Set.of(ADMIN)),
            open(HttpMethod.GET, "/v3/api-docs/**", "OpenAPI description"),
            open(HttpMethod.GET, "/v3/api-docs.yaml", "OpenAPI description as YAML"),
            open(HttpMethod.GET, "/swagger-ui/**", "Swagger UI"),
            open(HttpMethod.GET, "/swagger-ui.html", "Swagger UI"),
            open(null, "/error", "error pages of failed requests (their problem details)"));

    private PermissionMatrix() {
    }

    /** The entry that decides a request, as the filter chain picks it; empty means denied to all. */
    public static Optional<Permission> permissionFor(HttpMethod method, String path) {
        return PERMISSIONS.stream().filter(p -> p.matches(method, path)).findFirst();
    }

    private static Permission roles(HttpMethod method, String pattern, String what, Set<Role> roles) {
        return new Permission(method, pattern, Access.ROLES, roles, what);
    }

    private static Permission ehr(HttpMethod method, String pattern, String what) {
        return new Permission(method, pattern, Access.EHR, Set.of(), what);
    }

    private static Permission signedIn(HttpMethod method, String pattern, String what) {
        return new Permission(method, pattern, Access.AUTHENTICATED, Set.of(), what);
    }

    private static Permission open(HttpMethod method, String pattern, String what) {
        return new Permission(method, pattern, Access.PUBLIC, Set.of(), what);
    }

    private static Set<Role> with(Set<Role> group, Role... more) {
        EnumSet<Role> all = EnumSet.copyOf(group);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
