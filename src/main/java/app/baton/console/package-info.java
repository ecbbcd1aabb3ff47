/**
 * The console: server-rendered pages (Thymeleaf, with htmx for the parts that update in place) for the
 * people who use Baton. It calls the other modules' public services in-process, never their HTTP API,
 * and owns no tables. Which page a role may open is decided by {@link app.baton.security.PermissionMatrix},
 * like every other request; the navigation offers exactly those pages.
 *
 * <p>Owns tables: none
 */
package app.baton.console;
