/**
 * The console: server-rendered pages (Thymeleaf, with htmx for the parts that update in place) for the
 * people who use Baton. It calls the other modules' public services in-process, never their HTTP API,
 * and owns no tables. Which page a role may open is decided by {@link app.baton.security.PermissionMatrix},
 * like every other request; the navigation offers exactly those pages.
 *
 * <p>A feature's pages live in one sub-package, with their templates in the folder of the same name under
 * {@code templates/console/} and their tests in the same package under {@code src/test}:
 * {@code console.work} (queues, a task, its plan, held intakes), {@code console.ruleset} (rule set versions,
 * upload with the sheet around an error, approval and activation, diff and impact analysis),
 * {@code console.decision} (look up a decision), {@code console.dashboard} (dashboards and the exception report),
 * {@code console.audit} (audit search, break-glass report, chain verification), {@code console.security} (users and
 * API keys) and {@code console.notification} (a person's notifications, webhooks). This package keeps what every
 * page shares: the navigation ({@link app.baton.console.Navigation}), problems on a form ({@link app.baton.console.Problem},
 * {@link app.baton.console.Forms}, the form status), the error pages, labels and times as pages show them, the
 * start page, and the templates {@code layout}, {@code home} and {@code problem}. The card feedback page is the
 * cdshooks module's own.
 *
 * <p>Owns tables: none
 */
package app.baton.console;
